import type { QueryResult, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared';

/** One statement's text and its parameters ($1…$n). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Writes of one transaction that need no answer, sent with a later statement instead of one round trip each:
 * `run` puts each as a data-modifying `WITH` part in front of the main statement (PostgreSQL runs them all, in one
 * snapshot, and checks the foreign keys at the end of the statement).
 *
 * Only INSERTs into tables the main statement and the other parts do not also change, and UPDATEs of rows no
 * other part changes (a batch's proposals: WorkflowService#applySystemEvents): parts of one statement do not see
 * each other's effects, and two changes of one row in one statement are not allowed. UPDATEs of side tables are
 * run at once by their callers.
 */
export class DeferredWrites {
  private readonly parts: Statement[] = [];

  /** Adds a part; returns its name in the statement (`w<n>`), for a main statement that reads its RETURNING rows. */
  add(sql: string, params: unknown[]): string {
    this.parts.push({ sql, params });
    return `w${this.parts.length - 1}`;
  }

  /** Takes over the parts of `other` (which is left empty), after this one's. */
  absorb(other: DeferredWrites): void {
    this.parts.push(...other.parts.splice(0));
  }

  get size(): number {
    return this.parts.length;
  }

  /** The main statement with the deferred writes in front of it, parameters renumbered. */
  statement(main: Statement): Statement {
    if (!this.parts.length) return main;
    const params = [...main.params];
    const ctes = this.parts.map((part, i) => {
      const offset = params.length;
      params.push(...part.params);
      return `w${i} AS (${part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
    });
    return { sql: `WITH ${ctes.join(',\n')}\n${main.sql}`, params };
  }

  /**
   * Runs the main statement with the deferred writes, prepared (queryPrepared) unless `once` (a statement whose
   * text is not sent again, as a batch of many proposals' writes); none are left afterwards.
   */
  async run<R extends QueryResultRow>(em: EntityManager, main: Statement, once = false): Promise<QueryResult<R>> {
    const { sql, params } = this.statement(main);
    this.parts.length = 0;
    return queryPrepared<R>(em, sql, params, { planPerValues: once });
  }
}
