import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The columns the figures read (app/reports/figures.sql.ts, figures.service.ts); a change to any of them moves the
 * session's stamp. figures.sql.spec.ts checks that the figures' SQL reads no other.
 */
export const FIGURE_COLUMNS = [
  'session_id', 'lead_department_id', 'category_id', 'kind', 'state', 'number', 'submitted_at', 'assigned_at',
  'replied_at', 'due_at', 'evaluation', 'grade', 'rehandle_count', 'fulfilled', 'deleted_at',
];

/** The columns of `proposal_contacts` the figures read. */
export const CONTACT_COLUMNS = ['proposal_id', 'status'];

/**
 * `<table>_figure_stamp()`: calls `bump` with the old row's `key` (update, delete) and with the new row's (insert,
 * and an update that changed it).
 */
const stampFunction = (table: string, key: string, bump: string) => `
  CREATE FUNCTION ${table}_figure_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM ${bump}(OLD.${key}); END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.${key} IS DISTINCT FROM OLD.${key}) THEN
      PERFORM ${bump}(NEW.${key});
    END IF;
    RETURN NULL;
  END $$`;

/**
 * A table's stamp triggers, deferred to the commit: on insert or delete, and on an update that changes one of
 * `columns`; both call the function `<table>_figure_stamp()`. And a TRUNCATE (which fires no row trigger) moves
 * every stamp.
 */
async function createStampTriggers(q: QueryRunner, table: string, columns: string[]): Promise<void> {
  const row = (image: 'OLD' | 'NEW') => `(${columns.map((c) => `${image}.${c}`).join(', ')})`;
  await q.query(`CREATE CONSTRAINT TRIGGER ${table}_figure_stamp AFTER INSERT OR DELETE ON ${table}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${table}_figure_stamp()`);
  await q.query(`CREATE CONSTRAINT TRIGGER ${table}_figure_stamp_update AFTER UPDATE ON ${table}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${row('OLD')} IS DISTINCT FROM ${row('NEW')})
    EXECUTE FUNCTION ${table}_figure_stamp()`);
  await q.query(`CREATE TRIGGER ${table}_figure_stamp_truncate AFTER TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION figure_stamps_truncated()`);
}

const STAMPED_TABLES = ['proposals', 'proposal_contacts'];

/**
 * Figure stamps: per session, a value that changes whenever something the figures read changes, so that cached
 * figures (app/reports/figures.service.ts) are checked by reading one row instead of scanning the session.
 *
 * Before, the stamp was the session's proposal count and the sum of their versions: an index-only pass over every
 * proposal of the session (all 200,000 for the trends), on every request, and it kept `version` in
 * proposals_figures_idx, so that no event's UPDATE could be HOT (docs/benchmarks.md).
 *
 * - `figure_stamps(session_id, stamp)`: the stamp is a value of `figure_stamp_seq`, so it never repeats, even
 *   when rows are removed and added again.
 * - Deferred constraint triggers on `proposals` (insert, delete, and an update that changes a figure column;
 *   a COMMENT or URGE does not) and on `proposal_contacts` set it. They run at commit, after the transaction has
 *   taken every proposal row lock it needs, so that the stamp row is locked last and only for the commit; a
 *   stamp committed is committed with the change it stands for.
 * - proposals_figures_idx no longer INCLUDEs `version`, and the table keeps 20 % of each page free
 *   (fillfactor 80) for new row versions, so that an event that changes no indexed column is a HOT update. The
 *   fillfactor applies to pages written from now on; `VACUUM FULL proposals` rewrites the old ones (optional).
 */
export class FigureStamps1765400000000 implements MigrationInterface {
  name = 'FigureStamps1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE figure_stamp_seq`);
    await q.query(`CREATE TABLE figure_stamps (
      session_id uuid PRIMARY KEY,
      stamp bigint NOT NULL DEFAULT nextval('figure_stamp_seq'))`);
    await q.query(`INSERT INTO figure_stamps (session_id) SELECT DISTINCT session_id FROM proposals`);
    await q.query(`
      CREATE FUNCTION figure_stamp_bump(sid uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO figure_stamps (session_id) VALUES (sid)
        ON CONFLICT (session_id) DO UPDATE SET stamp = nextval('figure_stamp_seq')
      $$`);
    await q.query(`
      CREATE FUNCTION figure_stamp_bump_proposal(pid uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM figure_stamp_bump(p.session_id) FROM proposals p WHERE p.id = pid;
      END $$`);
    await q.query(stampFunction('proposals', 'session_id', 'figure_stamp_bump'));
    await q.query(stampFunction('proposal_contacts', 'proposal_id', 'figure_stamp_bump_proposal'));
    await q.query(`
      CREATE FUNCTION figure_stamps_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE figure_stamps SET stamp = nextval('figure_stamp_seq');
        RETURN NULL;
      END $$`);
    await createStampTriggers(q, 'proposals', FIGURE_COLUMNS);
    await createStampTriggers(q, 'proposal_contacts', CONTACT_COLUMNS);

    await q.query(`DROP INDEX IF EXISTS proposals_figures_idx`);
    await q.query(`CREATE INDEX proposals_figures_idx ON proposals (session_id, lead_department_id)
      INCLUDE (category_id, id, kind, state, number, submitted_at, assigned_at, replied_at, due_at, evaluation, grade,
               rehandle_count, fulfilled, deleted_at)`);
    await q.query(`ALTER TABLE proposals SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals RESET (fillfactor)`);
    await q.query(`DROP INDEX IF EXISTS proposals_figures_idx`);
    await q.query(`CREATE INDEX proposals_figures_idx ON proposals (session_id, lead_department_id)
      INCLUDE (category_id, id, version, kind, state, number, submitted_at, assigned_at, replied_at, due_at, evaluation, grade,
               rehandle_count, fulfilled, deleted_at)`);
    for (const table of STAMPED_TABLES) {
      for (const suffix of ['_truncate', '_update', '']) await q.query(`DROP TRIGGER IF EXISTS ${table}_figure_stamp${suffix} ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS figure_stamps_truncated()`);
    await q.query(`DROP FUNCTION IF EXISTS proposal_contacts_figure_stamp()`);
    await q.query(`DROP FUNCTION IF EXISTS proposals_figure_stamp()`);
    await q.query(`DROP FUNCTION IF EXISTS figure_stamp_bump_proposal(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS figure_stamp_bump(uuid)`);
    await q.query(`DROP TABLE IF EXISTS figure_stamps`);
    await q.query(`DROP SEQUENCE IF EXISTS figure_stamp_seq`);
  }
}
