import { jobOf, type LedgerEntry } from '../src/app/queues/job-ledger';
import { QueueRegistry } from '../src/app/queues/queue-registry';
import { Api } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';
import {
  anotherApp,
  at,
  clockOf,
  flushOurRedis,
  FAST_JOBS,
  notificationsOf,
  scheduledStep,
  settle,
  smtpOf,
  SmtpSink,
  startFastApp,
  waitFor,
} from './reminders-harness';

const DAY = 86_400_000;

async function pendingOutbox(t: TestApp): Promise<number> {
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)) as { n: number }[];
  return n;
}

async function deliveriesOf(t: TestApp, eventKey: string) {
  return (await t.db.query(
    `SELECT u.username, d.channel, d.status, d.attempts FROM notification_deliveries d JOIN users u ON u.id = d.recipient_id
      WHERE d.event_key = $1 ORDER BY u.username, d.channel`,
    [eventKey],
  )) as { username: string; channel: string; status: string; attempts: number }[];
}

describe('nothing is lost between PostgreSQL and Redis', () => {
  let t: TestApp;
  let api: Api;
  let smtp: SmtpSink;
  const others: { close: () => Promise<void> }[] = [];
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    // the API process alone (WORKER_MODE=off): it commits events and their outbox rows, and relays nothing
    t = await startFastApp(smtp, { workerMode: 'off' });
    api = new Api(t);
  });
  afterAll(async () => {
    for (const o of others.splice(0)) await o.close().catch(() => undefined);
    await t.close();
    await smtp.stop();
  });

  it('with Redis down the outbox rows wait; a process killed between commit and enqueue loses nothing; each is delivered once', async () => {
    const p = await api.handling('jwc');
    await api.ok('committee1', p.id, 'URGE', { comment: '请尽快答复' });
    expect(await pendingOutbox(t)).toBeGreaterThan(5);

    // a worker that cannot reach Redis relays nothing: the rows wait, and /api/health says so
    const cut = await anotherApp(t, { workerMode: 'inline', redisUrl: 'redis://127.0.0.1:1', jobs: FAST_JOBS });
    others.push(cut);
    await new Promise((r) => setTimeout(r, 600));
    expect(await pendingOutbox(t)).toBeGreaterThan(5);
    const health = await (await import('supertest')).default(cut.app.getHttpServer()).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.queues.outbox.pending).toBeGreaterThan(5);
    expect(health.body.queues.notices.unavailable).toEqual(expect.any(String));
    await cut.close();

    // a relay that added the URGE notice to Redis and died before its commit: the job is there, the row is not processed
    const [urge] = (await t.db.query(`SELECT id::text AS id, payload FROM outbox WHERE payload->>'notice' = 'urged' AND payload->>'proposalId' = $1`, [
      p.id,
    ])) as { id: string; payload: Record<string, unknown> }[];
    const entry: LedgerEntry = {
      jobId: `notice-${urge.id}`,
      queue: 'notices',
      name: 'urged',
      proposalId: p.id,
      anchor: null,
      runAt: String(urge.payload.at),
      data: { ...urge.payload, outboxId: urge.id },
    };
    await t.app.get(QueueRegistry).add('notices', [{ ...jobOf(entry, new Date()), delay: 60_000 }]);

    // a new worker process starts: its relay sends everything, the same ids are added again (a no-op)
    const worker = await anotherApp(t, { workerMode: 'inline', jobs: FAST_JOBS, ...smtpOf(smtp) });
    others.push(worker);
    await waitFor(async () => (await pendingOutbox(t)) === 0, 'the outbox relayed');
    // the pre-added job was delayed a minute: the reconciler finds its ledger row due and promotes it
    await at(new Date(), worker);
    await settle(worker);
    const urged = await waitFor(async () => {
      const rows = await notificationsOf(t, p.id, 'urged');
      return rows.length === 2 && rows;
    }, 'the urge');
    expect(urged.map((r) => r.username).sort()).toEqual(['jwc.handler', 'jwc.head']);
    expect((await notificationsOf(t, p.id, 'assigned')).map((r) => r.username).sort()).toEqual(['jwc.handler', 'jwc.head']);
    await scheduledStep(t, p.id, 'handlingDue', 'before14');

    // and a third process changes nothing
    const third = await anotherApp(t, { workerMode: 'inline', jobs: FAST_JOBS, ...smtpOf(smtp) });
    others.push(third);
    await at(new Date(), third);
    await settle(third);
    await new Promise((r) => setTimeout(r, 200));
    expect(await notificationsOf(t, p.id, 'urged')).toHaveLength(2);
    expect(await deliveriesOf(t, entry.jobId)).toEqual([
      { username: 'jwc.handler', channel: 'email', status: 'sent', attempts: 1 },
      { username: 'jwc.handler', channel: 'inApp', status: 'sent', attempts: 1 },
      { username: 'jwc.head', channel: 'email', status: 'sent', attempts: 1 },
      { username: 'jwc.head', channel: 'inApp', status: 'sent', attempts: 1 },
    ]);
    expect(smtp.to('jwc.handler@example.edu.cn').filter((m) => m.subject.startsWith('催办'))).toHaveLength(1);
    await third.close();
    await worker.close();
  });
});

