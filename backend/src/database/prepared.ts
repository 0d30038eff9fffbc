import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** The data source's `extra` key that turns prepared statements on (data-source.ts sets it from DB_PREPARED_STATEMENTS). */
export const PREPARED_OPTION = 'congressPreparedStatements';

/** At most this many distinct statements get a name; others run unnamed (the texts used are few and fixed). */
const MAX_NAMES = 500;
const names = new Map<string, string>();
/** Moves on when PostgreSQL refuses a cached plan (a migration changed a table): every statement is prepared anew. */
let generation = 0;

export interface PreparedOptions {
  /**
   * The statement's best plan depends on its values, so it runs unnamed and PostgreSQL plans it for them each
   * time. A text search is one: a rare word is best found through its index, a common one by reading the list's
   * order until the page is full, and the planner tells them apart by the word. Named, PostgreSQL switches to one
   * generic plan after five executions, and counting the matches of 食堂 then took 285 ms instead of 35
   * (docs/benchmarks.md).
   */
  planPerValues?: boolean;
}

/**
 * Runs one statement of a hot path as a named prepared statement on the connection `em` uses (its transaction's,
 * or one from the pool): PostgreSQL parses and plans it once per connection instead of on every execution. A
 * proposal's records query, eight aggregated subqueries, takes ~4 ms to plan and ~0.3 ms to run
 * (docs/benchmarks.md), so planning was most of a detail's database time.
 *
 * The answer is node-postgres's (rows, rowCount); errors come as TypeORM's QueryFailedError, like em.query's.
 * With DB_PREPARED_STATEMENTS=off (or embedded PostgreSQL) the statement is sent unnamed, as em.query does.
 * Behind PgBouncer in transaction mode, prepared statements need PgBouncer 1.21+ (docs/deployment.md).
 */
export async function queryPrepared<R extends QueryResultRow = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[],
  { planPerValues = false }: PreparedOptions = {},
): Promise<QueryResult<R>> {
  const driver = em.connection.driver as PostgresDriver;
  const prepare = !planPerValues && (em.connection.options.extra as Record<string, unknown> | undefined)?.[PREPARED_OPTION] === true;
  const runner = em.queryRunner as PostgresQueryRunner | undefined;
  const target: Pool | PoolClient = runner && !runner.isReleased ? ((await runner.connect()) as PoolClient) : (driver.master as Pool);
  const run = (name: string | undefined) => target.query<R>(name ? { name, text: sql, values: params } : { text: sql, values: params });
  try {
    return await run(prepare ? nameOf(sql) : undefined);
  } catch (err) {
    // "cached plan must not change result type": a table changed under a prepared `SELECT *`; prepare again
    if (prepare && (err as { code?: string }).code === '0A000' && !runner?.isTransactionActive) {
      generation++;
      names.clear();
      try {
        return await run(nameOf(sql));
      } catch (again) {
        throw new QueryFailedError(sql, params, again as Error);
      }
    }
    throw new QueryFailedError(sql, params, err as Error);
  }
}

function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) return undefined;
    name = `c${generation}_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}
