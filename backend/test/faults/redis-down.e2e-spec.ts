/**
 * Redis stops while the API runs (a private redis-server, stopped and started again on its port): reads and
 * workflow events go on answering at once, the reminders and notices they cause wait in the outbox, and the
 * relay delivers them, once each, when Redis is back. /api/health says Redis is down; liveness and readiness
 * say the API is up.
 */
import Redis from 'ioredis';
import { QueueRegistry } from '../../src/app/queues/queue-registry';
import { redisOptions } from '../../src/app/redis/redis.module';
import { loadConfig } from '../../src/config/app-config';
import { FAST_JOBS, notificationsOf, settle } from '../reminders-harness';
import { Api, categoryId, departmentId } from '../support/proposal-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, PrivateRedis, PrivateSentinel, sleep } from './fault-support';

/** The most a request may take with Redis down (it must not wait for Redis to come back). */
const FAST_MS = 2000;

describe('Redis down', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    // one process that serves HTTP and runs the relay and the queue workers (WORKER_MODE=inline, the default)
    t = await startTestApp({ redisUrl: redis.url, jobs: FAST_JOBS, smtp: null });
    api = new Api(t);
  });

  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await t?.close();
    await redis?.destroy();
  });

  async function timed(what: string, call: () => Promise<{ status: number; body: unknown }>) {
    const started = Date.now();
    const res = await call();
    const ms = Date.now() - started;
    if (res.status < 200 || res.status > 299) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    expect({ what, fast: ms < FAST_MS ? true : `${ms} ms` }).toEqual({ what, fast: true });
    return res;
  }

  it('keeps reads and events working, holds their effects in the outbox, and relays them once when Redis is back', async () => {
    const handling = await api.handling('jwc');
    const submitted = await api.submitted();
    for (const who of ['committee1', 'delegate01', 'delegate05']) await api.people.token(who);
    const [category, department] = [await categoryId(t), await departmentId(t, 'jwc')];
    await settle(t);
    const [{ last }] = (await t.db.query(`SELECT coalesce(max(id), 0)::bigint::text AS last FROM outbox`)) as { last: string }[];

    await redis.stop();

    // reads
    const list = await timed('list', () => api.get('committee1', '/api/proposals'));
    expect((list.body as { items: { id: string }[] }).items.map((p) => p.id)).toEqual(expect.arrayContaining([handling.id, submitted.id]));
    const detail = await timed('detail', () => api.get('delegate01', `/api/proposals/${handling.id}`));
    expect((detail.body as { state: string }).state).toMatch(/^handling/);
    await timed('history', () => api.get('delegate01', `/api/proposals/${handling.id}/history`));
    // a login (the throttle counters live in Redis: it lets the attempt through, PostgreSQL checks the password)
    await timed('login', () => t.http().post('/api/auth/login').send({ username: 'delegate07', password: 'demo12345' }));

    // workflow events: a notice (URGE), and a proposal taken to handling (assigned notices, due-date reminders)
    await timed('URGE', () => api.send('committee1', handling.id, 'URGE', { comment: 'Redis 停了也要催办' }));
    await timed('ACCEPT', () => api.send('committee1', submitted.id, 'ACCEPT'));
    await timed('CLASSIFY', () => api.send('committee1', submitted.id, 'CLASSIFY', { categoryId: category }));
    const assigned = await timed('ASSIGN', () => api.send('committee1', submitted.id, 'ASSIGN', { leadDepartmentId: department }));
    expect((assigned.body as { state: string }).state).toMatch(/^handling/);

    // their effects are in the outbox, and stay there while Redis is down (the relay keeps trying)
    const waiting = async () =>
      (await t.db.query(`SELECT id::text AS id, kind, payload->>'proposalId' AS "proposalId", processed_at AS "processedAt" FROM outbox WHERE id > $1 ORDER BY id`, [
        last,
      ])) as { id: string; kind: string; proposalId: string; processedAt: Date | null }[];
    const rows = await waiting();
    expect(rows.filter((r) => r.kind === 'notify').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.kind === 'schedule').length).toBeGreaterThanOrEqual(1);
    await sleep(FAST_JOBS.relayIntervalMs * 10);
    expect((await waiting()).filter((r) => r.processedAt !== null)).toEqual([]);

    // health: Redis down, PostgreSQL up; the process is alive and ready to serve
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', api: 'up', postgres: { status: 'up' }, redis: { status: 'down' } });
    expect(health.body.queues.outbox.pending).toBeGreaterThanOrEqual(rows.length);
    expect((await t.http().get('/api/health/live')).status).toBe(200);
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', postgres: { status: 'up' }, redis: { status: 'down' } });

    // Redis is back: the relay delivers everything without being told
    await redis.start();
    await eventually(async () => (await waiting()).every((r) => r.processedAt !== null), 'the outbox to be relayed', 20_000);
    await settle(t);
    expect((await t.http().get('/api/health')).status).toBe(200);

    // the notices are jobs of BullMQ (done), each once
    const notices = t.app.get(QueueRegistry).queue('notices');
    for (const r of rows.filter((x) => x.kind === 'notify')) {
      const job = await notices.getJob(`notice-${r.id}`);
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('completed');
    }
    expect((await notificationsOf(t, handling.id, 'urged')).map((n) => n.username).sort()).toEqual(['jwc.handler', 'jwc.head']);
    expect((await notificationsOf(t, submitted.id, 'assigned')).map((n) => n.username).sort()).toEqual(['jwc.handler', 'jwc.head']);

    // the due-date reminders of the proposal assigned during the outage are planned, and waiting in Redis
    const reminders = t.app.get(QueueRegistry).queue('reminders');
    const planned = (await t.db.query(`SELECT job_id AS "jobId" FROM queue_jobs WHERE proposal_id = $1 AND name = 'handlingDue' AND status = 'scheduled'`, [
      submitted.id,
    ])) as { jobId: string }[];
    expect(planned.length).toBeGreaterThan(0);
    for (const { jobId } of planned) expect(await (await reminders.getJob(jobId))?.getState()).toBe('delayed');

    // nothing twice: no reminder occurrence planned twice, no notice delivered twice
    const doubledJobs = await t.db.query(
      `SELECT proposal_id, name, anchor, data->>'step' AS step, count(*) FROM queue_jobs
        GROUP BY proposal_id, name, anchor, data->>'step' HAVING count(*) > 1`,
    );
    expect(doubledJobs).toEqual([]);
    const doubledNotices = await t.db.query(
      `SELECT proposal_id, topic, recipient_id, event_key, count(*) FROM notifications GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
    );
    expect(doubledNotices).toEqual([]);
    const doubledDeliveries = await t.db.query(
      `SELECT event_key, recipient_id, channel, count(*) FROM notification_deliveries GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(doubledDeliveries).toEqual([]);
  });
});

