import { TEST_PASSWORD } from './support/global-setup';
import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('login, logout and /api/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs a demo user in: a token, the user, and an httpOnly SameSite=Lax cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'delegate01', password: TEST_PASSWORD }).expect(200);
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.user).toMatchObject({ username: 'delegate01', displayName: '张伟', roles: ['delegate', 'delegation_head'] });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/access_token=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('accepts the username in any case', async () => {
    await t.http().post('/api/auth/login').send({ username: 'Delegate02', password: TEST_PASSWORD }).expect(200);
  });

  it('says "Wrong username or password" alike for a wrong password and an unknown user', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ username: 'delegate01', password: 'nope12345' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody', password: 'nope12345' }).expect(401);
    expect(wrong.body.message).toBe('Wrong username or password');
    expect(unknown.body.message).toBe('Wrong username or password');
  });

  it('answers 400 with field messages for a login without a password', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'delegate01' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
  });

  it('works with the cookie alone, without a bearer token', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'jwc.head', password: TEST_PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const me = await t.http().get('/api/me').set('Cookie', cookie).expect(200);
    expect(me.body.username).toBe('jwc.head');
  });

  it('logs out: the cookie is cleared and the token stops working', async () => {
    const token = await t.login('delegate03');
    await t.http().get('/api/me').set(bearer(token)).expect(200);
    const out = await t.http().post('/api/auth/logout').set(bearer(token)).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/access_token=;.*Expires=Thu, 01 Jan 1970/);
    await t.http().get('/api/me').set(bearer(token)).expect(401);
  });

  it('tells a user who they are: delegation, departments, what they head or lead', async () => {
    const delegate = (await t.http().get('/api/me').set(bearer(await t.login('delegate05'))).expect(200)).body;
    expect(delegate).toMatchObject({ username: 'delegate05', language: 'zh-CN', departmentIds: [] });
    expect(delegate.delegationId).toEqual(expect.any(String));
    expect(delegate.headOfDelegationIds).toEqual([delegate.delegationId]);
    expect(delegate.email).toBe('delegate05@example.edu.cn');

    const head = (await t.http().get('/api/me').set(bearer(await t.login('rsc.head'))).expect(200)).body;
    expect(head.roles).toEqual(['dept_head']);
    expect(head.departmentIds).toHaveLength(1);
    expect(head.headOfDepartmentIds).toEqual(head.departmentIds);

    const handler = (await t.http().get('/api/me').set(bearer(await t.login('rsc.handler'))).expect(200)).body;
    expect(handler.departmentIds).toEqual(head.departmentIds);
    expect(handler.headOfDepartmentIds).toEqual([]);

    const leader = (await t.http().get('/api/me').set(bearer(await t.login('leader1'))).expect(200)).body;
    expect(leader.leaderOfDepartmentIds).toHaveLength(6);
    expect(leader).not.toHaveProperty('tokenVersion');
  });

  it('switches the language and refuses one it does not know', async () => {
    const token = await t.login('delegate06');
    const res = await t.http().patch('/api/me').set(bearer(token)).send({ language: 'en' }).expect(200);
    expect(res.body.language).toBe('en');
    await t.http().patch('/api/me').set(bearer(token)).send({ language: 'fr' }).expect(400);
  });

  it('changes the password: the old password and the other sessions stop working, this one goes on', async () => {
    const other = await t.login('delegate07');
    const token = await t.login('delegate07');
    const wrong = await t.http().post('/api/me/password').set(bearer(token))
      .send({ currentPassword: 'wrong123', newPassword: 'better2026' }).expect(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    const weak = await t.http().post('/api/me/password').set(bearer(token))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'onlyletters' }).expect(400);
    expect(weak.body.message).toMatch(/letters and digits/);
    const short = await t.http().post('/api/me/password').set(bearer(token))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'ab12' }).expect(400);
    expect(short.body.message).toMatch(/at least 8/);

    const ok = await t.http().post('/api/me/password').set(bearer(token))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'better2026' }).expect(200);
    await t.http().get('/api/me').set(bearer(ok.body.accessToken)).expect(200);
    await t.http().get('/api/me').set(bearer(other)).expect(401);
    await t.http().get('/api/me').set(bearer(token)).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'delegate07', password: TEST_PASSWORD }).expect(401);
    await t.login('delegate07', 'better2026');
  });

  it('ends every session of a user when the admin revokes them, and refuses a deactivated user', async () => {
    const admin = await t.login('admin');
    const token = await t.login('delegate08');
    const me = (await t.http().get('/api/me').set(bearer(token)).expect(200)).body;
    await t.http().post(`/api/admin/users/${me.id}/revoke-sessions`).set(bearer(admin)).expect(204);
    const res = await t.http().get('/api/me').set(bearer(token)).expect(401);
    expect(res.body.message).toMatch(/log in again/);

    const again = await t.login('delegate08');
    const user = (await t.http().get(`/api/admin/users/${me.id}`).set(bearer(admin))).body;
    await t.http().patch(`/api/admin/users/${me.id}`).set(bearer(admin)).send({ active: false, version: user.version }).expect(200);
    await t.http().get('/api/me').set(bearer(again)).expect(401);
    const refused = await t.http().post('/api/auth/login').send({ username: 'delegate08', password: TEST_PASSWORD }).expect(401);
    expect(refused.body.message).toMatch(/disabled/);
  });

  it('refuses a forged or garbled token', async () => {
    const token = await t.login('delegate09');
    const [h, p] = token.split('.');
    await t.http().get('/api/me').set(bearer(`${h}.${p}.forged`)).expect(401);
    await t.http().get('/api/me').set(bearer('garbage')).expect(401);
  });
});

