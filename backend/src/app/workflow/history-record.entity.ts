import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a proposal's history (table `proposal_history`): append-only (a trigger refuses UPDATE, DELETE
 * and TRUNCATE) and chained: `hash = sha256(prev_hash + canonical JSON of the record)`, `prev_hash` being the
 * previous record's hash of the same proposal (null for the first). See history-hash.ts.
 */
@Entity('proposal_history')
export class HistoryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'varchar', length: 60, nullable: true }) fromState: string | null;
  @Column({ type: 'varchar', length: 60 }) toState: string;
  @Column({ type: 'varchar', length: 40 }) event: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) payload: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'char', length: 64, nullable: true }) prevHash: string | null;
  @Column({ type: 'char', length: 64 }) hash: string;
}

/** Per-(session, series) counter of proposal numbers (table `proposal_number_counters`). */
@Entity('proposal_number_counters')
export class NumberCounter {
  @Column({ type: 'uuid', primary: true }) sessionId: string;
  @Column({ type: 'char', length: 1, primary: true }) series: 'P' | 'J';
  @Column({ type: 'integer', default: 0 }) last: number;
}
