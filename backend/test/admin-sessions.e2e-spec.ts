import { APP_CONFIG } from '../src/config/config.module';
import { WorkingCalendarService } from '../src/app/organisation/working-calendar.service';
import { REDIS } from '../src/app/redis/redis.module';
import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const window = { opensAt: '2027-03-01T00:00:00.000Z', closesAt: '2027-05-01T00:00:00.000Z' };

describe('admin: sessions, categories and the calendar', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(await t.login('admin'));
  });
  afterAll(() => t.close());

  it('shows every logged-in user the current session with all the rules of domain.md', async () => {
    const token = await t.login('delegate01');
    const [session] = (await t.http().get('/api/sessions').set(bearer(token)).expect(200)).body;
    expect(session).toMatchObject({ term: 5, meeting: 3, title: '第五届教职工代表大会第三次会议', isCurrent: true, year: new Date().getFullYear() });
    expect(new Date(session.opensAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(session.closesAt).getTime()).toBeGreaterThan(Date.now());
    expect(session.rules).toMatchObject({
      minCosigners: 2, cosignWindowDays: 7, reviewTargetDays: 15, reassignmentWindowDays: 5, handlingDays: 60,
      maxExtensionDays: 60, delegationApproval: false, leaderSignoff: false, committeeReplyCheck: false,
      requireConfirmedContact: false, evaluationWindowDays: 15, unevaluatedOutcome: 'none', maxRehandle: 1,
    });
    expect(Object.keys(session.rules.dayCounting)).toHaveLength(6);
    const current = (await t.http().get('/api/sessions/current').set(bearer(token)).expect(200)).body;
    expect(current.id).toBe(session.id);
  });

  it('creates a session with some rules, the others at their defaults, and makes it the only current one', async () => {
    const res = await t.http().post('/api/admin/sessions').set(admin).send({
      term: 5, meeting: 4, title: '第五届教职工代表大会第四次会议', year: 2027, ...window, isCurrent: true,
      rules: { handlingDays: 40, delegationApproval: true, dayCounting: { handlingDays: 'working' } },
    }).expect(201);
    expect(res.body.rules).toMatchObject({ handlingDays: 40, delegationApproval: true, minCosigners: 2, maxRehandle: 1 });
    expect(res.body.rules.dayCounting).toMatchObject({ handlingDays: 'working', cosignWindowDays: 'calendar' });
    const all = (await t.http().get('/api/admin/sessions').set(admin)).body;
    expect(all.filter((s: { isCurrent: boolean }) => s.isCurrent).map((s: { id: string }) => s.id)).toEqual([res.body.id]);

    const clash = await t.http().post('/api/admin/sessions').set(admin)
      .send({ term: 5, meeting: 4, title: '重复', year: 2027, ...window }).expect(409);
    expect(clash.body.message).toBe('term 5 meeting 4 exists already');
  });

  it('checks every rule and the window', async () => {
    const res = await t.http().post('/api/admin/sessions').set(admin).send({
      term: 6, meeting: 1, title: '第六届一次', year: 2028, opensAt: '2028-05-01T00:00:00Z', closesAt: '2028-04-01T00:00:00Z',
      rules: { minCosigners: -1, handlingDays: 0, cosignWindowDays: 2.5, leaderSignoff: 'yes', unevaluatedOutcome: 'happy',
        dayCounting: { handlingDays: 'weekly', bogus: 'working' }, sometimes: 1 },
    }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'rules.cosignWindowDays', 'rules.dayCounting.bogus', 'rules.dayCounting.handlingDays', 'rules.handlingDays',
      'rules.leaderSignoff', 'rules.minCosigners', 'rules.sometimes', 'rules.unevaluatedOutcome',
    ]);
    const backwards = await t.http().post('/api/admin/sessions').set(admin).send({
      term: 6, meeting: 1, title: '第六届一次', year: 2028, opensAt: '2028-05-01T00:00:00Z', closesAt: '2028-04-01T00:00:00Z',
    }).expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'closesAt', messages: ['closesAt must be after opensAt'] }]);
  });

  it('edits a session: only the rules sent change; a stale version is refused with the current one', async () => {
    const [session] = (await t.http().get('/api/admin/sessions').set(admin)).body.filter((s: { meeting: number }) => s.meeting === 3);
    const edited = (await t.http().patch(`/api/admin/sessions/${session.id}`).set(admin)
      .send({ rules: { minCosigners: 3 }, version: session.version }).expect(200)).body;
    expect(edited.rules).toEqual({ ...session.rules, minCosigners: 3 });
    const stale = await t.http().patch(`/api/admin/sessions/${session.id}`).set(admin)
      .send({ title: 'x', version: session.version }).expect(409);
    expect(stale.body.currentVersion).toBe(session.version + 1);
    const backwards = await t.http().patch(`/api/admin/sessions/${session.id}`).set(admin)
      .send({ closesAt: '2000-01-01T00:00:00Z', version: edited.version }).expect(400);
    expect(backwards.body.errors[0].field).toBe('closesAt');
    await t.http().patch('/api/admin/sessions/00000000-0000-4000-8000-000000000000').set(admin).send({ version: 1 }).expect(404);
  });

  it('keeps the categories: the defaults in order, new ones, a taken name, inactive ones not offered', async () => {
    const token = bearer(await t.login('delegate02'));
    const offered = (await t.http().get('/api/categories').set(token).expect(200)).body;
    expect(offered.map((c: { name: string }) => c.name)).toEqual([
      '教学与人才培养', '科研与学科建设', '人事与薪酬福利', '财务与资产', '后勤与校园建设', '民主管理与校务公开', '学生工作', '其他',
    ]);
    expect(offered[0].nameEn).toBe('Teaching and talent development');
    const created = (await t.http().post('/api/admin/categories').set(admin).send({ name: '信息化建设', nameEn: 'IT', sortOrder: 75 }).expect(201)).body;
    await t.http().post('/api/admin/categories').set(admin).send({ name: '其他' }).expect(409);
    const other = offered.find((c: { name: string }) => c.name === '其他');
    await t.http().patch(`/api/admin/categories/${other.id}`).set(admin).send({ active: false, version: other.version }).expect(200);
    await t.http().patch(`/api/admin/categories/${other.id}`).set(admin).send({ active: true, version: other.version }).expect(409);
    const now = (await t.http().get('/api/categories').set(token)).body.map((c: { name: string }) => c.name);
    expect(now.slice(-2)).toEqual(['学生工作', '信息化建设']);
    expect(now).not.toContain('其他');
    expect((await t.http().get('/api/admin/categories').set(admin)).body).toHaveLength(9);
    expect(created.version).toBe(1);
  });

  it('keeps the working-day calendar, and deadlines follow its edits at once', async () => {
    const days = (await t.http().get('/api/admin/calendar?year=2026').set(admin).expect(200)).body;
    expect(days.find((d: { day: string }) => d.day === '2026-10-01')).toMatchObject({ kind: 'holiday', note: expect.stringMatching(/国庆节.*演示数据/) });
    expect(days.find((d: { day: string }) => d.day === '2026-10-10')).toMatchObject({ kind: 'workday' });

    const calendar = t.app.get(WorkingCalendarService);
    const thursday = new Date('2026-12-03T10:00:00+08:00');
    expect(await calendar.deadline(thursday, 1, 'working')).toEqual(new Date('2026-12-04T23:59:59.999+08:00'));
    await t.http().put('/api/admin/calendar/2026-12-04').set(admin).send({ kind: 'break', note: '校运会' }).expect(200);
    expect(await calendar.deadline(thursday, 1, 'working')).toEqual(new Date('2026-12-07T23:59:59.999+08:00'));
    await t.http().put('/api/admin/calendar/2026-12-05').set(admin).send({ kind: 'workday' }).expect(200);
    expect(await calendar.deadline(thursday, 1, 'working')).toEqual(new Date('2026-12-05T23:59:59.999+08:00'));
    await t.http().delete('/api/admin/calendar/2026-12-05').set(admin).expect(204);
    await t.http().delete('/api/admin/calendar/2026-12-05').set(admin).expect(404);
    expect(await calendar.deadline(thursday, 1, 'working')).toEqual(new Date('2026-12-07T23:59:59.999+08:00'));
    expect(await calendar.deadline(thursday, 60, 'calendar')).toEqual(new Date('2027-02-01T23:59:59.999+08:00'));

    // another process's edit (a second instance of the service, as in a worker or a second API) reaches this
    // one through the channel, although this one no longer asks Redis for the revision on every deadline
    const deadline = () => calendar.deadline(thursday, 1, 'working');
    for (let i = 0; i < 50 && !calendar.subscribed; i++) await new Promise((r) => setTimeout(r, 100));
    expect(calendar.subscribed).toBe(true);
    expect(await deadline()).toEqual(new Date('2026-12-07T23:59:59.999+08:00'));
    const other = new WorkingCalendarService(t.db, t.app.get(REDIS), t.app.get(APP_CONFIG));
    await other.put('2026-12-07', { kind: 'holiday', note: '另一进程' });
    let seen: Date | undefined;
    for (let i = 0; i < 50; i++) {
      seen = await deadline();
      if (seen.getTime() !== new Date('2026-12-07T23:59:59.999+08:00').getTime()) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toEqual(new Date('2026-12-08T23:59:59.999+08:00'));
    await other.remove('2026-12-07');
    other.onApplicationShutdown();

    await t.http().put('/api/admin/calendar/2026-02-30').set(admin).send({ kind: 'holiday' }).expect(400);
    await t.http().put('/api/admin/calendar/2026-12-06').set(admin).send({ kind: 'vacation' }).expect(400);
    await t.http().get('/api/admin/calendar?year=abc').set(admin).expect(400);
  });
});
