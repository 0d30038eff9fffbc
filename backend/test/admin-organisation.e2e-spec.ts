import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type Ref = { id: string; username: string };

describe('admin: departments and delegations', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let users: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(await t.login('admin'));
    const all = (await t.http().get('/api/admin/users?pageSize=200').set(admin)).body.items as Ref[];
    users = new Map(all.map((u) => [u.username, u.id]));
  });
  afterAll(() => t.close());

  it('lists the six departments with leader, handler and head; anyone logged in sees the public shape', async () => {
    const list = (await t.http().get('/api/admin/departments').set(admin).expect(200)).body;
    expect(list.map((d: { code: string }) => d.code)).toEqual(['cwc', 'hqc', 'jwc', 'kyc', 'rsc', 'xgb']);
    const jwc = list.find((d: { code: string }) => d.code === 'jwc');
    expect(jwc).toMatchObject({ name: '教务处', leader: { username: 'leader1' }, handlers: [{ username: 'jwc.handler' }], heads: [{ username: 'jwc.head' }] });

    const pub = (await t.http().get('/api/departments').set(bearer(await t.login('delegate01'))).expect(200)).body;
    expect(Object.keys(pub[0]).sort()).toEqual(['code', 'id', 'leader', 'name', 'nameEn']);
  });

  it('creates a department, refuses a taken code, edits with the version, replaces the members', async () => {
    const created = (await t.http().post('/api/admin/departments').set(admin)
      .send({ code: 'tsg', name: '图书馆', nameEn: 'Library' }).expect(201)).body;
    expect(created).toMatchObject({ code: 'tsg', leader: null, handlers: [], version: 1, active: true });
    const taken = await t.http().post('/api/admin/departments').set(admin).send({ code: 'JWC', name: '教务处二' }).expect(409);
    expect(taken.body.message).toBe('department code JWC is taken');
    const bad = await t.http().post('/api/admin/departments').set(admin).send({ code: '1 x', name: '' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'name']);

    const edited = (await t.http().patch(`/api/admin/departments/${created.id}`).set(admin)
      .send({ leaderId: users.get('leader1'), version: 1 }).expect(200)).body;
    expect(edited).toMatchObject({ leader: { username: 'leader1' }, version: 2 });
    const stale = await t.http().patch(`/api/admin/departments/${created.id}`).set(admin).send({ name: '图书馆2', version: 1 }).expect(409);
    expect(stale.body.currentVersion).toBe(2);

    const members = (await t.http().put(`/api/admin/departments/${created.id}/members`).set(admin)
      .send({ handlerIds: [users.get('delegate12')], headIds: [users.get('committee2')] }).expect(200)).body;
    expect(members.handlers.map((u: Ref) => u.username)).toEqual(['delegate12']);
    expect(members.heads.map((u: Ref) => u.username)).toEqual(['committee2']);
    const me = (await t.http().get('/api/me').set(bearer(await t.login('delegate12')))).body;
    expect(me.roles).toContain('handler');
    expect(me.departmentIds).toEqual([created.id]);
    await t.http().put(`/api/admin/departments/${created.id}/members`).set(admin)
      .send({ handlerIds: ['00000000-0000-4000-8000-000000000000'], headIds: [] }).expect(400);
    await t.http().put('/api/admin/departments/00000000-0000-4000-8000-000000000000/members').set(admin)
      .send({ handlerIds: [], headIds: [] }).expect(404);

    const retired = (await t.http().patch(`/api/admin/departments/${created.id}`).set(admin).send({ active: false, version: 3 }).expect(200)).body;
    expect(retired.active).toBe(false);
    const pub = (await t.http().get('/api/departments').set(admin)).body;
    expect(pub.map((d: { code: string }) => d.code)).not.toContain('tsg');
  });

  it('keeps delegations: delegates, a head who must be one of them, and stale versions refused', async () => {
    const list = (await t.http().get('/api/admin/delegations').set(admin).expect(200)).body;
    const arts = list.find((g: { code: string }) => g.code === 'wxy');
    expect(arts.head.username).toBe('delegate01');
    expect(arts.delegates.map((u: Ref) => u.username)).toEqual(['delegate01', 'delegate02', 'delegate03', 'delegate04']);

    const created = (await t.http().post('/api/admin/delegations').set(admin)
      .send({ code: 'wyxy', name: '外国语学院代表团', headId: users.get('committee1') }).expect(201)).body;
    expect(created.head.username).toBe('committee1');
    expect(created.delegates.map((u: Ref) => u.username)).toEqual(['committee1']);
    await t.http().post('/api/admin/delegations').set(admin).send({ code: 'x2', name: '文学院代表团' }).expect(409);

    const wrongHead = await t.http().patch(`/api/admin/delegations/${created.id}`).set(admin)
      .send({ headId: users.get('delegate02'), version: created.version }).expect(400);
    expect(wrongHead.body.message).toMatch(/文学院代表团/);

    const moved = (await t.http().put(`/api/admin/delegations/${created.id}/delegates`).set(admin)
      .send({ userIds: [users.get('committee1'), users.get('delegate04')] }).expect(200)).body;
    expect(moved.delegates.map((u: Ref) => u.username)).toEqual(['committee1', 'delegate04']);
    const artsNow = (await t.http().get(`/api/admin/delegations/${arts.id}`).set(admin)).body;
    expect(artsNow.delegates).toHaveLength(3);

    const headless = await t.http().put(`/api/admin/delegations/${created.id}/delegates`).set(admin)
      .send({ userIds: [users.get('delegate04')] }).expect(400);
    expect(headless.body.message).toMatch(/head/);

    const stale = await t.http().patch(`/api/admin/delegations/${created.id}`).set(admin).send({ name: '外语', version: 1 }).expect(409);
    expect(stale.body.currentVersion).toBeGreaterThan(1);
  });
});
