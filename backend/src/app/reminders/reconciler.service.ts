import { REMINDERS } from '@congress/workflow';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Deliveries } from '../notifications/deliveries.service';
import { JobLedger, jobOf, LedgerRow } from '../queues/job-ledger';
import { QUEUE_NAMES, throttled, withTimeout } from '../queues/queue-names';
import { QueueRegistry, REDIS_CALL_TIMEOUT_MS } from '../queues/queue-registry';
import { QueueWorkers } from '../queues/queue-workers';
import { CLOCK, Clock } from '../workflow/clock';
import { STATES_WITH_REMINDERS_SQL } from './reminder-anchors';
import { loadProposalState, ReminderSync } from './reminder-sync.service';

export interface ReconcileReport {
  proposals: number;
  /** Reminder jobs planned now that the ledger lacked, and scheduled ones whose reason was gone. */
  planned: number;
  ended: number;
  /** Scheduled ledger rows handed to Redis again (a no-op for the ids Redis has), and due ones promoted. */
  ensured: number;
  promoted: number;
  /** E-mails that wait, handed to the mail queue again. */
  mails: number;
}

const PAGE = 500;

/**
 * Makes Redis hold what PostgreSQL says it should, at worker start and every REMINDER_RECONCILE_SECONDS:
 * 1. every open proposal's reminders are brought in line with its state (ReminderSync), so a proposal whose
 *    effects never reached the relay, or a deadline that moved, ends up with the right jobs;
 * 2. every `scheduled` ledger row is added to its queue with its deterministic id (adding an existing id is a
 *    no-op, so after a FLUSHALL or a Redis restart without persistence everything comes back, once), and a job
 *    that is due by the app's clock but still delayed in Redis is promoted;
 * 3. every e-mail that waits (or whose worker died) goes back to the mail queue.
 * Proposals with outbox rows still waiting for the relay are left to the relay.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Reconciler');
  private readonly warn = throttled((m) => this.log.warn(m));
  private timer?: NodeJS.Timeout;
  private running: Promise<ReconcileReport | null> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly workers: QueueWorkers,
    private readonly ledger: JobLedger,
    private readonly sync: ReminderSync,
    private readonly deliveries: Deliveries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.workers.running) return;
    this.timer = setInterval(() => void this.runInBackground(), this.config.jobs.reconcileSeconds * 1000);
    setTimeout(() => void this.runInBackground(), 0).unref();
  }

  private async runInBackground(): Promise<void> {
    if (this.stopped || this.running) return;
    const report = await this.run().catch((err: Error) => {
      this.warn(`reconcile: ${err.message}`);
      return null;
    });
    if (report && (report.planned || report.ended || report.promoted)) this.log.log(`reconciled: ${JSON.stringify(report)}`);
  }

  /** One full pass (tests call it directly). Concurrent calls share the pass in progress. */
  run(): Promise<ReconcileReport | null> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = null));
    }
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = { proposals: 0, planned: 0, ended: 0, ensured: 0, promoted: 0, mails: 0 };
    await this.syncProposals(report);
    await this.ensureJobs(report);
    report.mails = await this.deliveries.requeuePendingMail();
    return report;
  }

  private async syncProposals(report: ReconcileReport): Promise<void> {
    const waiting = new Set(
      ((await this.db.query(`SELECT DISTINCT payload->>'proposalId' AS id FROM outbox WHERE processed_at IS NULL`)) as { id: string }[]).map(
        (r) => r.id,
      ),
    );
    const ids = (await this.db.query(
      `SELECT id FROM proposals WHERE deleted_at IS NULL AND ${STATES_WITH_REMINDERS_SQL}
       UNION SELECT DISTINCT proposal_id FROM queue_jobs WHERE status = 'scheduled' AND queue = 'reminders' AND proposal_id IS NOT NULL`,
    )) as { id: string }[];
    for (const { id } of ids) {
      if (this.stopped) return;
      if (waiting.has(id)) continue;
      report.proposals++;
      const calendar = await this.sync.calendarNow();
      await this.db.transaction(async (em) => {
        const p = await loadProposalState(em, id);
        if (!p) return;
        const rows = await this.ledger.ofProposalAll(em, id);
        for (const reminder of REMINDERS) {
          const r = await this.sync.sync(em, p, reminder, this.clock.now(), 'reconciler: the reason is gone', calendar, rows);
          report.planned += r.added.length;
          report.ended += r.removed.length;
        }
      });
    }
  }

  private async ensureJobs(report: ReconcileReport): Promise<void> {
    let after: LedgerRow | undefined;
    for (;;) {
      if (this.stopped) return;
      const rows = await this.ledger.scheduled(PAGE, after);
      if (!rows.length) return;
      const now = this.clock.now();
      for (const name of QUEUE_NAMES) {
        const mine = rows.filter((r) => r.queue === name);
        await this.queues.add(name, mine.map((r) => jobOf(r, now)));
        report.ensured += mine.length;
        for (const r of mine.filter((x) => Date.parse(x.runAt) <= now.getTime())) {
          const job = await withTimeout(this.queues.queue(name).getJob(r.jobId), REDIS_CALL_TIMEOUT_MS, 'get job');
          if (job && (await job.isDelayed())) {
            await job.promote().catch(() => undefined);
            report.promoted++;
          }
        }
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1];
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
