import { startTestApp, TestApp } from './support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with PostgreSQL and Redis up, without a login', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.postgres.status).toBe('up');
    expect(res.body.redis.status).toBe('up');
  });

  it('gives every response a request id, and echoes a sensible one sent by the client', async () => {
    const res = await t.http().get('/api/health').set('x-request-id', 'probe-42');
    expect(res.headers['x-request-id']).toBe('probe-42');
    const other = await t.http().get('/api/health');
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });
});

describe('GET /api/health with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close().catch(() => undefined));

  it('answers 503 and says which service is down', async () => {
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body.postgres.status).toBe('up');
    expect(res.body.redis.status).toBe('down');
  });
});
