import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The figures (app/reports/figures.sql.ts) read three facts that lived only in the machine's `context` jsonb:
 * the grade of the reply in force, the re-handling count and whether a grade-B promise was fulfilled. Reading
 * them through `context->>'…'` parses a ~1.2 KB jsonb per row (the session's rules are copied into every
 * context): over 10,000 proposals one such FILTER took 263 ms where a plain column took 6.5 ms (docs/benchmarks.md).
 * They become plain columns, mirrored from the context by the workflow on every event like the others
 * (app/workflow/side-records.ts, `mirror`).
 *
 * And one covering index with every column a figure reads (and `version`, for the stamps of the per-session
 * figures of FiguresService.perSession), so that the figures and the trends across every session are index-only
 * scans of a narrow index (~160 bytes a row: 31 MB for 200,000) instead of sequential scans of the whole table (~2 KB a row).
 */
export class FigureColumns1765100000000 implements MigrationInterface {
  name = 'FigureColumns1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals
      ADD COLUMN grade char(1) CHECK (grade IN ('A', 'B', 'C')),
      ADD COLUMN rehandle_count smallint NOT NULL DEFAULT 0 CHECK (rehandle_count >= 0),
      ADD COLUMN fulfilled boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE proposals SET grade = context->>'grade',
        rehandle_count = COALESCE((context->>'rehandleCount')::int, 0),
        fulfilled = COALESCE((context->>'fulfilled')::boolean, false)
      WHERE context->>'grade' IS NOT NULL OR COALESCE((context->>'rehandleCount')::int, 0) > 0
         OR COALESCE((context->>'fulfilled')::boolean, false)`);
    await q.query(`CREATE INDEX IF NOT EXISTS proposals_figures_idx ON proposals (session_id, lead_department_id)
      INCLUDE (category_id, id, version, kind, state, number, submitted_at, assigned_at, replied_at, due_at, evaluation, grade,
               rehandle_count, fulfilled, deleted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS proposals_figures_idx`);
    await q.query(`ALTER TABLE proposals DROP COLUMN fulfilled, DROP COLUMN rehandle_count, DROP COLUMN grade`);
  }
}
