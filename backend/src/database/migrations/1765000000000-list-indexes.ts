import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by the benchmark (docs/benchmarks.md) at 200,000 proposals:
 * - the public portal lists the published proposals ordered by session, series and number; without an index
 *   each page sorted every published row (a parallel sequential scan of the whole table, ~1 s). A partial index
 *   over exactly the published ones (PUBLISHED in app/public/public-proposals.service.ts) makes its count an
 *   index-only scan and gives the order within a session (the page query itself still joins before it sorts
 *   and is not yet served by it: see docs/benchmarks.md);
 * - the proposal list's default order is newest first (`ORDER BY created_at DESC NULLS LAST, id DESC`); with an
 *   index in that order a page of a broad filter (a common search word, a whole session) stops after its rows
 *   instead of sorting every match.
 * Plain CREATE INDEX (not CONCURRENTLY): migrations run in a transaction; on a large live table build them
 * CONCURRENTLY by hand first with the same names, and this migration then only needs IF NOT EXISTS.
 */
export class ListIndexes1765000000000 implements MigrationInterface {
  name = 'ListIndexes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS proposals_published_order_idx ON proposals (session_id, series, number, id)
                   WHERE published AND deleted_at IS NULL AND state <> 'draft'`);
    // the portal orders by the session's year first: with this index the planner can walk the sessions newest
    // first and take each one's published proposals in order from the index above (Incremental Sort), stopping
    // after the page, instead of joining and sorting every published row
    await q.query(`CREATE INDEX IF NOT EXISTS congress_sessions_year_idx ON congress_sessions (year DESC)`);
    await q.query(`CREATE INDEX IF NOT EXISTS proposals_created_at_idx ON proposals (created_at DESC NULLS LAST, id DESC)`);
    // the list's state filter is `state = $s OR state LIKE $s || '.%'` (handling = every handling.* state); the
    // (session_id, state) index has the default operator class, which cannot serve LIKE prefixes, so with a
    // session the planner combined the session index with a prefix scan of the state index over EVERY session
    await q.query(`CREATE INDEX IF NOT EXISTS proposals_session_state_pattern_idx ON proposals (session_id, state text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS proposals_session_state_pattern_idx`);
    await q.query(`DROP INDEX IF EXISTS proposals_created_at_idx`);
    await q.query(`DROP INDEX IF EXISTS congress_sessions_year_idx`);
    await q.query(`DROP INDEX IF EXISTS proposals_published_order_idx`);
  }
}
