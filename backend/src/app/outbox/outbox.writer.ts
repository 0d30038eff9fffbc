import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface OutboxEntry {
  /** What the relay dispatches on, e.g. `notify`, `schedule`, `cancel`. */
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * Writes outbox rows inside the caller's transaction, so that a message exists if and only if the change that
 * caused it committed. Nothing here sends anything: the relay does, later.
 */
@Injectable()
export class OutboxWriter {
  async write(em: EntityManager, entries: readonly OutboxEntry[], at: Date): Promise<void> {
    if (!entries.length) return;
    await em.query(
      `INSERT INTO outbox (kind, payload, created_at)
       SELECT k, p, $3 FROM unnest($1::text[], $2::jsonb[]) AS t(k, p)`,
      [entries.map((e) => e.kind), entries.map((e) => JSON.stringify(e.payload)), at],
    );
  }
}
