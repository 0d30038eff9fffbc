import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file's metadata (table `attachments`); the bytes live in AttachmentStorage under `storage_key`. */
@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'uuid', nullable: true }) replyId: string | null;
  @Column({ type: 'varchar', length: 200 }) storageKey: string;
  @Column({ type: 'varchar', length: 255 }) fileName: string;
  /** Decided from the content's magic bytes, never from the name or the client's Content-Type. */
  @Column({ type: 'varchar', length: 120 }) mimeType: string;
  @Column({ type: 'bigint' }) size: string;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'uuid' }) uploadedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
