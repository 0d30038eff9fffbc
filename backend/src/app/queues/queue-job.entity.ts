import { Column, Entity, PrimaryColumn } from 'typeorm';

export type QueueJobStatus = 'scheduled' | 'done' | 'skipped' | 'cancelled' | 'obsolete';

/**
 * One job the queues should hold (table `queue_jobs`), keyed by its deterministic BullMQ job id. Written by the
 * outbox relay (notices, reminders, deadlines) and the reconciler; a processor sets the final status in the
 * transaction that does the work. `scheduled` rows are what the reconciler re-adds to Redis after a loss.
 */
@Entity('queue_jobs')
export class QueueJob {
  @PrimaryColumn({ type: 'varchar', length: 200 }) jobId: string;
  @Column({ type: 'varchar', length: 20 }) queue: string;
  @Column({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'uuid', nullable: true }) proposalId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) anchor: Date | null;
  @Column({ type: 'timestamptz' }) runAt: Date;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) data: Record<string, unknown>;
  @Column({ type: 'varchar', length: 12, default: 'scheduled' }) status: QueueJobStatus;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
