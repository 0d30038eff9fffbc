import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Statement } from '../workflow/deferred-writes';

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
    const insert = this.insert(entries, at);
    if (insert) await em.query(insert.sql, insert.params);
  }

  /** The INSERT of `entries` (null for none), for a caller that sends it with another statement (DeferredWrites). */
  insert(entries: readonly OutboxEntry[], at: Date): Statement | null {
    if (!entries.length) return null;
    return {
      sql: `INSERT INTO outbox (kind, payload, created_at)
       SELECT k, p, $3 FROM unnest($1::text[], $2::jsonb[]) AS t(k, p)`,
      params: [entries.map((e) => e.kind), entries.map((e) => JSON.stringify(e.payload)), at],
    };
  }
}
