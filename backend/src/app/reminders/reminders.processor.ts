import type { Reminder } from '@congress/workflow';
import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnModuleInit } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Deliveries } from '../notifications/deliveries.service';
import { entryOf, JobLedger, LedgerEntry } from '../queues/job-ledger';
import { QueueWorkers } from '../queues/queue-workers';
import { CLOCK, Clock } from '../workflow/clock';
import { SystemEventOutcome, WorkflowService } from '../workflow/workflow.service';
import { DeadlineSweeps } from './deadline-sweeps';
import { desiredAnchors, sameInstant } from './reminder-anchors';
import { DEADLINE_JOBS, isSuperseded, Occurrence } from './reminder-plan';
import { loadProposalState, ProposalState, ReminderSync } from './reminder-sync.service';

/** A job that BullMQ hands over this much before its time by the app's clock waits again instead. */
const EARLY_TOLERANCE_MS = 1000;

/** How many due deadline rows one sweep's transaction takes (one statement writes all their events). */
const SWEEP_BATCH = 200;
/** How many batches one deadline job sweeps at most before it turns to its own row. */
const SWEEP_BATCHES = 20;

const DEADLINE_EVENTS: Partial<Record<Reminder, 'COSIGN_DEADLINE' | 'EVALUATION_DEADLINE'>> = {
  cosignDeadline: 'COSIGN_DEADLINE',
  evaluationDeadline: 'EVALUATION_DEADLINE',
};

/** A reminder job as the processor reads it. */
interface ReminderJob {
  entry: LedgerEntry;
  reminder: Reminder;
  proposalId: string;
  anchor: string;
}

type Checked = { go: true; proposal: ProposalState } | { go: false; outcome: string };

/**
 * The `reminders` queue. Every job re-reads PostgreSQL and does nothing when its reason is gone: its ledger row
 * is no longer `scheduled` (done, cancelled), the proposal left the state or its deadline moved (obsolete), or a
 * later reminder of the same chain is due as well (skipped). A reminder is delivered in the transaction that
 * marks its row done. A deadline job sends COSIGN_DEADLINE / EVALUATION_DEADLINE through WorkflowService like
 * any actor (the system actor); a 409 because the proposal moved on means there is nothing left to do.
 */
@Injectable()
export class RemindersProcessor implements OnModuleInit {
  private readonly log = new Logger('RemindersProcessor');

  constructor(
    private readonly workers: QueueWorkers,
    private readonly db: DataSource,
    private readonly ledger: JobLedger,
    private readonly sync: ReminderSync,
    private readonly deliveries: Deliveries,
    private readonly workflow: WorkflowService,
    private readonly sweeps: DeadlineSweeps,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.workers.register('reminders', (job, token) => this.process(job, token));
  }

