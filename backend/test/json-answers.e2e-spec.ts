import { sessionId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * How the API writes its JSON answers (Fastify's reply, and create-app.ts's onSend hook for no-store): the exact
 * bytes of the UTF-8 text, its type, no caching of personal data (no-store, no ETag), answers without a body, and
 * the answer to a body that is not JSON.
 */
describe('JSON answers', () => {
  let t: TestApp;
  let token: string;
  let draft: { id: string; version: number };
  const auth = () => ({ Authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login('delegate01');
    const res = await t.http().post('/api/proposals').set(auth()).send({ sessionId: await sessionId(t), ...TEXT }).expect(201);
    draft = res.body;
  });
  afterAll(() => t.close());

  it('writes the JSON text whole, with its UTF-8 length, type and no-store, and no ETag', async () => {
    const res = await t.http().get(`/api/proposals/${draft.id}`).set(auth()).expect(200);
    expect(res.body.title).toBe(TEXT.title);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(Buffer.byteLength(res.text)).toBeGreaterThan(res.text.length); // Chinese: more bytes than characters
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-request-id']).toBeTruthy();
    // the status a handler chose (201 of a creation) and an array answer
    const list = await t.http().get('/api/proposals?mine=true').set(auth()).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(draft.id);
    expect(Number(list.headers['content-length'])).toBe(Buffer.byteLength(list.text));
  });

  it('answers a HEAD request with the headers of the GET and no body', async () => {
    const get = await t.http().get(`/api/proposals/${draft.id}`).set(auth()).expect(200);
    const head = await t.http().head(`/api/proposals/${draft.id}`).set(auth()).expect(200);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(head.text ?? '').toBe('');
  });

  it('writes errors the same way, with their status', async () => {
    const missing = await t.http().get('/api/proposals/00000000-0000-4000-8000-000000000000').set(auth()).expect(404);
    expect(missing.body.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(Number(missing.headers['content-length'])).toBe(Buffer.byteLength(missing.text));
    const unauthorised = await t.http().get('/api/proposals').expect(401);
    expect(unauthorised.body.message).toBeTruthy();
  });

  it('answers a body of a type the API does not take with 415 saying what to send, and changes nothing', async () => {
    for (const type of ['application/xml', 'application/octet-stream']) {
      const res = await t.http().patch(`/api/proposals/${draft.id}`).set(auth()).set('Content-Type', type).send('<title>x</title>').expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, message: expect.stringContaining('Content-Type: application/json') });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const after = await t.http().get(`/api/proposals/${draft.id}`).set(auth()).expect(200);
    expect(after.body.version).toBe(draft.version);
    expect(after.body.title).toBe(TEXT.title);
  });

  it('leaves an answer without a body (204) to Nest: no body, no JSON headers', async () => {
    const res = await t.http().delete(`/api/proposals/${draft.id}?expectedVersion=${draft.version}`).set(auth()).expect(204);
    expect(res.text ?? '').toBe('');
    expect(res.headers['content-type']).toBeUndefined();
  });
});
