/**
 * Shared by the reminders*.e2e-spec.ts and notifications*.e2e-spec.ts files: an app whose queues run fast, a
 * second app on the same database and Redis prefix (another process), an in-process SMTP server, and ways to
 * look at the inbox, the delivery log and the job ledger. Time moves with the app's SettableClock and the
 * reconciler, never by sleeping: `at(t, when)` sets the clock and reconciles, which promotes the jobs due by then.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { createApp } from '../src/app/create-app';
import { QueueRegistry } from '../src/app/queues/queue-registry';
import { OutboxRelay } from '../src/app/reminders/outbox-relay.service';
import { Reconciler } from '../src/app/reminders/reconciler.service';
import { CLOCK, SettableClock } from '../src/app/workflow/clock';
import { deleteKeys } from './support/global-teardown';
import { startTestApp, testConfig, TestApp } from './support/test-app';

export type AppLike = { app: NestFastifyApplication; config: AppConfig };

/** Retries after milliseconds, not minutes; reconciling is left to the tests (they call it). */
export const FAST_JOBS: AppConfig['jobs'] = {
  relayIntervalMs: 100,
  reconcileSeconds: 3600,
  reminderHour: 9,
  attempts: 5,
  backoffMs: 20,
  mailAttempts: 3,
  mailBackoffMs: 20,
  concurrency: 4,
};

export function smtpOf(sink: SmtpSink | null): Partial<AppConfig> {
  return sink ? { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: null, password: null } } : { smtp: null };
}

export async function startFastApp(sink: SmtpSink | null, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  return startTestApp({ jobs: FAST_JOBS, publicUrl: 'https://congress.example.edu.cn', ...smtpOf(sink), ...overrides });
}

/** Another process on the same database and Redis prefix (API with WORKER_MODE=inline, or a worker). */
export async function anotherApp(t: TestApp, overrides: Partial<AppConfig> = {}): Promise<AppLike & { close: () => Promise<void> }> {
  const config = testConfig({ ...t.config, ...overrides });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, config, close: () => app.close() };
}

export function clockOf(a: AppLike): SettableClock {
  return a.app.get(CLOCK) as SettableClock;
}

/** Sets the clock of every app given and reconciles them all (at the same time): due jobs run. */
export async function at(when: Date | string, ...apps: AppLike[]): Promise<void> {
  for (const a of apps) clockOf(a).set(when);
  await Promise.all(apps.map((a) => a.app.get(Reconciler).run()));
}

export async function relay(a: AppLike): Promise<number> {
  return a.app.get(OutboxRelay).drain();
}

/** Polls until `check` returns something truthy (every 25 ms, at most `ms`). */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Lets the queues settle: every queue without waiting or active jobs, and the outbox relayed. */
export async function settle(a: AppLike, what = 'the queues to settle'): Promise<void> {
  const registry = a.app.get(QueueRegistry);
  await waitFor(async () => {
    const counts = await Promise.all(registry.all().map((q) => q.getJobCounts('waiting', 'active', 'prioritized')));
    const [{ n }] = (await dbOf(a).query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)) as { n: number }[];
    return n === 0 && counts.every((c) => !c.waiting && !c.active && !c.prioritized);
  }, what);
}

function dbOf(a: AppLike): DataSource {
  return a.app.get(DataSource);
}

export interface InboxRow {
  id: string;
  username: string;
  eventKey: string;
  kind: string;
  topic: string;
  language: string;
  title: string;
  body: string;
}

/** Notifications of a proposal (and topic), oldest first, with the recipient's username. */
export async function notificationsOf(t: TestApp, proposalId: string, topic?: string): Promise<InboxRow[]> {
  return (await t.db.query(
    `SELECT n.id::text AS id, u.username, n.event_key AS "eventKey", n.kind, n.topic, n.language, n.title, n.body
       FROM notifications n JOIN users u ON u.id = n.recipient_id
      WHERE n.proposal_id = $1 AND ($2::text IS NULL OR n.topic = $2) ORDER BY n.id`,
    [proposalId, topic ?? null],
  )) as InboxRow[];
}

export interface LedgerRowView {
  jobId: string;
  name: string;
  status: string;
  runAt: Date;
  anchor: Date | null;
  step: string | null;
  outcome: string | null;
}

export async function ledgerOf(t: TestApp, proposalId: string, name?: string): Promise<LedgerRowView[]> {
  return (await t.db.query(
    `SELECT job_id AS "jobId", name, status, run_at AS "runAt", anchor, data->>'step' AS step, outcome FROM queue_jobs
      WHERE proposal_id = $1 AND ($2::text IS NULL OR name = $2) ORDER BY run_at, job_id`,
    [proposalId, name ?? null],
  )) as LedgerRowView[];
}

/** The scheduled ledger row of a reminder's step, once the relay has written it. */
export async function scheduledStep(t: TestApp, proposalId: string, name: string, step: string): Promise<LedgerRowView> {
  return waitFor(
    async () => (await ledgerOf(t, proposalId, name)).find((r) => r.step === step && r.status === 'scheduled'),
    `${name} ${step} of ${proposalId} to be scheduled`,
  );
}

/** Removes this test's Redis keys only (SCAN MATCH <prefix>*): what FLUSHALL would do to us, without touching others. */
export async function flushOurRedis(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await deleteKeys(redis, `${config.redisPrefix}*`);
  } finally {
    redis.disconnect();
  }
}

export async function setLanguage(t: TestApp, username: string, language: 'en' | 'zh-CN'): Promise<void> {
  await t.db.query(`UPDATE users SET language = $2 WHERE lower(username) = lower($1)`, [username, language]);
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/**
 * An SMTP server in the test process (smtp-server). `failNext(n)` refuses the next n messages with a 451;
 * `failAll()` refuses every one; `delay(ms)` makes each message take that long.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  refused = 0;
  private failing = 0;
  private slowMs = 0;
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          setTimeout(() => {
            if (this.failing > 0) {
              this.failing--;
              this.refused++;
              const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
              err.responseCode = 451;
              return callback(err);
            }
            const raw = Buffer.concat(chunks).toString('utf8');
            this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(raw), raw });
            callback();
          }, this.slowMs);
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  failNext(n: number): void {
    this.failing = n;
  }

  failAll(): void {
    this.failing = Number.MAX_SAFE_INTEGER;
  }

  heal(): void {
    this.failing = 0;
  }

  delay(ms: number): void {
    this.slowMs = ms;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Just enough MIME for our own messages: the decoded subject and the text/plain part. */
export function parseMail(raw: string): { subject: string; text: string } {
  const unfolded = raw.replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const part = /Content-Type: text\/plain[^\r\n]*\r\n(?:[^\r\n]+\r\n)*?Content-Transfer-Encoding: ([\w-]+)\r\n\r\n([\s\S]*?)(?:\r\n--|$)/i.exec(raw);
  const text = part ? decodeBody(part[2], part[1]) : '';
  return { subject, text };
}

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qp(body.replace(/=\r\n/g, ''));
  return body;
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
