import request from 'supertest';
import { Api } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';
import { notificationsOf, settle, SmtpSink, startFastApp, waitFor } from './reminders-harness';

interface LogEntry {
  topic: string;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  recipient: { username: string };
}

describe('e-mail delivery: retried with backoff, failures visible in the notification log', () => {
  let t: TestApp;
  let api: Api;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startFastApp(smtp); // MAIL_ATTEMPTS 3, backoff 20 ms
    api = new Api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const emailLog = async (proposalId: string, topic: string): Promise<LogEntry[]> => {
    const res = await api.get('committee1', `/api/notifications/log?proposalId=${proposalId}&channel=email&pageSize=200`);
    return (res.body.items as LogEntry[]).filter((i) => i.topic === topic);
  };

  it('retries a refused message and sends it; the log shows the attempts and the last error', async () => {
    const p = await api.handling('jwc');
    await settle(t);
    smtp.failNext(2);
    await api.ok('committee1', p.id, 'URGE');
    const log = await waitFor(async () => {
      const rows = await emailLog(p.id, 'urged');
      return rows.length === 2 && rows.every((r) => r.status === 'sent') && rows;
    }, 'both e-mails sent');
    // two refusals spread over the two messages: four attempts in all, each refused one shows its last error
    expect(log.reduce((n, r) => n + r.attempts, 0)).toBe(4);
    for (const r of log.filter((x) => x.attempts > 1)) {
      expect(r).toMatchObject({ status: 'sent', sentAt: expect.any(String), lastError: expect.stringMatching(/451 Mailbox temporarily unavailable/) });
    }
    expect(smtp.refused).toBe(2);
  });

  it('gives up after the last attempt, marks the e-mail failed with its error, and keeps the in-app notification', async () => {
    const p = await api.handling('hqc');
    await settle(t);
    smtp.failAll();
    try {
      await api.ok('committee1', p.id, 'URGE');
      const log = await waitFor(async () => {
        const rows = await emailLog(p.id, 'urged');
        return rows.length === 2 && rows.every((r) => r.status === 'failed') && rows;
      }, 'both e-mails failed');
      for (const r of log) expect(r).toMatchObject({ attempts: 3, sentAt: null, lastError: expect.stringMatching(/451 Mailbox temporarily unavailable/) });
      expect((await api.get('committee1', `/api/notifications/log?proposalId=${p.id}&status=failed`)).body.total).toBe(2);
      expect((await notificationsOf(t, p.id, 'urged')).map((r) => r.username).sort()).toEqual(['hqc.handler', 'hqc.head']);
    } finally {
      smtp.heal();
    }
  });
});

describe('without SMTP_HOST', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startFastApp(null);
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('e-mail is off and the in-app inbox still works', async () => {
    const p = await api.handling('kyc');
    await api.ok('committee1', p.id, 'URGE');
    await waitFor(async () => (await notificationsOf(t, p.id, 'urged')).length === 2, 'the in-app urge');
    const channels = (await t.db.query(
      `SELECT DISTINCT d.channel FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.proposal_id = $1`,
      [p.id],
    )) as { channel: string }[];
    expect(channels.map((c) => c.channel)).toEqual(['inApp']);
    const inbox = await api.get('kyc.handler', '/api/notifications');
    expect(inbox.body.unread).toBeGreaterThanOrEqual(2);
  });
});

describe('operations', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startFastApp(null);
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('serves Bull Board at /admin/queues to admins only', async () => {
    expect((await t.http().get('/admin/queues')).status).toBe(401);
    expect((await t.http().get('/admin/queues').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    const delegate = await t.http().get('/admin/queues').set('Authorization', `Bearer ${await api.people.token('delegate01')}`);
    expect(delegate.status).toBe(403);
    const committee = await t.http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${await api.people.token('committee1')}`);
    expect(committee.status).toBe(403);

    const admin = await api.people.token('admin');
    const page = await t.http().get('/admin/queues').set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await t.http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${admin}`);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['mail', 'notices', 'reminders']);

    // the httpOnly cookie of a browser login works as well
    const login = await t.http().post('/api/auth/login').send({ username: 'admin', password: 'demo12345' });
    const cookie = login.headers['set-cookie'] as unknown as string[];
    expect((await request(t.app.getHttpServer()).get('/admin/queues').set('Cookie', cookie)).status).toBe(200);
  });

  it('reports queue depth, delayed and failed jobs and the outbox backlog in /api/health', async () => {
    const p = await api.handling('cwc');
    await settle(t);
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.queues.reminders).toEqual({ waiting: 0, active: 0, delayed: expect.any(Number), failed: 0 });
    expect(res.body.queues.reminders.delayed).toBeGreaterThanOrEqual(4);
    expect(res.body.queues.notices).toMatchObject({ waiting: 0, failed: 0 });
    expect(res.body.queues.mail).toMatchObject({ waiting: 0 });
    expect(res.body.queues.outbox).toEqual({ pending: 0, oldestSeconds: null });
    expect(p.id).toEqual(expect.any(String));
  });
});
