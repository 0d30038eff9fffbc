import { Api, departmentId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

async function historyCount(t: TestApp, id: string): Promise<number> {
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM proposal_history WHERE proposal_id = $1`, [id])) as { n: number }[];
  return n;
}

describe('what the lifecycle refuses, and that a refusal changes nothing', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('answers 403 "not yours to send" to a role the event is not for, and changes nothing', async () => {
    const p = await api.submitted();
    const before = await historyCount(t, p.id);
    const res = await api.send('delegate02', p.id, 'ACCEPT');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/ACCEPT is not yours to send: only the proposal committee/);
    expect(await api.version(p.id)).toBe(p.version);
    expect(await historyCount(t, p.id)).toBe(before);
    const outbox = (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'proposalId' = $1 AND payload->>'event' = 'ACCEPT'`, [p.id])) as { n: number }[];
    expect(outbox[0].n).toBe(0);
  });

  it("answers 404 to another department's handler and 403 to a co-handling department sending the lead's event", async () => {
    const p = await api.submitted();
    await api.ok('committee1', p.id, 'ACCEPT');
    await api.ok('committee1', p.id, 'CLASSIFY', { categoryId: (await t.db.query(`SELECT id FROM categories LIMIT 1`))[0].id });
    await api.ok('committee1', p.id, 'ASSIGN', {
      leadDepartmentId: await departmentId(t, 'jwc'),
      coDepartmentIds: [await departmentId(t, 'rsc')],
    });
    const stranger = await api.send('cwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已解决' });
    expect(stranger.status).toBe(404);
    expect((await api.get('cwc.handler', `/api/proposals/${p.id}`)).status).toBe(404);
    const coHandler = await api.send('rsc.handler', p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已解决' });
    expect(coHandler.status).toBe(403);
    expect(coHandler.body.message).toMatch(/lead department/);
    // the co-handling department may give its input
    const input = await api.ok('rsc.handler', p.id, 'CONTRIBUTE', { content: '人事处可配合调整排班。' });
    expect(input.contributions).toEqual([expect.objectContaining({ departmentId: await departmentId(t, 'rsc') })]);
  });

  it('answers 409 naming the state and the events it takes to an event the state does not take', async () => {
    const p = await api.submitted();
    const res = await api.send('committee1', p.id, 'ASSIGN', { leadDepartmentId: await departmentId(t, 'jwc') });
    expect(res.status).toBe(409);
    expect(res.body.state).toBe('submitted');
    expect(res.body.accepts).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT', 'MERGE', 'CONVERT', 'RETURN']));
    expect(res.body.message).toMatch(/state "submitted" does not take ASSIGN; it takes: .*ACCEPT/);
  });

  it('answers 409 with the current version to a stale expectedVersion', async () => {
    const p = await api.submitted();
    const res = await api.send('committee1', p.id, 'ACCEPT', {}, p.version - 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ currentVersion: p.version });
    expect(res.body.message).toMatch(/changed by someone else/);
    expect(await api.version(p.id)).toBe(p.version);
  });

  it('answers 400 with field messages to a bad payload', async () => {
    const p = await api.handling();
    const bad = await api.send('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'D' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['content', 'grade']);
    const noPlan = await api.send('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'B', content: '列入计划' });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.errors).toEqual([expect.objectContaining({ field: 'plannedAt' })]);
    const unknown = await api.post('jwc.handler', `/api/proposals/${p.id}/events`, { type: 'FLY', expectedVersion: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('type');
    const extra = await api.send('committee1', p.id, 'URGE', { hurry: true });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('hurry');
    const noVersion = await api.post('committee1', `/api/proposals/${p.id}/events`, { type: 'URGE' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors[0].field).toBe('expectedVersion');
    const badDept = await api.send('committee1', (await api.submitted()).id, 'MERGE', { targetId: 'not-a-uuid' });
    expect(badDept.status).toBe(400);
  });

  it("keeps another delegate's draft out of sight (404) and its editing to the lead proposer (403)", async () => {
    const d = await api.draft('delegate01');
    expect((await api.get('delegate04', `/api/proposals/${d.id}`)).status).toBe(404);
    expect((await api.patch('delegate04', `/api/proposals/${d.id}`, { expectedVersion: 1, title: '改' })).status).toBe(404);
    expect((await api.send('delegate04', d.id, 'SUBMIT')).status).toBe(404);
    expect((await api.get('committee1', `/api/proposals/${d.id}`)).status).toBe(404);
    const list = await api.get('delegate04', '/api/proposals?pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    // an invited co-signer sees it but may not edit it
    expect((await api.get('delegate03', `/api/proposals/${d.id}`)).status).toBe(200);
    const edit = await api.patch('delegate03', `/api/proposals/${d.id}`, { expectedVersion: 1, title: '改' });
    expect(edit.status).toBe(403);
    expect((await api.get('delegate01', '/api/proposals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.get('delegate01', '/api/proposals/nonsense')).status).toBe(404);
  });

  it('refuses to SUBMIT an incomplete draft with 400 listing what is missing', async () => {
    const d = await api.draft('delegate01', { background: '太短', suggestions: '' });
    const res = await api.send('delegate01', d.id, 'SUBMIT');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['background', 'suggestions']);
    expect(res.body.message).toMatch(/at least 50 characters \(it has 2\)/);
  });

  it('shows internal comments and the contact phone only to those entitled', async () => {
    const p = await api.submitted({ contactPhone: '13800000000' });
    await api.ok('committee1', p.id, 'COMMENT', { content: '内部意见：可与往年提案合并', internal: true });
    await api.ok('committee1', p.id, 'COMMENT', { content: '请补充调研数据' });
    const asCommittee = (await api.get('committee2', `/api/proposals/${p.id}`)).body;
    expect(asCommittee.comments).toHaveLength(2);
    expect(asCommittee.contactPhone).toBe('13800000000');
    const asLead = (await api.get('delegate01', `/api/proposals/${p.id}`)).body;
    expect(asLead.comments.map((c: { content: string }) => c.content)).toEqual(['请补充调研数据']);
    expect(asLead.contactPhone).toBe('13800000000');
    const asCosigner = (await api.get('delegate02', `/api/proposals/${p.id}`)).body;
    expect(asCosigner.contactPhone).toBeNull();
    const leadHistory = (await api.get('delegate01', `/api/proposals/${p.id}/history`)).body;
    expect(leadHistory.filter((h: { event: string }) => h.event === 'COMMENT')).toHaveLength(1);
    const internalByDelegate = await api.send('delegate01', p.id, 'COMMENT', { content: '我也想写内部意见', internal: true });
    expect(internalByDelegate.status).toBe(403);
  });

  it('keeps the history of a failed event and its side records untouched (the transaction rolls back)', async () => {
    const p = await api.handling();
    const before = await historyCount(t, p.id);
    // an unknown contact id fails after the proposal row was locked
    const res = await api.send('delegate01', p.id, 'CONFIRM_CONTACT', { contactId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(await historyCount(t, p.id)).toBe(before);
    expect(await api.version(p.id)).toBe(p.version);
    expect(TEXT.title).toBeTruthy();
  });
});
