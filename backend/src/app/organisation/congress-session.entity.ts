import type { SessionRules } from '@congress/workflow';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 届次/会议 (table `congress_sessions`), e.g. 第五届教职工代表大会第三次会议: term 5, meeting 3. `year` goes into
 * proposal numbers (2026-007). `rules` is the complete SessionRules (every default filled in when written;
 * read through `resolveStoredRules`). At most one row has `is_current` (partial unique index).
 */
@Entity('congress_sessions')
export class CongressSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  term: number;

  @Column({ type: 'integer' })
  meeting: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  titleEn: string | null;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  rules: SessionRules;

  @Column({ type: 'boolean', default: false })
  isCurrent: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
