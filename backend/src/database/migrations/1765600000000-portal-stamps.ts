import { MigrationInterface, QueryRunner } from 'typeorm';
import { FIGURE_COLUMNS } from './1765400000000-figure-stamps';

/**
 * The columns of `proposals` the portal's list filters on that the figures do not read
 * (app/public/public-proposals.service.ts: PUBLISHED, the session, category and department filters).
 */
export const PORTAL_COLUMNS = ['published', 'co_department_ids'];

/** The update trigger of the figure stamps (migration 1765400000000), over `columns`. */
async function updateTrigger(q: QueryRunner, columns: string[]): Promise<void> {
  const row = (image: 'OLD' | 'NEW') => `(${columns.map((c) => `${image}.${c}`).join(', ')})`;
  await q.query(`DROP TRIGGER proposals_figure_stamp_update ON proposals`);
  await q.query(`CREATE CONSTRAINT TRIGGER proposals_figure_stamp_update AFTER UPDATE ON proposals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${row('OLD')} IS DISTINCT FROM ${row('NEW')})
    EXECUTE FUNCTION proposals_figure_stamp()`);
}

/**
 * A session's figure stamp also moves when one of its proposals is published or unpublished, or its co-handling
 * departments change, so that the portal can keep the totals of its lists per stamp (the count of every published
 * proposal, 52,000 of 200,000 in the benchmark, was read on every first page). The figures' caches are dropped a
 * little more often: publishing is a committee's occasional batch.
 */
export class PortalStamps1765600000000 implements MigrationInterface {
  name = 'PortalStamps1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await updateTrigger(q, [...FIGURE_COLUMNS, ...PORTAL_COLUMNS]);
  }

  async down(q: QueryRunner): Promise<void> {
    await updateTrigger(q, FIGURE_COLUMNS);
  }
}
