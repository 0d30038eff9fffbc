import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withTimeout } from './queue-names';
import { QueueRegistry } from './queue-registry';

export interface QueueFigures {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface QueuesHealth {
  /** Per queue, or `unavailable` when Redis does not answer. */
  [queue: string]: QueueFigures | { unavailable: string } | OutboxFigures;
}

export interface OutboxFigures {
  /** Outbox rows not yet relayed to the queues, and the age of the oldest in seconds. */
  pending: number;
  oldestSeconds: number | null;
}

/** Queue depth, delayed and failed counts for /api/health, and the outbox backlog (rows waiting for the relay). */
@Injectable()
export class QueueStats {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly db: DataSource,
  ) {}

  async figures(timeoutMs = 1500): Promise<QueuesHealth> {
    const result: QueuesHealth = {};
    const queues = this.registry.all();
    const [counts, outbox] = await Promise.all([
      Promise.all(
        queues.map((q) =>
          withTimeout(q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'paused', 'prioritized'), timeoutMs, 'queue counts').then(
            (c) => ({
              waiting: (c.waiting ?? 0) + (c.paused ?? 0) + (c.prioritized ?? 0),
              active: c.active ?? 0,
              delayed: c.delayed ?? 0,
              failed: c.failed ?? 0,
            }),
            (err: Error) => ({ unavailable: err.message }),
          ),
        ),
      ),
      this.db
        .query(
          `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::int AS "oldestSeconds"
             FROM outbox WHERE processed_at IS NULL`,
        )
        .then((rows: OutboxFigures[]) => rows[0])
        .catch(() => null),
    ]);
    queues.forEach((q, i) => (result[q.name] = counts[i]));
    if (outbox) result.outbox = outbox;
    return result;
  }
}