describe('who may call what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const closed: [string, string][] = [
    ['get', '/api/me'],
    ['patch', '/api/me'],
    ['post', '/api/me/password'],
    ['get', '/api/sessions'],
    ['get', '/api/sessions/current'],
    ['get', '/api/categories'],
    ['get', '/api/departments'],
    ['get', '/api/users?role=delegate'],
    ['get', '/api/admin/users'],
    ['post', '/api/admin/users'],
    ['get', '/api/admin/departments'],
    ['get', '/api/admin/delegations'],
    ['get', '/api/admin/sessions'],
    ['get', '/api/admin/categories'],
    ['get', '/api/admin/calendar'],
    ['put', '/api/admin/calendar/2026-12-01'],
    ['post', '/api/admin/roster/import'],
  ];

  it.each(closed)('answers 401 to an anonymous %s %s', async (method, path) => {
    const res = await (t.http() as unknown as Record<string, (p: string) => Promise<{ status: number; body: { message: string } }>>)[method](path);
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Log in first');
  });

  it('lets anyone reach health, login and the API docs', async () => {
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/docs-json').expect(200);
    await t.http().post('/api/auth/login').send({ username: 'x', password: 'y' }).expect(401);
  });

  it('answers 403 to a logged-in user without the role admin on every admin route', async () => {
    for (const username of ['delegate01', 'committee1', 'jwc.head', 'leader1']) {
      const token = await t.login(username);
      for (const [method, path] of closed.filter(([, p]) => p.startsWith('/api/admin/'))) {
        const res = await (t.http() as unknown as Record<string, (p: string) => { set: (h: object) => Promise<{ status: number }> }>)[method](path).set(bearer(token));
        expect({ username, path, status: res.status }).toEqual({ username, path, status: 403 });
      }
    }
  });

  it('documents the routes in OpenAPI with their schemas', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/auth/login', '/api/me', '/api/admin/users', '/api/admin/roster/import', '/api/admin/sessions/{id}', '/api/users']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.CreateSessionDto.properties.rules).toBeDefined();
    expect(doc.components.schemas.SessionRulesDto.properties.handlingDays).toBeDefined();
  });
});
