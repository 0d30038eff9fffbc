import type { EntityManager } from 'typeorm';
import { JobLedger, LedgerEntry } from '../queues/job-ledger';
import type { QueueName } from '../queues/queue-names';
import { QueueRegistry, JobToAdd } from '../queues/queue-registry';

type LedgerOp = { op: 'insert'; entry: LedgerEntry; revive: boolean } | { op: 'end'; why: string };

/**
 * What one relay batch does to Redis and to the job ledger, gathered while its rows are dispatched and applied
 * at the end in a few round trips (one addBulk per queue, one INSERT, one UPDATE per reason) instead of several
 * per row. Each job id keeps only its last operation, so a job added and then cancelled by a later row of the same
 * batch (or cancelled and then planned again) ends as the rows in order would have left it. Redis first: if it
 * fails, the batch's transaction rolls back and its rows wait in the outbox (adding a job id again is a no-op).
 */
export class RelayBatch {
  private readonly redis = new Map<string, { queue: QueueName; add?: JobToAdd }>();
  private readonly ledgerOps = new Map<string, LedgerOp>();

  add(queue: QueueName, jobs: readonly JobToAdd[]): void {
    for (const job of jobs) this.redis.set(job.jobId, { queue, add: job });
  }

  remove(queue: QueueName, jobIds: readonly string[]): void {
    for (const id of jobIds) this.redis.set(id, { queue });
  }

  insert(entries: readonly LedgerEntry[], revive: boolean): void {
    for (const entry of entries) this.ledgerOps.set(entry.jobId, { op: 'insert', entry, revive });
  }

  end(jobIds: readonly string[], why: string): void {
    for (const id of jobIds) this.ledgerOps.set(id, { op: 'end', why });
  }

  get size(): number {
    return this.redis.size + this.ledgerOps.size;
  }

  async apply(em: EntityManager, queues: QueueRegistry, ledger: JobLedger, at: Date): Promise<void> {
    const adds = new Map<QueueName, JobToAdd[]>();
    const removes = new Map<QueueName, string[]>();
    for (const [id, { queue, add }] of this.redis) {
      if (add) adds.set(queue, [...(adds.get(queue) ?? []), add]);
      else removes.set(queue, [...(removes.get(queue) ?? []), id]);
    }
    for (const [queue, ids] of removes) await queues.remove(queue, ids);
    for (const [queue, jobs] of adds) await queues.add(queue, jobs);
    const ends = new Map<string, string[]>();
    const inserts: Record<'revive' | 'plain', LedgerEntry[]> = { revive: [], plain: [] };
    for (const [id, op] of this.ledgerOps) {
      if (op.op === 'end') ends.set(op.why, [...(ends.get(op.why) ?? []), id]);
      else inserts[op.revive ? 'revive' : 'plain'].push(op.entry);
    }
    for (const [why, ids] of ends) await ledger.end(em, ids, 'cancelled', why, at);
    await ledger.insert(em, inserts.plain, false);
    await ledger.insert(em, inserts.revive, true);
  }
}