  async process(job: Job, token?: string): Promise<string> {
    const entry = entryOf(job.data);
    if (!entry.proposalId || !entry.anchor) throw new Error(`reminder job ${entry.jobId} names no proposal or anchor`);
    const early = Date.parse(entry.runAt) - this.clock.now().getTime();
    if (early > EARLY_TOLERANCE_MS) {
      // BullMQ's timer and the app's clock disagree (another host's clock, or a test's): wait for the app's time
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    const r: ReminderJob = { entry, reminder: entry.name as Reminder, proposalId: entry.proposalId, anchor: entry.anchor };
    return DEADLINE_JOBS.includes(r.reminder) ? this.deadline(r) : this.remind(r);
  }

  private async remind({ entry, reminder, proposalId, anchor }: ReminderJob): Promise<string> {
    let proposal: ProposalState | null = null;
    const calendar = await this.sync.calendarNow();
    const outcome = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const checked = await this.check(em, entry, reminder);
      if (!checked.go) return checked.outcome;
      proposal = checked.proposal;
      const since = new Date(String(entry.data.since ?? entry.runAt));
      const plan = this.sync.plan(checked.proposal, reminder, anchor, since, now, calendar);
      const me: Occurrence = plan.find((o) => o.jobId === entry.jobId) ?? {
        jobId: entry.jobId,
        reminder,
        proposalId,
        anchor,
        runAt: new Date(entry.runAt),
        step: String(entry.data.step ?? ''),
      };
      if (isSuperseded(me, plan, now)) {
        await this.ledger.finish(em, entry.jobId, 'skipped', 'a later reminder of the same deadline is due too', now);
        return 'skipped: superseded';
      }
      const count = await this.deliveries.deliver(
        em,
        { eventKey: entry.jobId, kind: 'reminder', topic: reminder, proposalId, step: me.step, anchor },
        now,
      );
      const outcome = `delivered to ${count} recipient(s)`;
      await this.ledger.finish(em, entry.jobId, 'done', outcome, now);
      return outcome;
    });
    await this.deliveries.enqueueMail(entry.jobId);
    const p = proposal as ProposalState | null;
    if (p && reminder === 'handlingDue') {
      // the overdue chain goes on: plan the next weekly reminder
      await this.db.transaction((em) => this.sync.sync(em, p, reminder, this.clock.now(), 'handling chain', calendar));
    }
    return outcome;
  }

  /**
   * A deadline job first sweeps: every deadline row due by now that no other transaction holds, a batch at a time
   * (sweepBatch), its own row most likely among them. Deadlines come in bursts (every evaluation or co-sign
   * deadline of a day is that day's 23:59:59.999), and one job per event, a dozen statements each, drained a
   * thousand due at once at ~140 a second; a batch writes up to SWEEP_BATCH events in a few statements, and the jobs
   * of the rows it took find them done. Then its own row, if still scheduled (not due yet by the app's clock, or a sweep
   * failed and rolled back), is applied alone as before. A job whose row a sweep already finished ends at once.
   */
  private async deadline({ entry, reminder, proposalId }: ReminderJob): Promise<string> {
    // taken by an earlier sweep: nothing to do (the jobs of a burst, but those of its first sweeps, end here)
    const before = await this.ledger.statusOf(entry.jobId);
    if (before !== null && before !== 'scheduled') return `already ${before}`;
    await this.sweep();
    const swept = await this.ledger.statusOf(entry.jobId);
    if (swept !== null && swept !== 'scheduled') return `already ${swept}`;
    const checked = await this.db.transaction((em) => this.check(em, entry, reminder));
    if (!checked.go) return checked.outcome;
    const type = DEADLINE_EVENTS[reminder] ?? 'COSIGN_DEADLINE';
    let status: 'done' | 'obsolete' = 'done';
    let outcome: string;
    try {
      const applied = await this.workflow.apply(proposalId, { type }, 'system');
      outcome = `${type}: ${applied.from} → ${applied.state}`;
    } catch (err) {
      if (!(err instanceof ConflictException) && !(err instanceof NotFoundException)) throw err;
      status = 'obsolete';
      outcome = `${type} not taken: ${(err.getResponse() as { message?: string }).message ?? err.message}`;
    }
    await this.db.transaction((em) => this.ledger.finish(em, entry.jobId, status, outcome, this.clock.now()));
    this.log.log(`${entry.jobId}: ${outcome}`);
    return outcome;
  }

  /**
   * Batches of due deadlines until none is left (or SWEEP_BATCHES); a failed batch leaves the rows to their jobs.
   * The relay of this process waits meanwhile (DeadlineSweeps).
   */
  private sweep(): Promise<void> {
    return this.sweeps.during(() => this.sweepBatches());
  }

  private async sweepBatches(): Promise<void> {
    for (let i = 0; i < SWEEP_BATCHES; i++) {
      try {
        if ((await this.sweepBatch()) < SWEEP_BATCH) return;
      } catch (err) {
        this.log.warn(`a sweep of due deadlines failed and was rolled back; each job applies its own: ${(err as Error).message}`);
        return;
      }
    }
  }

  /**
   * One transaction: up to SWEEP_BATCH due deadline rows, locked (JobLedger#takeDue, skipping rows other sweeps
   * hold), their events through WorkflowService#applySystemEvents (the proposals locked together; a proposal whose
   * deadline is no longer this one is turned away, as `check` would), and the rows finished with each outcome, as
   * the job of each would have written it. Returns how many rows it took.
   */
  async sweepBatch(): Promise<number> {
    await this.workflow.warmUp();
    const finished: { jobId: string; status: 'done' | 'obsolete'; outcome: string }[] = [];
    let outcomes: SystemEventOutcome[] = [];
    const taken = await this.db.transaction(async (em) => {
      const rows = await this.ledger.takeDue(em, DEADLINE_JOBS, this.clock.now(), SWEEP_BATCH);
      // one event per proposal in a batch; another due deadline of the same proposal is left to its own job
      const due: { jobId: string; proposalId: string; reminder: Reminder; anchor: string }[] = [];
      const seen = new Set<string>();
      for (const { jobId, proposalId, name, anchor } of rows) {
        if (!proposalId || !anchor || seen.has(proposalId)) continue;
        seen.add(proposalId);
        due.push({ jobId, proposalId, reminder: name as Reminder, anchor });
      }
      outcomes = await this.workflow.applySystemEvents(
        em,
        due.map(({ proposalId, reminder, anchor }) => ({
          proposalId,
          type: DEADLINE_EVENTS[reminder] ?? 'COSIGN_DEADLINE',
          admit: ({ row: p }) => {
            const desired = desiredAnchors(p.state, p.context)[reminder];
            return sameInstant(desired, anchor) ? null : `the reason is gone (now ${p.state}${desired ? `, ${reminder} on ${desired}` : ''})`;
          },
        })),
      );
      outcomes.forEach((o, i) =>
        finished.push(
          'applied' in o
            ? { jobId: due[i].jobId, status: 'done', outcome: `${o.applied.type}: ${o.applied.from} → ${o.applied.state}` }
            : { jobId: due[i].jobId, status: 'obsolete', outcome: o.refused },
        ),
      );
      await this.ledger.finishEach(em, finished, this.clock.now());
      return rows.length;
    });
    this.workflow.committed(outcomes);
    for (const f of finished) this.log.log(`${f.jobId}: ${f.outcome}`);
    return taken;
  }

  /** In the job's transaction: its ledger row (locked) still scheduled, the proposal still has this reminder on this anchor. */
  private async check(em: EntityManager, entry: LedgerEntry, reminder: Reminder): Promise<Checked> {
    const { status } = await this.ledger.claim(em, entry);
    if (status !== 'scheduled') return { go: false, outcome: `already ${status}` };
    const proposal = entry.proposalId ? await loadProposalState(em, entry.proposalId) : null;
    const desired = proposal && !proposal.deleted ? desiredAnchors(proposal.state, proposal.context)[reminder] : undefined;
    if (!proposal || !sameInstant(desired, entry.anchor)) {
      const outcome = proposal
        ? `the reason is gone (now ${proposal.state}${desired ? `, ${reminder} on ${desired}` : ''})`
        : 'the proposal is gone';
      await this.ledger.finish(em, entry.jobId, 'obsolete', outcome, this.clock.now());
      return { go: false, outcome: `obsolete: ${outcome}` };
    }
    return { go: true, proposal };
  }
}
