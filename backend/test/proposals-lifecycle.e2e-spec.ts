import { Api, categoryId, departmentId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('a proposal from draft to closed, each step by the person whose step it is', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('goes draft → cosigning → submitted → accepted → classified → handling → replied → closed, and is published', async () => {
    const delegate02 = await api.people.id('delegate02');
    const delegate03 = await api.people.id('delegate03');

    // delegate01 drafts, inviting delegate02 and delegate03
    const draft = await api.draft('delegate01');
    expect(draft).toMatchObject({ state: 'draft', version: 1, number: null, title: TEXT.title });
    expect(draft.cosigners.map((c: { user: { id: string }; status: string }) => [c.user.id, c.status]).sort()).toEqual(
      [[delegate02, 'invited'], [delegate03, 'invited']].sort(),
    );
    expect(draft.availableEvents).toContain('SUBMIT');

    // SUBMIT opens co-signing; the invited co-signers confirm and the second confirmation submits it
    let p = await api.ok('delegate01', draft.id, 'SUBMIT');
    expect(p.state).toBe('cosigning');
    expect(p.cosignDeadline).toEqual(expect.any(String));
    const forCosigner = await api.get('delegate02', `/api/proposals/${draft.id}`);
    expect(forCosigner.body.availableEvents).toEqual(expect.arrayContaining(['COSIGN', 'DECLINE_COSIGN']));
    p = await api.ok('delegate02', draft.id, 'COSIGN');
    expect(p.state).toBe('cosigning');
    p = await api.ok('delegate03', draft.id, 'COSIGN');
    expect(p.state).toBe('submitted');
    expect(p.cosigners.every((c: { status: string }) => c.status === 'confirmed')).toBe(true);

    // the committee accepts (a number), classifies and assigns to 教务处
    p = await api.ok('committee1', draft.id, 'ACCEPT');
    expect(p.state).toBe('accepted');
    expect(p.number).toMatch(/^\d{4}-001$/);
    p = await api.ok('committee1', draft.id, 'CLASSIFY', { categoryId: await categoryId(t) });
    expect(p.state).toBe('classified');
    const jwc = await departmentId(t, 'jwc');
    p = await api.ok('committee1', draft.id, 'ASSIGN', { leadDepartmentId: jwc });
    expect(p.state).toBe('handling.drafting');
    expect(p.leadDepartmentId).toBe(jwc);
    expect(Date.parse(p.dueAt)).toBeGreaterThan(Date.now() + 59 * 86_400_000);

    // the handler logs a contact and the proposer confirms it
    const handlerView = await api.get('jwc.handler', `/api/proposals/${draft.id}`);
    expect(handlerView.status).toBe(200);
    expect(handlerView.body.availableEvents).toEqual(expect.arrayContaining(['LOG_CONTACT', 'SUBMIT_REPLY', 'REQUEST_EXTENSION']));
    p = await api.ok('jwc.handler', draft.id, 'LOG_CONTACT', {
      method: 'phone',
      content: '电话沟通了增设窗口的方案',
      contactedAt: new Date().toISOString(),
    });
    expect(p.contacts).toHaveLength(1);
    expect(p.contacts[0].status).toBe('pending');
    p = await api.ok('delegate01', draft.id, 'CONFIRM_CONTACT', { contactId: p.contacts[0].id });
    expect(p.contacts[0].status).toBe('confirmed');

    // a grade-B reply with its planned date; the head approves it and it reaches the proposer
    const plannedAt = new Date(Date.now() + 90 * 86_400_000).toISOString();
    p = await api.ok('jwc.handler', draft.id, 'SUBMIT_REPLY', { grade: 'B', content: '已列入下学期改造计划。', plannedAt });
    expect(p.state).toBe('handling.replyReview');
    expect(p.replies[0]).toMatchObject({ grade: 'B', status: 'pending', plannedAt });
    p = await api.ok('jwc.head', draft.id, 'APPROVE_REPLY');
    expect(p.state).toBe('replied');
    expect(p.replies[0].status).toBe('approved');
    expect(p.evaluationDeadline).toEqual(expect.any(String));

    // the lead proposer is satisfied: closed; the committee publishes it
    p = await api.ok('delegate01', draft.id, 'EVALUATE', { satisfaction: 'satisfied', comment: '满意' });
    expect(p.state).toBe('closed');
    expect(p.evaluations).toEqual([expect.objectContaining({ role: 'lead', satisfaction: 'satisfied' })]);
    p = await api.ok('committee1', draft.id, 'PUBLISH');
    expect(p.published).toBe(true);

    // the history tells the whole story, in order, chained
    const history = await api.get('committee1', `/api/proposals/${draft.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual([
      'CREATE', 'SUBMIT', 'COSIGN', 'COSIGN', 'ACCEPT', 'CLASSIFY', 'ASSIGN', 'LOG_CONTACT', 'CONFIRM_CONTACT',
      'SUBMIT_REPLY', 'APPROVE_REPLY', 'EVALUATE', 'PUBLISH',
    ]);
    expect(history.body[6]).toMatchObject({ from: 'classified', to: 'handling.drafting', actor: { username: 'committee1' } });

    // the machine's effects went to the outbox in the same transactions
    const outbox = (await t.db.query(`SELECT kind, payload FROM outbox WHERE payload->>'proposalId' = $1 ORDER BY id`, [draft.id])) as {
      kind: string;
      payload: { notice?: string; reminder?: string };
    }[];
    expect(outbox.filter((o) => o.kind === 'notify').map((o) => o.payload.notice)).toEqual(
      expect.arrayContaining(['cosignInvited', 'submitted', 'accepted', 'assigned', 'contactLogged', 'replySubmitted', 'replied', 'evaluated']),
    );
    expect(outbox.some((o) => o.kind === 'schedule' && o.payload.reminder === 'handlingDue')).toBe(true);
    expect(outbox.some((o) => o.kind === 'cancel' && o.payload.reminder === 'handlingDue')).toBe(true);
  });

  it('takes a returned proposal back as a draft, lets it be revised and resubmitted, and records a rejection', async () => {
    const p = await api.submitted();
    let r = await api.ok('committee1', p.id, 'RETURN', { comment: '请补充具体数据' });
    expect(r.state).toBe('draft');
    // the committee still sees the returned draft; the lead proposer revises it
    expect((await api.get('committee1', `/api/proposals/${p.id}`)).status).toBe(200);
    const edited = await api.patch('delegate01', `/api/proposals/${p.id}`, {
      expectedVersion: r.version,
      background: `${TEXT.background}据统计，高峰期平均排队时间超过二十分钟。`,
    });
    expect(edited.status).toBe(200);
    // resubmitted: the co-signers' confirmations still count, so it goes straight to the committee
    r = await api.ok('delegate01', p.id, 'SUBMIT');
    expect(r.state).toBe('submitted');
    r = await api.ok('committee1', p.id, 'REJECT', { reason: '不属于提案范围' });
    expect(r.state).toBe('rejected');
    expect(r.availableEvents).toEqual([]);
    const history = await api.get('delegate01', `/api/proposals/${p.id}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual(
      ['CREATE', 'SUBMIT', 'COSIGN', 'COSIGN', 'RETURN', 'EDIT', 'SUBMIT', 'REJECT'],
    );
    expect(history.body[4].comment).toBe('请补充具体数据');
  });
});
