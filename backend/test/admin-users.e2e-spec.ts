import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('admin: users and the directory', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(await t.login('admin'));
  });
  afterAll(() => t.close());

  it('lists users by role, by text and page by page', async () => {
    const delegates = (await t.http().get('/api/admin/users?role=delegate&pageSize=5').set(admin).expect(200)).body;
    expect(delegates.total).toBe(12);
    expect(delegates.items.map((u: { username: string }) => u.username)).toEqual([
      'delegate01', 'delegate02', 'delegate03', 'delegate04', 'delegate05',
    ]);
    const page3 = (await t.http().get('/api/admin/users?role=delegate&pageSize=5&page=3').set(admin).expect(200)).body;
    expect(page3.items).toHaveLength(2);
    const byName = (await t.http().get(`/api/admin/users?q=${encodeURIComponent('王芳')}`).set(admin).expect(200)).body;
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['delegate02']);
    expect(byName.items[0]).toMatchObject({ hasPassword: true, authSource: 'local', email: 'delegate02@example.edu.cn' });
    expect(byName.items[0]).not.toHaveProperty('passwordHash');
    await t.http().get('/api/admin/users?role=king').set(admin).expect(400);
    await t.http().get('/api/admin/users?pageSize=1000').set(admin).expect(400);
  });

  it('creates a user who can then log in, and refuses a username that is taken (in any case)', async () => {
    const created = await t.http().post('/api/admin/users').set(admin).send({
      username: 'committee3', displayName: '沈佳', roles: ['committee'], email: 'shen@example.edu.cn',
      phone: '138 1234 5678', password: 'welcome2026',
    }).expect(201);
    expect(created.body).toMatchObject({ username: 'committee3', phone: '13812345678', version: 1, hasPassword: true });
    await t.login('committee3', 'welcome2026');

    const taken = await t.http().post('/api/admin/users').set(admin)
      .send({ username: 'Delegate01', displayName: '重名', roles: ['delegate'] }).expect(409);
    expect(taken.body.message).toBe('username Delegate01 is taken');
  });

  it('answers 400 with a message per field', async () => {
    const res = await t.http().post('/api/admin/users').set(admin).send({
      username: 'a b', displayName: '', roles: ['king'], email: 'not-mail', phone: '12345', language: 'fr', extra: 1,
    }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'extra', 'language', 'phone', 'roles', 'username']);
    const weak = await t.http().post('/api/admin/users').set(admin)
      .send({ username: 'weakling', displayName: '弱', roles: [], password: 'password' }).expect(400);
    expect(weak.body.errors[0]).toEqual({ field: 'password', messages: ['The password must contain both letters and digits'] });
  });

  it('updates roles, delegation and active with the version read, and answers 409 to a stale version', async () => {
    const [user] = (await t.http().get('/api/admin/users?q=delegate10').set(admin)).body.items;
    const delegations = (await t.http().get('/api/admin/delegations').set(admin)).body;
    const science = delegations.find((g: { code: string }) => g.code === 'lxy');
    const updated = await t.http().patch(`/api/admin/users/${user.id}`).set(admin)
      .send({ roles: ['delegate', 'committee'], delegationId: science.id, version: user.version }).expect(200);
    expect(updated.body).toMatchObject({ roles: ['delegate', 'committee'], delegationId: science.id, version: user.version + 1 });

    const stale = await t.http().patch(`/api/admin/users/${user.id}`).set(admin)
      .send({ displayName: '旧的', version: user.version }).expect(409);
    expect(stale.body.currentVersion).toBe(user.version + 1);
    expect(stale.body.message).toMatch(/changed by someone else/);

    await t.http().patch(`/api/admin/users/${user.id}`).set(admin).send({ displayName: null, version: 2 }).expect(400);
    await t.http().patch(`/api/admin/users/${user.id}`).set(admin).send({ displayName: 'x' }).expect(400);
    await t.http().patch(`/api/admin/users/${user.id}`).set(admin)
      .send({ delegationId: '00000000-0000-4000-8000-000000000000', version: 2 }).expect(400);
  });

  it('answers 404 for an unknown user and 400 for an id that is not one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t.http().get(`/api/admin/users/${unknown}`).set(admin).expect(404);
    await t.http().patch(`/api/admin/users/${unknown}`).set(admin).send({ displayName: 'x', version: 1 }).expect(404);
    await t.http().post(`/api/admin/users/${unknown}/revoke-sessions`).set(admin).expect(404);
    await t.http().get('/api/admin/users/not-a-uuid').set(admin).expect(400);
  });

  it('does not let the admin lock themselves out', async () => {
    const me = (await t.http().get('/api/me').set(admin)).body;
    const own = (await t.http().get(`/api/admin/users/${me.id}`).set(admin)).body;
    await t.http().patch(`/api/admin/users/${me.id}`).set(admin).send({ active: false, version: own.version }).expect(400);
    await t.http().patch(`/api/admin/users/${me.id}`).set(admin).send({ roles: ['committee'], version: own.version }).expect(400);
  });

  it('resets a password: the new one works, the old sessions end', async () => {
    const old = await t.login('delegate11');
    const [user] = (await t.http().get('/api/admin/users?q=delegate11').set(admin)).body.items;
    await t.http().post(`/api/admin/users/${user.id}/password`).set(admin).send({ password: 'short' }).expect(400);
    await t.http().post(`/api/admin/users/${user.id}/password`).set(admin).send({ password: 'reset2026x' }).expect(204);
    await t.http().get('/api/me').set(bearer(old)).expect(401);
    await t.login('delegate11', 'reset2026x');
  });

  it('gives every logged-in user a directory without phone numbers or e-mail', async () => {
    const token = await t.login('delegate03');
    const res = await t.http().get('/api/users?role=delegate&q=delegate0').set(bearer(token)).expect(200);
    expect(res.body.total).toBe(9);
    const first = res.body.items[0];
    expect(Object.keys(first).sort()).toEqual(['delegation', 'displayName', 'id', 'username']);
    expect(first.delegation).toMatchObject({ name: '文学院代表团', nameEn: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/example\.edu\.cn|1390000/);
    const byName = await t.http().get(`/api/users?q=${encodeURIComponent('李')}`).set(bearer(token)).expect(200);
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(['delegate03']);
    const noMail = await t.http().get('/api/users?q=example.edu.cn').set(bearer(token)).expect(200);
    expect(noMail.body.total).toBe(0);
  });
});
