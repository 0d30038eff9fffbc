import { Api, departmentId, insertSubmitted } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

/** The committee's lists beside the proposal page: requests to decide, the published filter, due-date previews. */
describe('requests, the published filter, the deadline preview and the capped search count', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('lists pending extension and reassignment requests: all for the committee, its own for a department', async () => {
    const a = await api.handling('jwc');
    const b = await api.handling('hqc');
    const asked = new Date(Date.parse(a.dueAt) + 10 * DAY).toISOString();
    await api.ok('jwc.handler', a.id, 'REQUEST_EXTENSION', { dueAt: asked, reason: '需要协调预算' });
    await api.ok('hqc.handler', b.id, 'REQUEST_REASSIGNMENT', { reason: '不属本处职责' });

    const all = await api.get('committee1', '/api/proposal-requests');
    expect(all.status).toBe(200);
    const mine = all.body.items.filter((i: { proposal: { id: string } }) => [a.id, b.id].includes(i.proposal.id));
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'extension', status: 'pending', reason: '需要协调预算', requestedDueAt: asked, extensionDays: 10,
        requestedBy: expect.objectContaining({ username: 'jwc.handler' }),
        department: expect.objectContaining({ id: await departmentId(t, 'jwc') }),
        proposal: expect.objectContaining({ id: a.id, state: 'handling.drafting', version: a.version + 1, dueAt: a.dueAt, number: a.number }),
      }),
      expect.objectContaining({ kind: 'reassignment', status: 'pending', reason: '不属本处职责', proposal: expect.objectContaining({ id: b.id }) }),
    ]);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: all.body.items.length });

    const onlyReassign = (await api.get('committee1', '/api/proposal-requests?kind=reassignment')).body.items;
    expect(onlyReassign.map((i: { kind: string }) => i.kind)).not.toContain('extension');

    // a department sees its own requests, not another's
    const jwc = (await api.get('jwc.head', '/api/proposal-requests')).body.items.map((i: { proposal: { id: string } }) => i.proposal.id);
    expect(jwc).toContain(a.id);
    expect(jwc).not.toContain(b.id);
    const hqc = (await api.get('hqc.handler', '/api/proposal-requests')).body.items.map((i: { proposal: { id: string } }) => i.proposal.id);
    expect(hqc).toEqual([b.id]);

    // deciding moves it out of the pending list and into the approved one
    await api.ok('committee1', a.id, 'APPROVE_EXTENSION', { comment: '同意' });
    const pending = (await api.get('committee1', '/api/proposal-requests')).body.items.map((i: { proposal: { id: string } }) => i.proposal.id);
    expect(pending).not.toContain(a.id);
    const approved = (await api.get('committee1', '/api/proposal-requests?status=approved')).body.items;
    expect(approved).toEqual([expect.objectContaining({ decisionComment: '同意', proposal: expect.objectContaining({ id: a.id, dueAt: asked }) })]);

    for (const who of ['delegate01', 'leader1', 'admin']) expect((await api.get(who, '/api/proposal-requests')).status).toBe(403);
    const bad = await api.get('committee1', '/api/proposal-requests?status=open&kind=x');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/status must be one of pending/);
  });

  it('filters the list by published on the server', async () => {
    const p = await api.handling('jwc');
    await t.db.query(`UPDATE proposals SET published = true WHERE id = $1`, [p.id]);
    const published = (await api.get('committee1', '/api/proposals?published=true&pageSize=100')).body.items;
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((i: { published: boolean }) => i.published)).toBe(true);
    expect(published.map((i: { id: string }) => i.id)).toContain(p.id);
    const unpublished = (await api.get('committee1', '/api/proposals?published=false&pageSize=100')).body.items;
    expect(unpublished.every((i: { published: boolean }) => !i.published)).toBe(true);
    expect(unpublished.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await api.get('committee1', '/api/proposals?published=maybe')).status).toBe(400);
  });

  it('previews a due date as the lifecycle computes it, the admin calendar included', async () => {
    const friday = '2027-03-05T02:00:00.000Z'; // Friday 10:00 in Shanghai
    let res = await api.get('delegate01', `/api/calendar/deadline?days=1&counting=working&from=${friday}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dueDay: '2027-03-08', dueAt: '2027-03-08T15:59:59.999Z' });
    expect((await api.get('delegate01', `/api/calendar/deadline?days=1&counting=calendar&from=${friday}`)).body.dueDay).toBe('2027-03-06');

    // Monday becomes a holiday: the next working day is Tuesday
    expect((await api.t.http().put('/api/admin/calendar/2027-03-08').set('Authorization', `Bearer ${await api.people.token('admin')}`)
      .send({ kind: 'holiday', note: '测试假日' })).status).toBe(200);
    res = await api.get('committee1', `/api/calendar/deadline?days=1&counting=working&from=${friday}`);
    expect(res.body.dueDay).toBe('2027-03-09');

    for (const q of ['days=-1&counting=working', 'days=5&counting=weekly', 'days=5&counting=working&from=2027-02-30T00:00:00Z', 'counting=working']) {
      const bad = await api.get('committee1', `/api/calendar/deadline?${q}`);
      expect(bad.status).toBe(400);
    }
  });

  it('counts a text search up to 1,000 and says when there are more, for short and long words alike', async () => {
    await insertSubmitted(t, 1001);
    for (const q of ['食堂', '食堂伙食质量']) {
      const res = await api.get('committee1', `/api/proposals?q=${encodeURIComponent(q)}&pageSize=20`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1000, totalCapped: true });
      expect(res.body.items).toHaveLength(20);
      // asked again, the search is known to overflow: no count, and its words matched by strpos alone (no bigram
      // test), with the same answer; its other pages, orders and filters as before
      // (prepared: PostgreSQL's generic plan after five runs on a connection must answer the same)
      for (let i = 0; i < 8; i++) {
        const again = await api.get('committee1', `/api/proposals?q=${encodeURIComponent(q)}&pageSize=20`);
        expect(again.body).toEqual(res.body);
      }
      const second = await api.get('committee1', `/api/proposals?q=${encodeURIComponent(q)}&pageSize=20&page=2`);
      expect(second.body).toMatchObject({ total: 1000, totalCapped: true });
      expect(second.body.items).toHaveLength(20);
      expect(second.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.items[0].id);
      const past = await api.get('committee1', `/api/proposals?q=${encodeURIComponent(q)}&pageSize=100&page=12`);
      expect(past.body).toEqual({ items: [], total: 1000, totalCapped: true });
      const oldest = await api.get('committee1', `/api/proposals?q=${encodeURIComponent(q)}&pageSize=20&sort=createdAt`);
      expect(oldest.body.items.map((i: { id: string }) => i.id)).not.toEqual(res.body.items.map((i: { id: string }) => i.id));
    }
    // the portal's search keeps its overflow too
    const portal = `/api/public/proposals?q=${encodeURIComponent('食堂')}`;
    await t.db.query(`UPDATE proposals SET published = true WHERE state = 'submitted' AND title LIKE '%食堂%'`);
    const shown = await t.http().get(portal);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ total: 1000, totalCapped: true });
    expect((await t.http().get(portal)).body).toEqual(shown.body);
    const few = await api.get('committee1', `/api/proposals?q=${encodeURIComponent('（1001）')}`);
    expect(few.body).toMatchObject({ total: 1 });
    expect(few.body.totalCapped).toBeUndefined();
    // without a search the count is exact
    const all = await api.get('committee1', '/api/proposals?state=submitted&pageSize=1');
    expect(all.body.total).toBeGreaterThan(1000);
    expect(all.body.totalCapped).toBeUndefined();
  }, 60_000);
});
