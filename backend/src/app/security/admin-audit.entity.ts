import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One successful admin write (table `admin_audit`, migration 1764900000000). */
@Entity('admin_audit')
export class AdminAuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) actorId: string;
  @Column({ type: 'varchar', length: 8 }) method: string;
  @Column({ type: 'varchar', length: 500 }) path: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb' }) body: unknown;
  @Column({ type: 'smallint' }) status: number;
  @Column({ type: 'timestamptz' }) at: Date;
}
