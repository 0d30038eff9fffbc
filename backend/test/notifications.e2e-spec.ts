import { Api, departmentId } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';
import { notificationsOf, settle, setLanguage, SmtpSink, startFastApp, waitFor } from './reminders-harness';

const PUBLIC_URL = 'https://congress.example.edu.cn';

describe('notices of the workflow reach the inbox and the mailbox at once, in the reader\'s language', () => {
  let t: TestApp;
  let api: Api;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startFastApp(smtp);
    api = new Api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('tells invited co-signers, then the committee, the lead proposer, the departments and the proposer again as the proposal moves', async () => {
    await setLanguage(t, 'delegate03', 'en');
    const d = await api.draft('delegate01');
    await api.ok('delegate01', d.id, 'SUBMIT');
    const invited = await waitFor(async () => {
      const rows = await notificationsOf(t, d.id, 'cosignInvited');
      return rows.length === 2 && rows;
    }, 'co-sign invitations');
    expect(invited.map((r) => [r.username, r.language]).sort()).toEqual([
      ['delegate02', 'zh-CN'],
      ['delegate03', 'en'],
    ]);
    expect(invited.find((r) => r.username === 'delegate02')!.title).toContain('附议邀请');
    expect(invited.find((r) => r.username === 'delegate03')!.title).toMatch(/^Invitation to co-sign the proposal “关于改善/);

    await api.ok('delegate02', d.id, 'COSIGN');
    await api.ok('delegate03', d.id, 'COSIGN');
    await api.ok('committee1', d.id, 'ACCEPT');
    await api.ok('committee1', d.id, 'CLASSIFY', { categoryId: (await t.db.query(`SELECT id FROM categories LIMIT 1`))[0].id });
    await api.ok('committee1', d.id, 'ASSIGN', { leadDepartmentId: await departmentId(t, 'jwc'), coDepartmentIds: [await departmentId(t, 'hqc')] });
    await api.ok('jwc.handler', d.id, 'SUBMIT_REPLY', { grade: 'A', content: '已增设教工窗口。' });
    await api.ok('jwc.head', d.id, 'APPROVE_REPLY');
    await settle(t);

    const who = async (topic: string) => (await notificationsOf(t, d.id, topic)).map((r) => r.username).sort();
    expect(await who('submitted')).toEqual(['committee1', 'committee2']);
    expect(await who('accepted')).toEqual(['delegate01', 'delegate02', 'delegate03']);
    expect(await who('assigned')).toEqual(['hqc.handler', 'hqc.head', 'jwc.handler', 'jwc.head']);
    expect(await who('replySubmitted')).toEqual(['jwc.head']);
    expect(await who('replied')).toEqual(['delegate01', 'delegate02', 'delegate03']);
    const assigned = (await notificationsOf(t, d.id, 'assigned')).find((r) => r.username === 'jwc.handler')!;
    expect(assigned.body).toMatch(/已交由贵单位办理，答复期限：\d{4}-\d{2}-\d{2}。/);

    // the e-mails: one per notification, in the reader's language, with a link to the page (never an action)
    const mails = await waitFor(() => smtp.to('delegate03@example.edu.cn').length >= 3 && smtp.to('delegate03@example.edu.cn'), 'mails to delegate03');
    const replied = mails.find((m) => m.subject.includes('has a reply'))!;
    expect(replied.subject).toMatch(/^The proposal “关于改善学校食堂伙食质量的提案” has a reply$|^Proposal \d{4}-\d{3} “.*” has a reply$/);
    expect(replied.text).toContain(`Open the proposal: ${PUBLIC_URL}/proposals/${d.id}`);
    expect(replied.raw).not.toMatch(/\/events|\/api\//);
    const zh = await waitFor(() => smtp.to('jwc.handler@example.edu.cn').find((m) => m.subject.startsWith('交办')), 'the assignment mail');
    expect(zh.text).toContain(`打开提案页面: ${PUBLIC_URL}/proposals/${d.id}`);
  });

  it('sends a returned proposal back to its lead proposer with the comment, and a rejection to the proposers', async () => {
    const p = await api.submitted();
    await api.ok('committee1', p.id, 'RETURN', { comment: '请补充调研数据' });
    const returned = await waitFor(async () => (await notificationsOf(t, p.id, 'returned'))[0], 'the return notice');
    expect(returned.username).toBe('delegate01');
    expect(returned.body).toContain('钱文华退回了');
    expect(returned.body).toContain('意见：请补充调研数据');

    const q = await api.submitted();
    await api.ok('committee1', q.id, 'REJECT', { reason: '不属于提案受理范围' });
    const rejected = await waitFor(async () => {
      const rows = await notificationsOf(t, q.id, 'rejected');
      return rows.length === 3 && rows;
    }, 'the rejection notices');
    expect(rejected.map((r) => r.username).sort()).toEqual(['delegate01', 'delegate02', 'delegate03']);
    expect(rejected[0].body).toContain('不予立案');
    expect(rejected[0].body).toContain('意见：不属于提案受理范围');
  });

  it('URGE (催办) by the committee reaches whoever must act at once, by e-mail too, and is in the history', async () => {
    const p = await api.handling('kyc');
    await settle(t);
    const before = smtp.to('kyc.handler@example.edu.cn').length;
    await api.ok('committee1', p.id, 'URGE', { comment: '请本周内答复' });
    const urged = await waitFor(async () => {
      const rows = await notificationsOf(t, p.id, 'urged');
      return rows.length === 2 && rows;
    }, 'the urge notice', 2000);
    expect(urged.map((r) => r.username).sort()).toEqual(['kyc.handler', 'kyc.head']);
    expect(urged[0].body).toContain('请本周内答复');
    await waitFor(() => smtp.to('kyc.handler@example.edu.cn').length > before, 'the urge e-mail', 2000);
    const history = await api.get('committee1', `/api/proposals/${p.id}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toContain('URGE');
  });
});

describe('the inbox API and the notification log', () => {
  let t: TestApp;
  let api: Api;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startFastApp(smtp);
    api = new Api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lists my notifications newest first with the unread count, pages, and marks one or all read (POST only)', async () => {
    for (let i = 0; i < 3; i++) {
      const p = await api.handling('cwc');
      // the assignment's notices first: notices are jobs run side by side (WORKER_CONCURRENCY), so an assignment
      // and an urge relayed in one batch may be stored in either order, and the newest would not be the urge
      await settle(t);
      await api.ok('committee1', p.id, 'URGE');
    }
    await settle(t);
    const res = await api.get('cwc.handler', '/api/notifications?pageSize=4');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(6); // three assignments, three urges
    expect(res.body.unread).toBe(6);
    expect(res.body.items).toHaveLength(4);
    expect(res.body.items[0].topic).toBe('urged');
    const ids = res.body.items.map((i: { id: string }) => Number(i.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(res.body.items[0]).toMatchObject({ kind: 'notice', readAt: null, link: expect.stringMatching(/^\/proposals\/[0-9a-f-]{36}$/) });

    const page2 = await api.get('cwc.handler', '/api/notifications?pageSize=4&page=2');
    expect(page2.body.items).toHaveLength(2);

    const one = await api.post('cwc.handler', `/api/notifications/${ids[0]}/read`, {});
    expect(one.status).toBe(200);
    expect(one.body.readAt).toEqual(expect.any(String));
    expect((await api.get('cwc.handler', '/api/notifications')).body.unread).toBe(5);
    expect((await api.get('cwc.handler', '/api/notifications?unreadOnly=true')).body.items).toHaveLength(5);

    // someone else's notification is not there to read
    expect((await api.post('cwc.head', `/api/notifications/${ids[0]}/read`, {})).status).toBe(404);
    expect((await api.post('cwc.head', `/api/notifications/not-a-number/read`, {})).status).toBe(404);

    const all = await api.post('cwc.handler', '/api/notifications/read-all', {});
    expect(all.body).toEqual({ updated: 5, unread: 0 });
    expect((await api.get('cwc.handler', '/api/notifications')).body.unread).toBe(0);
    expect((await t.http().get('/api/notifications')).status).toBe(401);
  });

  it('shows the committee and admins what went to whom, when, on which channel, and with what result', async () => {
    const p = await api.handling('rsc');
    await settle(t);
    await waitFor(async () => {
      const log = await api.get('committee1', `/api/notifications/log?proposalId=${p.id}&channel=email`);
      return log.body.items.length > 0 && log.body.items.every((i: { status: string }) => i.status === 'sent');
    }, 'the e-mails to be sent');
    const log = await api.get('committee1', `/api/notifications/log?proposalId=${p.id}`);
    expect(log.status).toBe(200);
    const assigned = log.body.items.filter((i: { topic: string }) => i.topic === 'assigned');
    expect(assigned.map((i: { recipient: { username: string }; channel: string }) => `${i.recipient.username}/${i.channel}`).sort()).toEqual([
      'rsc.handler/email',
      'rsc.handler/inApp',
      'rsc.head/email',
      'rsc.head/inApp',
    ]);
    expect(assigned.find((i: { channel: string }) => i.channel === 'email')).toMatchObject({
      status: 'sent',
      attempts: 1,
      address: expect.stringMatching(/@example\.edu\.cn$/),
      sentAt: expect.any(String),
      lastError: null,
    });
    expect((await api.get('admin', '/api/notifications/log?pageSize=5')).body.items).toHaveLength(5);
    expect((await api.get('delegate01', '/api/notifications/log')).status).toBe(403);
    expect((await api.get('committee1', '/api/notifications/log?status=bogus')).status).toBe(400);
  });
});