describe('Redis through Sentinel (REDIS_SENTINELS)', () => {
  let redis: PrivateRedis;
  let sentinel: PrivateSentinel;
  let t: TestApp | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    sentinel = await PrivateSentinel.create(redis, 'congress');
  });

  afterAll(async () => {
    await t?.close();
    await sentinel?.destroy();
    await redis?.destroy();
  });

  it('finds the master through the sentinels: health, the login throttle and the queues use it', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      REDIS_URL: redis.url,
      REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`,
      REDIS_SENTINEL_NAME: 'congress',
    });
    expect(config.redisSentinel).toEqual({ sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'congress', password: null });
    // with Sentinel the host of REDIS_URL is not used: the sentinels name the master
    const options = redisOptions(config);
    expect(options).toMatchObject({ sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'congress' });
    expect(options.host).toBeUndefined();
    t = await startTestApp({ redisUrl: config.redisUrl, redisSentinel: config.redisSentinel, jobs: FAST_JOBS, smtp: null });
    const api = new Api(t);
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.redis.status).toBe('up');
    const p = await api.handling('cwc');
    await settle(t);
    expect((await notificationsOf(t, p.id, 'assigned')).map((n) => n.username).sort()).toEqual(['cwc.handler', 'cwc.head']);
    // the keys are in the master the sentinel names
    const direct = new Redis(redis.url);
    try {
      expect((await direct.keys(`${t.config.redisPrefix}:notices:*`)).length).toBeGreaterThan(0);
    } finally {
      direct.disconnect();
    }
  });

  it('refuses a malformed REDIS_SENTINELS at start, naming the variable', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 'sentinel1' })).toThrow(/REDIS_SENTINELS must be a comma-separated list of host:port/);
    expect(() => loadConfig({ REDIS_SENTINELS: 'a:26379,b:99999' })).toThrow(/REDIS_SENTINELS/);
    expect(() => loadConfig({ REDIS_SENTINEL_NAME: 'mymaster' })).toThrow(/REDIS_SENTINEL_NAME needs REDIS_SENTINELS/);
    expect(loadConfig({ REDIS_SENTINELS: 's1:26379, [::1]:26380', REDIS_SENTINEL_PASSWORD: 'x' }).redisSentinel).toEqual({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'mymaster',
      password: 'x',
    });
  });
});
