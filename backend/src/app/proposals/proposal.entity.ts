import type { ProposalContext } from '@congress/workflow';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProposalKind = 'proposal' | 'suggestion';
export type NumberSeries = 'P' | 'J';

/**
 * 提案 (table `proposals`). `state` + `context` are the machine's stored snapshot (conventions, point 7);
 * only WorkflowService writes them, always with `version = proposal_next_version(id, version, expected)`, which
 * fails unless the row is still at the expected version (migration 1765300000000).
 * The date and flag columns mirror the context for queries and reports. Drafts are never deleted for real
 * (their history must stay verifiable): DELETE sets `deleted_at`.
 */
@Entity('proposals')
export class Proposal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'varchar', length: 12, default: 'proposal' }) kind: ProposalKind;
  @Column({ type: 'boolean', default: false }) collective: boolean;
  @Column({ type: 'uuid', nullable: true }) delegationId: string | null;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text', default: '' }) background: string;
  @Column({ type: 'text', default: '' }) suggestions: string;
  @Column({ type: 'uuid', nullable: true }) suggestedCategoryId: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) suggestedDepartmentIds: string[];
  @Column({ type: 'uuid', nullable: true }) categoryId: string | null;
  @Column({ type: 'uuid', nullable: true }) leadDepartmentId: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) coDepartmentIds: string[];
  @Column({ type: 'uuid' }) leadProposerId: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) contactPhone: string | null;
  @Column({ type: 'varchar', length: 60, default: 'draft' }) state: string;
  @Column({ type: 'jsonb' }) context: ProposalContext;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'char', length: 1, nullable: true }) series: NumberSeries | null;
  @Column({ type: 'integer', nullable: true }) number: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) numberLabel: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) repliedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @Column({ type: 'boolean', default: false }) isKey: boolean;
  @Column({ type: 'boolean', default: false }) excellent: boolean;
  @Column({ type: 'boolean', default: false }) published: boolean;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) evaluation: string | null;
  @Column({ type: 'timestamptz', nullable: true }) fulfilledAt: Date | null;
  /** The grade of the reply in force (context.grade), for the figures. */
  @Column({ type: 'char', length: 1, nullable: true }) grade: 'A' | 'B' | 'C' | null;
  @Column({ type: 'smallint', default: 0 }) rehandleCount: number;
  /** A grade-B promise was delivered (context.fulfilled; re-handling resets it). */
  @Column({ type: 'boolean', default: false }) fulfilled: boolean;
  @Column({ type: 'timestamptz', nullable: true }) cosignersFrozenAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
