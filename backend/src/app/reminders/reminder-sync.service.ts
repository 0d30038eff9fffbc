import type { ProposalContext, Reminder } from '@congress/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WorkingCalendarService } from '../organisation/working-calendar.service';
import type { WorkingCalendar } from '../organisation/working-days';
import { JobLedger, jobOf, LedgerEntry, LedgerRow } from '../queues/job-ledger';
import { QueueRegistry } from '../queues/queue-registry';
import { CLOCK, Clock } from '../workflow/clock';
import { desiredAnchors, sameInstant } from './reminder-anchors';
import { Occurrence, planOccurrences } from './reminder-plan';
import type { RelayBatch } from './relay-batch';
import { queryPrepared } from '../../database/prepared';

/** What the reminders read of a proposal. */
export interface ProposalState {
  id: string;
  state: string;
  context: ProposalContext;
  deleted: boolean;
}

/** The columns of a ProposalState over `proposals`. */
export const PROPOSAL_STATE_COLUMNS = 'id, state, context, deleted_at IS NOT NULL AS deleted';

export async function loadProposalState(em: EntityManager, id: string): Promise<ProposalState | null> {
  const { rows } = await queryPrepared<ProposalState>(em, `SELECT ${PROPOSAL_STATE_COLUMNS} FROM proposals WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The ledger entry (and job data) of an occurrence; `since` is kept so that a re-plan skips the same past ones. */
export function entryOfOccurrence(o: Occurrence, since: Date): LedgerEntry {
  return {
    jobId: o.jobId,
    queue: 'reminders',
    name: o.reminder,
    proposalId: o.proposalId,
    anchor: o.anchor,
    runAt: o.runAt.toISOString(),
    data: { step: o.step, since: since.toISOString() },
  };
}

export interface SyncResult {
  added: string[];
  removed: string[];
  /** The ledger entries written (added), for a caller that keeps the proposal's ledger rows in memory. */
  addedEntries: LedgerEntry[];
}

/**
 * Keeps one reminder of one proposal in line with the proposal's stored state, whatever order effects arrive in:
 * scheduled jobs whose anchor is no longer the proposal's (state left, deadline moved) are removed from Redis and
 * ended in the ledger; the occurrences of the current anchor that the ledger lacks are added to both. The relay
 * runs it for every `schedule` and `cancel` effect, the reconciler for every open proposal, the processor after
 * a handling reminder (the overdue chain goes on one week at a time).
 */
@Injectable()
export class ReminderSync {
  constructor(
    private readonly calendar: WorkingCalendarService,
    private readonly ledger: JobLedger,
    private readonly queues: QueueRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The working-day calendar, to load before a transaction opens: reading it may take a database connection, and
   * with a pool of one (embedded PostgreSQL) a transaction waiting for a second connection would wait forever.
   */
  calendarNow(): Promise<WorkingCalendar> {
    return this.calendar.calendar();
  }

  plan(p: ProposalState, reminder: Reminder, anchor: string, since: Date, now: Date, calendar: WorkingCalendar): Occurrence[] {
    return planOccurrences({
      proposalId: p.id,
      reminder,
      anchor,
      rules: p.context.rules,
      calendar,
      timeZone: this.calendar.timeZone,
      hour: this.config.jobs.reminderHour,
      since,
      now,
    });
  }

  /**
   * Redis first (a failure leaves the rows untouched for the next try), then the ledger rows in `em`. `known`: the
   * proposal's ledger rows read in this transaction already (ofProposalAll), else they are read here. `batch`: record
   * the writes there instead of making them (the relay applies a batch's writes together).
   */
  async sync(
    em: EntityManager,
    p: ProposalState,
    reminder: Reminder,
    since: Date,
    why: string,
    calendar: WorkingCalendar,
    known?: readonly LedgerRow[],
    batch?: RelayBatch,
  ): Promise<SyncResult> {
    const now = this.clock.now();
    const rows = known ? known.filter((r) => r.name === reminder) : await this.ledger.ofProposal(em, p.id, reminder);
    const desired = p.deleted ? undefined : desiredAnchors(p.state, p.context)[reminder];
    const stale = rows.filter((r) => r.status === 'scheduled' && !sameInstant(r.anchor, desired)).map((r) => r.jobId);
    let entries: LedgerEntry[] = [];
    if (desired) {
      const same = rows.filter((r) => sameInstant(r.anchor, desired));
      const planSince = same.length ? new Date(Math.min(...same.map((r) => Date.parse(String(r.data.since ?? r.runAt))))) : since;
      // what ran or waits is known; a cancelled or obsolete occurrence of this same deadline is planned again
      const done = new Set(rows.filter((r) => !['cancelled', 'obsolete'].includes(r.status)).map((r) => r.jobId));
      const plan = this.plan(p, reminder, desired, planSince, now, calendar);
      entries = plan.filter((o) => !done.has(o.jobId)).map((o) => entryOfOccurrence(o, planSince));
    }
    if (batch) {
      // the relay applies a whole batch's writes at once (relay-batch.ts)
      batch.remove('reminders', stale);
      batch.add('reminders', entries.map((e) => jobOf(e, now)));
      batch.end(stale, why);
      batch.insert(entries, true);
    } else {
      await this.queues.remove('reminders', stale);
      await this.queues.add('reminders', entries.map((e) => jobOf(e, now)));
      await this.ledger.end(em, stale, 'cancelled', why, now);
      await this.ledger.insert(em, entries, true);
    }
    return { added: entries.map((e) => e.jobId), removed: stale, addedEntries: entries };
  }
}