describe('Redis can be rebuilt from PostgreSQL', () => {
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
  beforeEach(() => clockOf(t).reset());

  it('after a FLUSHALL (of our keys) the reconciler brings the reminders back, and each is still delivered once', async () => {
    const p = await api.handling('rsc');
    const b14 = await scheduledStep(t, p.id, 'handlingDue', 'before14');
    await settle(t);
    const queue = t.app.get(QueueRegistry).queue('reminders');
    expect(await queue.getJob(b14.jobId)).toBeDefined();

    await flushOurRedis(t.config);
    expect(await queue.getJob(b14.jobId)).toBeUndefined();
    expect((await queue.getJobCounts('delayed')).delayed).toBe(0);

    await at(new Date(b14.runAt.getTime() - DAY), t);
    expect(await (await queue.getJob(b14.jobId))!.getState()).toBe('delayed');
    await at(b14.runAt, t);
    await waitFor(async () => (await notificationsOf(t, p.id, 'handlingDue')).length === 1, 'the reminder');
    const mailsOfIt = () => smtp.to('rsc.handler@example.edu.cn').filter((m) => m.text.includes(p.id) && /答复期限将至/.test(m.subject));
    await waitFor(() => mailsOfIt().length === 1, 'its e-mail');
    // flushed again after delivery: the reconciler re-adds nothing that was done
    await flushOurRedis(t.config);
    await at(new Date(b14.runAt.getTime() + 60_000), t);
    await settle(t);
    expect(await notificationsOf(t, p.id, 'handlingDue')).toHaveLength(1);
    expect(await queue.getJob(b14.jobId)).toBeUndefined();
    expect(mailsOfIt()).toHaveLength(1);
  });

  it('after an outage only the latest due reminder of a deadline goes out', async () => {
    const p = await api.handling('kyc');
    const due = await scheduledStep(t, p.id, 'handlingDue', 'due');
    await flushOurRedis(t.config);
    await at(new Date(due.runAt.getTime() + 3_600_000), t);
    await waitFor(async () => (await notificationsOf(t, p.id, 'handlingDue')).length === 1, 'the latest reminder');
    await settle(t);
    const rows = await notificationsOf(t, p.id, 'handlingDue');
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toMatch(/^今天是答复期限/);
    const steps = (await t.db.query(`SELECT data->>'step' AS step, status FROM queue_jobs WHERE proposal_id = $1 AND name = 'handlingDue' ORDER BY run_at`, [
      p.id,
    ])) as { step: string; status: string }[];
    expect(steps).toEqual([
      { step: 'before14', status: 'skipped' },
      { step: 'before3', status: 'skipped' },
      { step: 'due', status: 'done' },
      { step: 'overdue1', status: 'scheduled' },
    ]);
  });

  it('two workers on one database and one Redis deliver each reminder, deadline and notice once', async () => {
    const second = await anotherApp(t, { workerMode: 'inline', jobs: FAST_JOBS, ...smtpOf(smtp) });
    try {
      const p = await api.handling('hqc');
      const d = await api.draft('delegate09', {}, ['delegate10', 'delegate11']);
      const submitted = await api.ok('delegate09', d.id, 'SUBMIT');
      for (let i = 0; i < 3; i++) await api.ok('committee2', p.id, 'URGE');
      const b14 = await scheduledStep(t, p.id, 'handlingDue', 'before14');
      await scheduledStep(t, d.id, 'cosignDeadline', 'deadline');

      // both reconcile at once when the reminder and the co-sign deadline are due
      await at(b14.runAt, t, second);
      await at(new Date(Math.max(b14.runAt.getTime(), Date.parse(submitted.cosignDeadline))), t, second);
      await waitFor(async () => (await notificationsOf(t, d.id, 'cosignFailed')).length === 1, 'the co-sign deadline');
      await settle(t);
      await settle(second);
      await new Promise((r) => setTimeout(r, 200));

      expect((await notificationsOf(t, p.id, 'handlingDue')).map((r) => r.username)).toEqual(['hqc.handler']);
      expect(await deliveriesOf(t, b14.jobId)).toEqual([
        { username: 'hqc.handler', channel: 'email', status: 'sent', attempts: 1 },
        { username: 'hqc.handler', channel: 'inApp', status: 'sent', attempts: 1 },
      ]);
      expect((await notificationsOf(t, p.id, 'urged')).map((r) => r.username).sort()).toEqual(
        ['hqc.handler', 'hqc.handler', 'hqc.handler', 'hqc.head', 'hqc.head', 'hqc.head'],
      );
      const history = await api.get('delegate09', `/api/proposals/${d.id}/history`);
      expect(history.body.filter((h: { event: string }) => h.event === 'COSIGN_DEADLINE')).toHaveLength(1);
      expect((await notificationsOf(t, d.id, 'cosignFailed')).map((r) => r.username)).toEqual(['delegate09']);
      const mails = smtp.to('hqc.handler@example.edu.cn').filter((m) => m.text.includes(p.id));
      expect(mails.filter((m) => m.subject.startsWith('催办'))).toHaveLength(3);
      expect(mails.filter((m) => m.subject.startsWith('答复期限将至'))).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets the job being processed finish before the process ends', async () => {
    const smtp = await new SmtpSink().start();
    const t = await startFastApp(smtp, { workerMode: 'off' });
    try {
      const api = new Api(t);
      const p = await api.handling('xgb');
      const worker = await anotherApp(t, { workerMode: 'inline', jobs: FAST_JOBS, ...smtpOf(smtp) });
      await settle(worker);
      smtp.delay(800);
      await api.ok('committee1', p.id, 'URGE');
      await waitFor(async () => {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.proposal_id = $1 AND n.topic = 'urged' AND d.channel = 'email' AND d.status = 'sending'`,
          [p.id],
        );
        return row.n > 0;
      }, 'an e-mail being sent');
      await worker.close(); // SIGTERM does this through enableShutdownHooks
      const rows = (await t.db.query(
        `SELECT d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.proposal_id = $1 AND n.topic = 'urged' AND d.channel = 'email' AND d.status <> 'pending'`,
        [p.id],
      )) as { status: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await t.close();
      await smtp.stop();
    }
  });
});
