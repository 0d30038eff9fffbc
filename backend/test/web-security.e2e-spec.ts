import { INTERCEPTORS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { AdminAuditInterceptor } from '../src/app/security/admin-audit.interceptor';
import { TEST_PASSWORD } from './support/global-setup';
import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The cookies a response sets, by name: value and attributes. */
function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, { value: string; raw: string }> {
  const list = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return Object.fromEntries(
    list.map((raw) => {
      const [pair] = raw.split(';');
      const i = pair.indexOf('=');
      return [pair.slice(0, i), { value: decodeURIComponent(pair.slice(i + 1)), raw }];
    }),
  );
}

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...rest] = d.split(/\s+/);
      return [name, rest.join(' ')];
    }),
  );
}

describe('web security: headers, CSRF, body limits and the admin audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A browser-like login: the two cookies, as a Cookie header, and the XSRF token. */
  async function browserLogin(username: string) {
    const res = await t.http().post('/api/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
    const c = cookiesOf(res);
    return {
      cookie: `access_token=${c.access_token.value}; XSRF-TOKEN=${c['XSRF-TOKEN'].value}`,
      xsrf: c['XSRF-TOKEN'].value,
      token: res.body.accessToken as string,
    };
  }

  it('sends helmet headers and a strict Content-Security-Policy with no inline script on every answer', async () => {
    for (const path of ['/api/health', '/api/me', '/login']) {
      const res = await t.http().get(path);
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp['script-src']).toBe("'self'");
      expect(csp['script-src-attr']).toBe("'none'");
      expect(csp['default-src']).toBe("'self'");
      expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
      expect(csp['img-src']).toBe("'self' data:");
      expect(csp['connect-src']).toBe("'self'");
      expect(csp['worker-src']).toBe("'self'");
      expect(csp['frame-ancestors']).toBe("'none'");
      expect(csp['object-src']).toBe("'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      // HSTS only where COOKIE_SECURE says the deployment is behind HTTPS
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('relaxes the policy for Swagger UI at /api/docs only', async () => {
    const docs = await t.http().get('/api/docs/').redirects(1);
    expect(docs.status).toBe(200);
    const csp = directives(String(docs.headers['content-security-policy']));
    expect(csp['script-src']).toBe("'self' 'unsafe-inline'");
    expect(csp['frame-ancestors']).toBe("'none'");
    const api = directives(String((await t.http().get('/api/docs-json')).headers['content-security-policy']));
    expect(api['script-src']).toBe("'self'");
  });

  it('sets a readable SameSite=Lax XSRF-TOKEN cookie at login, beside the httpOnly session cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'delegate01', password: TEST_PASSWORD }).expect(200);
    const c = cookiesOf(res);
    expect(c['XSRF-TOKEN'].value).toMatch(/^[\w-]{40,}$/);
    expect(c['XSRF-TOKEN'].raw).toMatch(/SameSite=Lax/);
    expect(c['XSRF-TOKEN'].raw).not.toMatch(/HttpOnly/);
    expect(c.access_token.raw).toMatch(/HttpOnly/);
    const again = cookiesOf(await t.http().post('/api/auth/login').send({ username: 'delegate01', password: TEST_PASSWORD }));
    expect(again['XSRF-TOKEN'].value).not.toBe(c['XSRF-TOKEN'].value);
  });

  it('refuses a cookie-authenticated write without the matching X-XSRF-TOKEN header, and accepts it with one', async () => {
    const s = await browserLogin('delegate03');
    const missing = await t.http().patch('/api/me').set('Cookie', s.cookie).send({ language: 'en' }).expect(403);
    expect(missing.body.message).toMatch(/CSRF check failed.*X-XSRF-TOKEN/);
    await t.http().patch('/api/me').set('Cookie', s.cookie).set('X-XSRF-TOKEN', 'forged-value').send({ language: 'en' }).expect(403);
    // a cookie planted without its session cookie does not help either: the header must equal the cookie sent
    await t.http().patch('/api/me').set('Cookie', `access_token=${s.token}`).set('X-XSRF-TOKEN', s.xsrf).send({ language: 'en' }).expect(403);
    const me = await t.http().patch('/api/me').set('Cookie', s.cookie).set('X-XSRF-TOKEN', s.xsrf).send({ language: 'en' }).expect(200);
    expect(me.body.language).toBe('en');
    // reads need no header
    await t.http().get('/api/me').set('Cookie', s.cookie).expect(200);
  });

  it('does not ask bearer-token clients for the header, and logout always works', async () => {
    const s = await browserLogin('delegate04');
    await t.http().patch('/api/me').set(bearer(s.token)).send({ language: 'zh-CN' }).expect(200);
    const out = await t.http().post('/api/auth/logout').set('Cookie', s.cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/XSRF-TOKEN=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('hands an XSRF-TOKEN to a cookie session that has none (GET /api/me after a reload)', async () => {
    const s = await browserLogin('delegate05');
    const res = await t.http().get('/api/me').set('Cookie', `access_token=${s.token}`).expect(200);
    const issued = cookiesOf(res)['XSRF-TOKEN'].value;
    expect(issued).toMatch(/^[\w-]{40,}$/);
    await t.http().patch('/api/me').set('Cookie', `access_token=${s.token}; XSRF-TOKEN=${issued}`).set('X-XSRF-TOKEN', issued)
      .send({ language: 'en' }).expect(200);
    // a session that has one keeps it
    expect(cookiesOf(await t.http().get('/api/me').set('Cookie', s.cookie))['XSRF-TOKEN']).toBeUndefined();
  });

  it('limits request bodies: JSON over 1 MB and form posts over 100 kB answer 413', async () => {
    const token = await t.login('delegate01');
    const big = JSON.stringify({ language: 'x'.repeat(1024 * 1024 + 10) });
    await t.http().patch('/api/me').set(bearer(token)).set('Content-Type', 'application/json').send(big).expect(413);
    const form = `username=${'a'.repeat(120 * 1024)}&password=x`;
    await t.http().post('/api/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send(form).expect(413);
  });

  it('records every successful admin write in the audit log, passwords removed, readable by admins only', async () => {
    const admin = bearer(await t.login('admin'));
    const user = await t.http().post('/api/admin/users').set(admin)
      .send({ username: 'audited1', displayName: '审计', roles: ['delegate'], password: 'welcome2026' }).expect(201);
    await t.http().post(`/api/admin/users/${user.body.id}/password`).set(admin).send({ password: 'reset2026x' }).expect(204);
    await t.http().post(`/api/admin/users/${user.body.id}/revoke-sessions`).set(admin).expect(204);
    const category = await t.http().post('/api/admin/categories').set(admin).send({ name: '审计类别' }).expect(201);
    // refused writes are not actions
    await t.http().post('/api/admin/categories').set(admin).send({ name: '' }).expect(400);
    await t.http().post('/api/admin/categories').set(bearer(await t.login('delegate01'))).send({ name: '越权' }).expect(403);

    const log = (await t.http().get('/api/admin/audit?pageSize=10').set(admin).expect(200)).body;
    expect(log.total).toBe(4);
    expect(log.items.map((e: { method: string; path: string; targetId: string }) => [e.method, e.path, e.targetId])).toEqual([
      ['POST', '/api/admin/categories', category.body.id],
      ['POST', `/api/admin/users/${user.body.id}/revoke-sessions`, user.body.id],
      ['POST', `/api/admin/users/${user.body.id}/password`, user.body.id],
      ['POST', '/api/admin/users', user.body.id],
    ]);
    const created = log.items[3];
    expect(created).toMatchObject({ actor: { username: 'admin' }, status: 201, body: { username: 'audited1', password: '[removed]' } });
    expect(log.items[2]).toMatchObject({ status: 204, body: { password: '[removed]' } });
    expect(JSON.stringify(log)).not.toMatch(/welcome2026|reset2026x/);
    expect(Date.parse(created.at)).toBeGreaterThan(Date.now() - 60_000);

    const mine = (await t.http().get(`/api/admin/audit?targetId=${user.body.id}`).set(admin).expect(200)).body;
    expect(mine.total).toBe(3);
    await t.http().get('/api/admin/audit').set(bearer(await t.login('committee1'))).expect(403);
    await t.http().get('/api/admin/audit').expect(401);
  });

  it('audits every controller of the admin area (AdminApi puts the interceptor on each)', () => {
    const admin = [...t.app.get(ModulesContainer).values()]
      .flatMap((m) => [...m.controllers.values()].map((c) => c.metatype as object))
      .filter((c) => String(Reflect.getMetadata(PATH_METADATA, c)).startsWith('admin'));
    expect(admin.length).toBeGreaterThanOrEqual(8);
    const missing = admin.filter((c) => !((Reflect.getMetadata(INTERCEPTORS_METADATA, c) as unknown[] | undefined) ?? []).includes(AdminAuditInterceptor));
    expect(missing.map((c) => (c as { name: string }).name)).toEqual([]);
  });
});
