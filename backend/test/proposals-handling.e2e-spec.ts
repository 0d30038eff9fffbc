import { WorkflowService } from '../src/app/workflow/workflow.service';
import { Api, clock, departmentId } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('co-signing, merging, handling requests, re-handling and windows that pass', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterEach(() => clock(t).reset());
  afterAll(() => t.close());

  it('lets any delegate join an open co-signing, an invitee decline, and the lead withdraw to a draft', async () => {
    const d = await api.draft('delegate01');
    await api.ok('delegate01', d.id, 'SUBMIT');
    // delegate09 of another delegation sees it open for co-signing and joins without an invitation
    const seen = await api.get('delegate09', `/api/proposals/${d.id}`);
    expect(seen.body.availableEvents).toContain('COSIGN');
    let p = await api.ok('delegate09', d.id, 'COSIGN');
    expect(p.cosigners).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'open', status: 'confirmed' })]));
    p = await api.ok('delegate02', d.id, 'DECLINE_COSIGN', { comment: '不熟悉该领域' });
    expect(p.state).toBe('cosigning');
    p = await api.ok('delegate01', d.id, 'WITHDRAW');
    expect(p.state).toBe('draft');
    // back in draft, the lead may invite again; the co-signature given stays and counts at the next SUBMIT
    const invited = await api.post('delegate01', `/api/proposals/${d.id}/cosigners`, {
      userIds: [await api.people.id('delegate04')],
      expectedVersion: p.version,
    });
    expect(invited.status).toBe(200);
    p = await api.ok('delegate01', d.id, 'SUBMIT');
    expect(p.state).toBe('cosigning');
    p = await api.ok('delegate04', d.id, 'COSIGN');
    expect(p.state).toBe('submitted');
    // co-signers are frozen once submitted: no more invitations
    const late = await api.post('delegate01', `/api/proposals/${d.id}/cosigners`, { userIds: [await api.people.id('delegate05')], expectedVersion: p.version });
    expect(late.status).toBe(409);
  });

  it('merges a proposal into another: it ends merged, and its proposers join the target', async () => {
    const target = await api.submitted();
    const other = await api.draft('delegate05', { title: '关于改善食堂伙食的建议' }, ['delegate06', 'delegate07']);
    await api.ok('delegate05', other.id, 'SUBMIT');
    await api.ok('delegate06', other.id, 'COSIGN');
    await api.ok('delegate07', other.id, 'COSIGN');
    const merged = await api.ok('committee1', other.id, 'MERGE', { targetId: target.id });
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: target.id });
    const after = (await api.get('committee1', `/api/proposals/${target.id}`)).body;
    expect(after.version).toBe(target.version + 1);
    const names = after.cosigners.map((c: { user: { username: string } }) => c.user.username);
    expect(names).toEqual(expect.arrayContaining(['delegate05', 'delegate06', 'delegate07']));
    // the merged proposer now sees the target
    expect((await api.get('delegate05', `/api/proposals/${target.id}`)).status).toBe(200);
    const history = (await api.get('committee1', `/api/proposals/${target.id}/history`)).body;
    expect(history[history.length - 1]).toMatchObject({ event: 'MERGED_IN', payload: expect.objectContaining({ sourceId: other.id }) });
    expect((await api.send('committee1', target.id, 'MERGE', { targetId: target.id })).status).toBe(400);
  });

  it('moves the due date on an approved extension and refuses one beyond the session maximum', async () => {
    const p = await api.handling();
    const due = Date.parse(p.dueAt);
    const tooFar = new Date(due + 70 * DAY).toISOString();
    const refused = await api.send('jwc.handler', p.id, 'REQUEST_EXTENSION', { dueAt: tooFar, reason: '需要更多时间' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/at most 60 days in total/);
    const asked = new Date(due + 20 * DAY).toISOString();
    let r = await api.ok('jwc.head', p.id, 'REQUEST_EXTENSION', { dueAt: asked, reason: '需要协调预算' });
    expect(r.requests).toEqual([expect.objectContaining({ kind: 'extension', status: 'pending', extensionDays: 20 })]);
    r = await api.ok('committee1', p.id, 'APPROVE_EXTENSION', { comment: '同意' });
    expect(r.dueAt).toBe(asked);
    expect(r.requests[0].status).toBe('approved');
    expect(r.state).toBe('handling.drafting');
  });

  it('takes a reassignment request only within its window, and the committee reassigns', async () => {
    const p = await api.handling();
    clock(t).advanceDays(6);
    const late = await api.send('jwc.handler', p.id, 'REQUEST_REASSIGNMENT', { reason: '不属于本处职责' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/reassignment may be requested until/);
    clock(t).reset();
    await api.ok('jwc.handler', p.id, 'REQUEST_EXTENSION', { dueAt: new Date(Date.parse(p.dueAt) + 10 * DAY).toISOString(), reason: '待定' });
    let r = await api.ok('jwc.handler', p.id, 'REQUEST_REASSIGNMENT', { reason: '不属于本处职责' });
    expect(r.state).toBe('handling.reassignmentRequested');
    r = await api.ok('committee1', p.id, 'REASSIGN', { leadDepartmentId: await departmentId(t, 'hqc') });
    expect(r.state).toBe('handling.drafting');
    expect(r.leadDepartmentId).toBe(await departmentId(t, 'hqc'));
    // the reassignment was granted; the extension asked by the old department lapsed with its handling period
    expect(r.requests.map((q: { kind: string; status: string }) => [q.kind, q.status])).toEqual([
      ['extension', 'lapsed'],
      ['reassignment', 'approved'],
    ]);
    // the old department no longer sees it; the new one works it
    expect((await api.get('jwc.handler', `/api/proposals/${p.id}`)).status).toBe(404);
    expect((await api.get('hqc.handler', `/api/proposals/${p.id}`)).body.availableEvents).toContain('SUBMIT_REPLY');
  });

  it('sends a reply back, re-handles an unsatisfied proposal once, and counts a co-signer’s evaluation apart', async () => {
    const p = await api.handling();
    await api.ok('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'C', content: '受条件限制暂不能解决。' });
    let r = await api.ok('jwc.head', p.id, 'SEND_BACK', { comment: '请与提案人沟通后再答复' });
    expect(r.state).toBe('handling.drafting');
    expect(r.replies[0].status).toBe('sentBack');
    await api.ok('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'C', content: '经沟通，受场地限制暂不能解决。' });
    await api.ok('jwc.head', p.id, 'APPROVE_REPLY');
    await api.ok('delegate02', p.id, 'EVALUATE', { satisfaction: 'basicallySatisfied' });
    r = await api.ok('delegate01', p.id, 'EVALUATE', { satisfaction: 'unsatisfied', comment: '没有解决问题' });
    expect(r.state).toBe('disputed');
    expect(r.evaluations.map((e: { role: string }) => e.role).sort()).toEqual(['cosigner', 'lead']);
    clock(t).advanceDays(3);
    r = await api.ok('committee1', p.id, 'REHANDLE', { comment: '请重新办理' });
    expect(r.state).toBe('handling.drafting');
    expect(r.rehandleCount).toBe(1);
    await api.ok('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已重新安排场地并解决。' });
    r = await api.ok('jwc.head', p.id, 'APPROVE_REPLY');
    expect(r.replies.filter((x: { round: number }) => x.round === 2)).toHaveLength(1);
    r = await api.ok('delegate01', p.id, 'EVALUATE', { satisfaction: 'unsatisfied' });
    expect(r.state).toBe('disputed');
    const again = await api.send('committee1', p.id, 'REHANDLE', { comment: '再次办理' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/re-handling is allowed 1 time/);
    r = await api.ok('committee1', p.id, 'CLOSE', { reason: '已两次办理' });
    expect(r.state).toBe('closed');
  });

  it('refuses an evaluation once its window has passed (the clock moved, nobody waited)', async () => {
    const p = await api.replied();
    clock(t).advanceDays(16);
    const res = await api.send('delegate01', p.id, 'EVALUATE', { satisfaction: 'satisfied' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ state: 'replied' });
    expect(res.body.message).toMatch(/evaluations are taken until/);
  });

  it('takes the deadline events from the system only, and only once the window has really passed', async () => {
    const workflow = t.app.get(WorkflowService);
    const d = await api.draft();
    await api.ok('delegate01', d.id, 'SUBMIT');
    await api.ok('delegate02', d.id, 'COSIGN');
    expect((await api.send('committee1', d.id, 'COSIGN_DEADLINE')).status).toBe(403);
    // a stale job (the window still open) changes nothing
    await expect(workflow.apply(d.id, { type: 'COSIGN_DEADLINE' }, 'system')).rejects.toMatchObject({ status: 409 });
    clock(t).advanceDays(8);
    const back = await workflow.apply(d.id, { type: 'COSIGN_DEADLINE' }, 'system');
    expect(back).toMatchObject({ from: 'cosigning', state: 'draft' });
    const history = (await api.get('delegate01', `/api/proposals/${d.id}/history`)).body;
    expect(history[history.length - 1]).toMatchObject({ event: 'COSIGN_DEADLINE', actor: null });

    clock(t).reset();
    const p = await api.replied();
    clock(t).advanceDays(16);
    const lapsed = await workflow.apply(p.id, { type: 'EVALUATION_DEADLINE' }, 'system');
    expect(lapsed.state).toBe('closed');
    expect((await api.get('committee1', `/api/proposals/${p.id}`)).body.evaluation).toBe('none');
  });

  it('follows a grade-B promise after closure, and lists and flags what the committee asks', async () => {
    const p = await api.handling();
    await api.ok('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'B', content: '列入明年计划', plannedAt: new Date(Date.now() + 200 * DAY).toISOString() });
    await api.ok('jwc.head', p.id, 'APPROVE_REPLY');
    await api.ok('delegate01', p.id, 'EVALUATE', { satisfaction: 'basicallySatisfied' });
    await api.ok('jwc.handler', p.id, 'PROGRESS_UPDATE', { content: '已完成招标' });
    let r = await api.ok('jwc.head', p.id, 'FULFIL');
    expect(r.fulfilledAt).toEqual(expect.any(String));
    r = await api.ok('committee1', p.id, 'MARK_EXCELLENT');
    expect(r.excellent).toBe(true);
    expect(r.comments).toEqual([expect.objectContaining({ kind: 'progress', content: '已完成招标' })]);
  });
});
