/**
 * PostgreSQL stops under a running API (a private cluster: initdb into /tmp, its own port, migrated and seeded
 * by the app's own code) and starts again: while it is down requests answer 503 with a JSON message at once
 * (not a 500, not a hang); when it is back the same process serves 200 again without a restart.
 */
import type { AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/app/create-app';
import { createDataSource } from '../../src/database/data-source';
import { seedDemoUniversity } from '../../src/database/seeds/demo-university';
import { deleteKeys } from '../support/global-teardown';
import { TEST_PASSWORD } from '../support/global-setup';
import { TEXT } from '../support/proposal-fixtures';
import { redisUrl } from '../support/run-id';
import { testConfig } from '../support/test-app';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import request from 'supertest';
import { eventually, PrivatePostgres } from './fault-support';

/** How long a request may take while PostgreSQL is down. */
const FAIL_FAST_MS = 2000;

describe('PostgreSQL restarted under the API', () => {
  let pg: PrivatePostgres;
  let app: NestFastifyApplication;
  let config: AppConfig;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    await pg.query('postgres', 'CREATE DATABASE congress');
    const databaseUrl = pg.url('congress');
    const ds = createDataSource({ databaseUrl, dbPoolMax: 2 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await seedDemoUniversity(ds, { password: TEST_PASSWORD, fastHashing: true });
    } finally {
      await ds.destroy();
    }
    config = testConfig({ databaseUrl, redisPrefix: `${process.env.CONGRESS_TEST_RUN_ID}_pgrestart`, redisUrl: redisUrl() });
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }, 60_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await pg?.destroy();
    const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    await deleteKeys(redis, `${config?.redisPrefix}*`).finally(() => redis.disconnect());
  });

  async function login(username: string): Promise<string> {
    const res = await http().post('/api/auth/login').send({ username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  async function timed(call: () => Promise<request.Response>) {
    const started = Date.now();
    const res = await call();
    return { res, ms: Date.now() - started };
  }

  it('answers 503 quickly while PostgreSQL is down, and 200 again when it is back, in the same process', async () => {
    const committee = await login('committee1');
    const delegate = await login('delegate01');
    const list = () => http().get('/api/proposals').set('Authorization', `Bearer ${committee}`);
    expect((await list()).status).toBe(200);
    const draft = await http()
      .post('/api/proposals')
      .set('Authorization', `Bearer ${delegate}`)
      .send({
        sessionId: (await pg.query<{ id: string }>('congress', 'SELECT id FROM congress_sessions ORDER BY is_current DESC LIMIT 1'))[0].id,
        ...TEXT,
        cosignerIds: [],
      });
    expect(draft.status).toBe(201);

    await pg.stop('fast');

    // every kind of request: a list, a detail, an event, a login; each a 503 with a JSON message, at once
    const attempts = {
      list: () => list(),
      detail: () => http().get(`/api/proposals/${draft.body.id}`).set('Authorization', `Bearer ${delegate}`),
      event: () =>
        http().post(`/api/proposals/${draft.body.id}/events`).set('Authorization', `Bearer ${delegate}`).send({ type: 'SUBMIT', expectedVersion: draft.body.version }),
      login: () => http().post('/api/auth/login').send({ username: 'delegate02', password: TEST_PASSWORD }),
    };
    for (const [what, call] of Object.entries(attempts)) {
      for (let i = 0; i < 2; i++) {
        const { res, ms } = await timed(call);
        expect({ what, status: res.status, fast: ms < FAIL_FAST_MS ? true : ms }).toEqual({ what, status: 503, fast: true });
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', unavailable: 'database' });
        expect(res.body.message).toMatch(/database cannot be reached/);
      }
    }
    // the process itself is alive; it is not ready, and the health check says which service is down
    expect((await http().get('/api/health/live')).status).toBe(200);
    const ready = await timed(() => http().get('/api/health/ready'));
    expect(ready.res.status).toBe(503);
    expect(ready.ms).toBeLessThan(FAIL_FAST_MS);
    const health = await http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', postgres: { status: 'down' }, redis: { status: 'up' } });

    await pg.start();

    // the pool reconnects by itself
    await eventually(async () => (await list()).status === 200, 'the list to answer 200 again', 15_000);
    expect((await http().get('/api/health')).status).toBe(200);
    expect((await http().get('/api/health/ready')).status).toBe(200);
    const submitted = await http()
      .post(`/api/proposals/${draft.body.id}/events`)
      .set('Authorization', `Bearer ${delegate}`)
      .send({ type: 'SUBMIT', expectedVersion: draft.body.version });
    if (submitted.status !== 200) throw new Error(`SUBMIT: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    expect(submitted.body.version).toBe(draft.body.version + 1);
    expect((await login('delegate02')).length).toBeGreaterThan(20);
  });

  it('also recovers from a crash (immediate stop) with requests in flight', async () => {
    const committee = await login('committee1');
    const list = () => http().get('/api/proposals').set('Authorization', `Bearer ${committee}`);
    const inFlight = Promise.all(Array.from({ length: 10 }, () => list()));
    await pg.stop('immediate');
    const answers = await inFlight;
    // whatever was in flight either finished or got a 503; never a 500
    for (const a of answers) expect([200, 503]).toContain(a.status);
    const { res, ms } = await timed(() => list());
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(FAIL_FAST_MS);
    await pg.start();
    await eventually(async () => (await list()).status === 200, 'the list to answer 200 again', 15_000);
  });
});
