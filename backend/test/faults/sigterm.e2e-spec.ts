/**
 * SIGTERM to the real processes (node dist/backend/backend/src/main.js and worker.js, built when stale):
 * the API stops listening at once, finishes the requests in flight (200), then exits 0; the worker finishes
 * the job it is running before it exits 0.
 */
import { Client } from 'pg';
import { smtpOf, SmtpSink } from '../reminders-harness';
import { TEST_PASSWORD } from '../support/global-setup';
import { Api } from '../support/proposal-fixtures';
import { redisUrl } from '../support/run-id';
import { createTestDatabase, startTestApp, TestApp } from '../support/test-app';
import { deleteKeys } from '../support/global-teardown';
import Redis from 'ioredis';
import { ensureBackendBuilt, eventually, freePort, NodeProcess, portAccepts, sleep, waitForHttp } from './fault-support';

jest.setTimeout(60_000);

beforeAll(() => ensureBackendBuilt(), 180_000);

function baseEnv(databaseUrl: string, redisPrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: '8',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: redisPrefix,
    FRONTEND_DIST: '/nonexistent',
    RELAY_INTERVAL_MS: '100',
    REMINDER_RECONCILE_SECONDS: '3600',
  };
}

async function dropKeys(prefix: string) {
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  await deleteKeys(redis, `${prefix}*`).finally(() => redis.disconnect());
}

describe('SIGTERM to the API process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: NodeProcess;
  let base: string;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = new NodeProcess('main.js', { ...baseEnv(database.url, database.name), PORT: String(port), HOST: '127.0.0.1' });
    await waitForHttp(`${base}/api/health/ready`, api);
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    await dropKeys(database.name);
  });

  async function call(method: string, path: string, token: string, body?: object) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, at: Date.now() };
  }

  it('refuses new connections, finishes the requests in flight with 200, then exits 0', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'delegate01', password: TEST_PASSWORD }),
    });
    const { accessToken: token } = (await login.json()) as { accessToken: string };
    const lock = new Client({ connectionString: database.url });
    await lock.connect();
    try {
      const [session] = (await lock.query(`SELECT id FROM congress_sessions ORDER BY is_current DESC LIMIT 1`)).rows as { id: string }[];
      const { TEXT } = await import('../support/proposal-fixtures');
      const draft = await call('POST', '/api/proposals', token, { sessionId: session.id, ...TEXT, cosignerIds: [] });
      expect(draft.status).toBe(201);

      // slow requests: whatever reads or writes proposals waits for this lock
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE proposals IN ACCESS EXCLUSIVE MODE');
      const inFlight = [
        call('GET', `/api/proposals/${draft.body.id}`, token),
        call('GET', '/api/proposals', token),
        call('GET', `/api/proposals/${draft.body.id}/history`, token),
        call('POST', `/api/proposals/${draft.body.id}/events`, token, { type: 'SUBMIT', expectedVersion: draft.body.version }),
      ];
      await eventually(async () => {
        // (inside a transaction the statistics are a snapshot: clear it to see the current waits)
        await lock.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await lock.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].n >= inFlight.length;
      }, 'the requests to wait for the lock');

      const signalled = Date.now();
      api.kill('SIGTERM');
      // new connections are refused at once, while the process is still there finishing its requests
      await eventually(async () => !(await portAccepts(port)), 'the port to refuse connections', 2000);
      await sleep(700);
      expect(api.running).toBe(true);

      const released = Date.now();
      await lock.query('COMMIT');
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers[3].body).toMatchObject({ state: expect.any(String), version: (draft.body.version as number) + 1 });
      for (const a of answers) expect(a.at).toBeGreaterThanOrEqual(released);

      const exit = await api.exited;
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
      expect(exit.at).toBeGreaterThanOrEqual(Math.max(...answers.map((a) => a.at)) - 50);
      expect(exit.at - signalled).toBeLessThan(15_000);
      expect(api.output).toMatch(/SIGTERM: no new connections/);
      expect(api.output).toMatch(/stopped in \d+ ms/);
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }
  });
});

describe('SIGTERM to the worker process', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: NodeProcess | undefined;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    // the API in this process, relaying nothing (WORKER_MODE=off); the worker is a process of its own
    t = await startTestApp({ workerMode: 'off', ...smtpOf(smtp) });
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await smtp?.stop();
  });

  it('finishes the jobs it is running (an e-mail being sent) before it exits 0', async () => {
    const api = new Api(t);
    const p = await api.submitted();
    smtp.delay(2500);
    await api.ok('committee1', p.id, 'ACCEPT'); // notices to the proposer and co-signers, in the inbox and by e-mail

    worker = new NodeProcess('worker.js', {
      ...baseEnv(t.config.databaseUrl, t.config.redisPrefix),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      WORKER_CONCURRENCY: '2',
    });
    const sending = async () =>
      (await t.db.query(`SELECT id::text AS id FROM notification_deliveries WHERE channel = 'email' AND status = 'sending'`)) as { id: string }[];
    const proc = worker;
    const running = await eventually(async () => {
      if (!proc.running) throw new Error(`the worker exited:\n${proc.output}`);
      const rows = await sending();
      return rows.length > 0 ? rows : null;
    }, 'an e-mail being sent', 30_000);

    const signalled = Date.now();
    worker.kill('SIGTERM');
    await sleep(1000);
    expect(worker.running).toBe(true); // still sending

    const exit = await worker.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.at - signalled).toBeGreaterThanOrEqual(1000);
    const after = (await t.db.query(`SELECT id::text AS id, status FROM notification_deliveries WHERE id = ANY($1::bigint[])`, [
      running.map((r) => r.id),
    ])) as { id: string; status: string }[];
    expect(after.map((r) => r.status)).toEqual(running.map(() => 'sent'));
    expect(await sending()).toEqual([]);
    expect(smtp.messages.length).toBeGreaterThanOrEqual(running.length);
    expect(worker.output).toMatch(/worker running/);
  });
});
