import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueueJobStatus } from './queue-job.entity';
import type { QueueName } from './queue-names';
import type { JobToAdd } from './queue-registry';
import { queryPrepared } from '../../database/prepared';

/**
 * A job as PostgreSQL knows it (table `queue_jobs`). The BullMQ job's data is this entry itself, so that a
 * processor can write the row from the job when it runs before the relay's transaction committed.
 */
export interface LedgerEntry {
  jobId: string;
  queue: QueueName;
  name: string;
  proposalId: string | null;
  anchor: string | null;
  /** When it is due, ISO 8601. */
  runAt: string;
  data: Record<string, unknown>;
}

export interface LedgerRow extends LedgerEntry {
  status: QueueJobStatus;
}

const COLUMNS = `job_id AS "jobId", queue, name, proposal_id AS "proposalId", anchor, run_at AS "runAt", data, status`;

function toIso(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(v as string).toISOString();
}

function fromRow(r: Record<string, unknown>): LedgerRow {
  return { ...(r as unknown as LedgerRow), anchor: toIso(r.anchor), runAt: toIso(r.runAt)! };
}

/** The jobs of the queues as rows: PostgreSQL is the source of truth, Redis can be rebuilt from here. */
@Injectable()
export class JobLedger {
  constructor(private readonly db: DataSource) {}

  /**
   * Writes entries that are not there yet; an existing row is left alone, except that with `revive` a row that
   * was cancelled or found obsolete becomes scheduled again (its reason came back: the same deadline again).
   */
  async insert(em: EntityManager, entries: readonly LedgerEntry[], revive = false): Promise<void> {
    if (!entries.length) return;
    const onConflict = revive
      ? `DO UPDATE SET status = 'scheduled', outcome = NULL, finished_at = NULL WHERE queue_jobs.status IN ('cancelled', 'obsolete')`
      : 'DO NOTHING';
    // one statement for all (a relay batch or a reconciler pass writes thousands); one row per job id, since
    // ON CONFLICT DO UPDATE may not touch a row twice in one statement
    const unique = [...new Map(entries.map((e) => [e.jobId, e])).values()];
    await queryPrepared(
      em,
      `INSERT INTO queue_jobs (job_id, queue, name, proposal_id, anchor, run_at, data)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::jsonb[])
       ON CONFLICT (job_id) ${onConflict}`,
      [
        unique.map((e) => e.jobId),
        unique.map((e) => e.queue),
        unique.map((e) => e.name),
        unique.map((e) => e.proposalId),
        unique.map((e) => e.anchor),
        unique.map((e) => e.runAt),
        unique.map((e) => JSON.stringify(e.data)),
      ],
    );
  }

  /**
   * In a processor's transaction: the row of this job, locked until the transaction ends. Written from the job
   * first when missing; when the relay's transaction that writes it is still open, this waits for it.
   */
  async claim(em: EntityManager, entry: LedgerEntry): Promise<LedgerRow> {
    await this.insert(em, [entry]);
    const { rows } = await queryPrepared(em, `SELECT ${COLUMNS} FROM queue_jobs WHERE job_id = $1 FOR UPDATE`, [entry.jobId]);
    return fromRow(rows[0]);
  }

  /** Sets the final status; a row already `done` stays done unless `status` is done too. */
  async finish(em: EntityManager, jobId: string, status: Exclude<QueueJobStatus, 'scheduled'>, outcome: string, at: Date): Promise<void> {
    await queryPrepared(
      em,
      `UPDATE queue_jobs SET status = $2, outcome = $3, finished_at = $4 WHERE job_id = $1 AND (status <> 'done' OR $2 = 'done')`,
      [jobId, status, outcome, at],
    );
  }

  /**
   * In a transaction: up to `limit` scheduled rows of `names` in the reminders queue due by `now`, oldest first,
   * locked; rows another transaction holds are skipped (SKIP LOCKED), so that several sweeps share a burst. In
   * `run_at` order only, which the index gives (queue_jobs_scheduled_idx), so that the scan stops after `limit`
   * rows instead of sorting every row of a burst (thousands share one instant) first.
   */
  async takeDue(em: EntityManager, names: readonly string[], now: Date, limit: number): Promise<LedgerRow[]> {
    const { rows } = await queryPrepared(
      em,
      `SELECT ${COLUMNS} FROM queue_jobs WHERE status = 'scheduled' AND run_at <= $2 AND queue = 'reminders' AND name = ANY($1::text[])
        ORDER BY run_at LIMIT $3 FOR UPDATE OF queue_jobs SKIP LOCKED`,
      [names, now, limit],
    );
    return rows.map(fromRow);
  }

