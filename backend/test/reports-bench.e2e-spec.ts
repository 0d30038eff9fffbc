import { FiguresService } from '../src/app/reports/figures.service';
import { sessionId } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * How long the figures take over 200,000 proposals (the benchmark issue asks for ≤ 150 ms). Rows are inserted
 * straight into this test's own database with generate_series, spread over the states the workflow produces.
 * Opt-in (it takes a minute): REPORTS_BENCH=1 npx jest -c backend/jest.config.ts test/reports-bench
 * (REPORTS_BENCH_EXPLAIN=1 prints the plans of the three queries).
 */
const bench = process.env.REPORTS_BENCH === '1' ? describe : describe.skip;

bench('figures over 200,000 proposals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const session = await sessionId(t);
    const [{ lead }] = (await t.db.query(`SELECT id AS lead FROM users WHERE username = 'delegate01'`)) as { lead: string }[];
    const cats = ((await t.db.query(`SELECT id FROM categories ORDER BY name`)) as { id: string }[]).map((r) => r.id);
    const deps = ((await t.db.query(`SELECT id FROM departments ORDER BY code`)) as { id: string }[]).map((r) => r.id);
    for (let from = 1; from <= 200_000; from += 25_000) {
      await t.db.query(
        `INSERT INTO proposals (session_id, kind, title, lead_proposer_id, state, context, series, number, number_label,
                                category_id, lead_department_id, submitted_at, assigned_at, due_at, replied_at, evaluation)
         SELECT $1, CASE WHEN i % 20 = 0 THEN 'suggestion' ELSE 'proposal' END, '提案 ' || i, $2,
                (ARRAY['closed','closed','closed','replied','disputed','handling.drafting','handling.replyReview','submitted','rejected','merged'])[1 + i % 10],
                jsonb_build_object('grade', (ARRAY['A','B','C'])[1 + i % 3], 'rehandleCount', (i % 7 = 0)::int, 'fulfilled', i % 4 = 0),
                CASE WHEN i % 10 < 7 THEN CASE WHEN i % 20 = 0 THEN 'J' ELSE 'P' END END,
                CASE WHEN i % 10 < 7 THEN i END, NULL,
                ($3::uuid[])[1 + i % 8], ($4::uuid[])[1 + i % 6],
                now() - interval '90 days', now() - interval '80 days', now() - interval '20 days' + (i % 40) * interval '1 day',
                CASE WHEN i % 10 < 5 THEN now() - interval '80 days' + (i % 70) * interval '1 day' END,
                CASE WHEN i % 10 < 3 THEN (ARRAY['satisfied','basicallySatisfied','unsatisfied','none'])[1 + i % 4] END
           FROM generate_series($5::int, $5::int + 24999) i`,
        [session, lead, cats, deps, from],
      );
    }
    await t.db.query(
      `INSERT INTO proposal_contacts (proposal_id, department_id, logged_by, method, content, contacted_at, status)
       SELECT p.id, p.lead_department_id, p.lead_proposer_id, 'phone', '沟通', now(), (ARRAY['pending','confirmed','disputed'])[1 + (p.number % 3)]
         FROM proposals p WHERE p.number % 2 = 0`,
    );
    await t.db.query('ANALYZE');
  }, 600_000);
  afterAll(() => t.close());

  it('answers the dashboard (totals and per department) within 150 ms', async () => {
    const figures = t.app.get(FiguresService);
    await figures.figures(undefined, 'department', { departmentIds: null }); // warm
    if (process.env.REPORTS_BENCH_EXPLAIN) {
      const sql = await import('../src/app/reports/figures.sql');
      const k = 'p.lead_department_id';
      const g = `GROUP BY GROUPING SETS ((${k}), ())`;
      const w = `${sql.RECEIVED} AND p.submitted_at <= $1`;
      for (const q of [
        `SELECT ${k}, ${sql.figureColumns('$1')} FROM proposals p WHERE ${w} GROUP BY ${k}`,
        `SELECT ${k}, ${sql.MEDIAN_COLUMN} FROM proposals p WHERE ${w} AND ${sql.MEDIAN_ROWS} ${g}`,
        `SELECT ${k}, ${sql.CONTACT_COLUMNS} FROM proposal_contacts pc JOIN proposals p ON p.id = pc.proposal_id WHERE ${w} GROUP BY ${k}`,
      ]) {
        const plan = (await t.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, [new Date()])) as { 'QUERY PLAN': string }[];
        console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const r = await figures.figures(undefined, 'department', { departmentIds: null });
      times.push(performance.now() - start);
      expect(r.total.received).toBe(200000);
    }
    times.sort((a, b) => a - b);
    console.log(`figures over 200,000 proposals: median ${times[2].toFixed(0)} ms (${times.map((x) => x.toFixed(0)).join(', ')})`);
    expect(times[2]).toBeLessThan(150);
  });
});
