import { describeDemoAccounts, seedDemoUniversity } from '../src/database/seeds/demo-university';
import { startTestApp, TestApp } from './support/test-app';

describe('the demo university seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    t.db.query(`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM departments) AS departments,
                       (SELECT count(*) FROM department_members) AS members, (SELECT count(*) FROM delegations) AS delegations,
                       (SELECT count(*) FROM congress_sessions) AS sessions, (SELECT count(*) FROM categories) AS categories,
                       (SELECT count(*) FROM calendar_days) AS days, (SELECT max(updated_at) FROM users) AS touched`);

  it('has seeded the demo university once, and a second run changes nothing', async () => {
    const before = await snapshot();
    expect(before[0]).toMatchObject({ users: '28', departments: '6', members: '12', delegations: '3', sessions: '1', categories: '8' });
    await expect(seedDemoUniversity(t.db, { password: 'other123', fastHashing: true })).resolves.toEqual({ created: false });
    expect(await snapshot()).toEqual(before);
    await t.login('admin');
  });

  it('lets every demo account log in with the one password', async () => {
    const lines = describeDemoAccounts();
    expect(lines).toHaveLength(28);
    expect(lines[0]).toMatch(/^admin\s+— 系统管理员 admin$/);
    for (const line of lines) await t.login(line.split(' ')[0]);
  });
});

describe('the demo university seed on an empty database', () => {
  it('seeds once (session around `now`, holidays of that year and the next where known), then says created:false', async () => {
    const { Client } = await import('pg');
    const { createDataSource } = await import('../src/database/data-source');
    const { databaseUrlFor } = await import('./support/run-id');
    const name = `${process.env.CONGRESS_TEST_RUN_ID}_fresh_${process.env.JEST_WORKER_ID ?? 0}`;
    const admin = new Client({ connectionString: databaseUrlFor('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const ds = createDataSource({ databaseUrl: databaseUrlFor(name), dbPoolMax: 2 });
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      const now = new Date('2025-11-15T12:00:00+08:00');
      await expect(seedDemoUniversity(ds, { password: 'demo12345', fastHashing: true, now })).resolves.toEqual({ created: true });
      await expect(seedDemoUniversity(ds, { password: 'demo12345', fastHashing: true, now })).resolves.toEqual({ created: false });
      const [session] = await ds.query(`SELECT year, opens_at, closes_at, is_current FROM congress_sessions`);
      expect(session).toMatchObject({ year: 2025, is_current: true });
      expect(session.opens_at.toISOString()).toBe('2025-10-15T04:00:00.000Z');
      expect(session.closes_at.toISOString()).toBe('2026-01-15T04:00:00.000Z');
      const days = await ds.query(`SELECT extract(year FROM day)::int AS year, kind, count(*)::int AS n FROM calendar_days GROUP BY 1, 2 ORDER BY 1, 2`);
      expect(days).toEqual([
        { year: 2025, kind: 'holiday', n: 28 },
        { year: 2025, kind: 'workday', n: 5 },
        { year: 2026, kind: 'holiday', n: 33 },
        { year: 2026, kind: 'workday', n: 6 },
      ]);
      const [{ users }] = await ds.query(`SELECT count(*)::int AS users FROM users`);
      expect(users).toBe(28);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