  /** The status of a job's row, or null when it has none yet (no lock: a row that is not scheduled stays so). */
  async statusOf(jobId: string): Promise<QueueJobStatus | null> {
    const { rows } = await queryPrepared<{ status: QueueJobStatus }>(this.db.manager, `SELECT status FROM queue_jobs WHERE job_id = $1`, [jobId]);
    return rows[0]?.status ?? null;
  }

  /** `finish` for many rows at once, each with its own status and outcome. */
  async finishEach(
    em: EntityManager,
    results: readonly { jobId: string; status: Exclude<QueueJobStatus, 'scheduled'>; outcome: string }[],
    at: Date,
  ): Promise<void> {
    if (!results.length) return;
    await queryPrepared(
      em,
      `UPDATE queue_jobs SET status = r.status, outcome = r.outcome, finished_at = $4
         FROM unnest($1::text[], $2::text[], $3::text[]) AS r(job_id, status, outcome)
        WHERE queue_jobs.job_id = r.job_id AND (queue_jobs.status <> 'done' OR r.status = 'done')`,
      [results.map((r) => r.jobId), results.map((r) => r.status), results.map((r) => r.outcome), at],
    );
  }

  /** Ends scheduled rows that lost their reason (cancelled by an effect, or obsolete found by the reconciler). */
  async end(em: EntityManager, jobIds: readonly string[], status: 'cancelled' | 'obsolete', outcome: string, at: Date): Promise<void> {
    if (!jobIds.length) return;
    await queryPrepared(
      em,
      `UPDATE queue_jobs SET status = $2, outcome = $3, finished_at = $4 WHERE job_id = ANY($1::text[]) AND status = 'scheduled'`,
      [jobIds, status, outcome, at],
    );
  }

  /** Every reminder row of some proposals (the relay's batch), whatever the reminder and status. */
  async ofProposals(em: EntityManager, proposalIds: readonly string[]): Promise<LedgerRow[]> {
    const { rows } = await queryPrepared(em, `SELECT ${COLUMNS} FROM queue_jobs WHERE proposal_id = ANY($1::uuid[]) AND queue = 'reminders'`, [
      proposalIds,
    ]);
    return rows.map(fromRow);
  }

  /** Every reminder row of a proposal, whatever its reminder and status (the reconciler syncs them all at once). */
  async ofProposalAll(em: EntityManager, proposalId: string): Promise<LedgerRow[]> {
    const { rows } = await queryPrepared(em, `SELECT ${COLUMNS} FROM queue_jobs WHERE proposal_id = $1 AND queue = 'reminders'`, [proposalId]);
    return rows.map(fromRow);
  }

  /** Every row of a proposal's reminder, whatever its status. */
  async ofProposal(em: EntityManager, proposalId: string, name: string): Promise<LedgerRow[]> {
    const { rows } = await queryPrepared(em, `SELECT ${COLUMNS} FROM queue_jobs WHERE proposal_id = $1 AND name = $2 AND queue = 'reminders'`, [
      proposalId,
      name,
    ]);
    return rows.map(fromRow);
  }

  /** Scheduled rows, oldest due first, in pages (`after` = the last run_at/job_id seen). */
  async scheduled(limit: number, after?: { runAt: string; jobId: string }): Promise<LedgerRow[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM queue_jobs WHERE status = 'scheduled'
         AND ($2::timestamptz IS NULL OR (run_at, job_id) > ($2::timestamptz, $3::text))
       ORDER BY run_at, job_id LIMIT $1`,
      [limit, after?.runAt ?? null, after?.jobId ?? null],
    )) as Record<string, unknown>[];
    return rows.map(fromRow);
  }
}

/** The BullMQ job of a ledger entry: its data is the entry; a reminder's delay counts from the app's clock, a notice's is 0. */
export function jobOf(entry: LedgerEntry, now: Date): JobToAdd {
  const delay = entry.queue === 'reminders' ? Math.max(0, Date.parse(entry.runAt) - now.getTime()) : 0;
  return { jobId: entry.jobId, name: entry.name, data: { ...entry }, delay };
}

/** The entry a job carries (see jobOf). */
export function entryOf(data: unknown): LedgerEntry {
  const d = data as LedgerEntry;
  if (!d || typeof d.jobId !== 'string' || typeof d.runAt !== 'string' || typeof d.queue !== 'string') {
    throw new Error('the job carries no ledger entry');
  }
  return d;
}
