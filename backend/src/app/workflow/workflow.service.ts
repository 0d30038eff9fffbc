import {
  applyEvent,
  canSee,
  EVENT_POLICY,
  mayActorSend,
  relationsOf,
  SYSTEM_ACTOR,
  type Effect,
  type EventActor,
  type EventType,
  type ProposalEvent,
  type Relation,
} from '@congress/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { WorkingCalendarService } from '../organisation/working-calendar.service';
import { OutboxWake } from '../outbox/outbox-wake';
import { OutboxWriter } from '../outbox/outbox.writer';
import { CLOCK, Clock } from './clock';
import { DeferredWrites } from './deferred-writes';
import { EventEnricher } from './event-enricher';
import type { EventInput } from './event-input';
import { HistoryService } from './history.service';
import { MergeTarget } from './merge-target';
import { actorFactsOf, LoadedProposal, loadProposal } from './proposal-facts';
import { SideRecords } from './side-records';
import { conflict, eventNotAccepted, NeedsRowLock, notYoursToSend, proposalNotFound, staleProposal } from './workflow-errors';

/** What a caller learns from an applied event. */
export interface AppliedEvent {
  proposalId: string;
  type: EventType;
  from: string;
  state: string;
  version: number;
  effects: Effect[];
}

/** An event from a person (HTTP) or, with `actor: 'system'`, from the job queue (deadlines). */
export type EventSender = AuthUser | 'system';
export type { EventInput };

/** Comments and reasons travel in the history's `comment` column as well as in its payload. */
function commentOf(body: Record<string, unknown>): string | null {
  const c = body.comment ?? body.reason;
  return typeof c === 'string' ? c : null;
}

/**
 * The only code that changes a proposal's state. One event:
 * read the row → may the sender see it (404) → version (409) → policy (403) → database checks and computed
 * fields → the pure machine (409 naming the state and what it takes) → the row with version + 1 → side records
 * → a hash-chained history record → the machine's effects as outbox rows. Any refusal changes nothing.
 *
 * The new rows (side records, history, outbox) are sent as WITH parts of the row's UPDATE (DeferredWrites), and
 * that UPDATE sets `version = proposal_next_version(id, version, <the version read>)`, which fails, and with it
 * the whole statement, if the row moved on in between. So an event whose writes are all new rows needs no
 * transaction: one statement reads the row, its facts and its history head, one statement writes (2 round trips
 * instead of BEGIN, the lock, the facts, the UPDATE and COMMIT). An event that changes existing rows (a reply's
 * decision, a request's, a contact's answer), takes a number or merges, and any event whose optimistic write met
 * a concurrent change, is applied in a transaction that locks the row first (`SELECT … FOR UPDATE`).
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly enricher: EventEnricher,
    private readonly records: SideRecords,
    private readonly history: HistoryService,
    private readonly outbox: OutboxWriter,
    private readonly outboxWake: OutboxWake,
    private readonly mergeTarget: MergeTarget,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async apply(proposalId: string, body: EventInput, sender: EventSender): Promise<AppliedEvent> {
    // Load the working-day calendar before the transaction: inside it, a cache miss would need a second pooled
    // connection, and with one connection (embedded PostgreSQL, DB_POOL_MAX=1) it would wait for itself.
    await this.calendar.calendar();
    try {
      // READ COMMITTED, the connections' default (data-source.ts sets it): naming it here would cost a round trip
      const applied =
        (await this.applyUnlocked(proposalId, body, sender)) ?? (await this.db.transaction((em) => this.applyIn(em, true, proposalId, body, sender)));
      // committed: its effects are outbox rows (one per effect), for the relay
      if (applied.effects.length) this.outboxWake.afterCommit();
      return applied;
    } catch (err) {
      const code = err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
      if (code === '40P01' || code === '40001') throw conflict('Another change to this proposal got in the way; reload it and try again');
      throw err;
    }
  }

  /** The event without the row lock; null when it needs the lock (NeedsRowLock) or the row moved on meanwhile. */
  private async applyUnlocked(proposalId: string, body: EventInput, sender: EventSender): Promise<AppliedEvent | null> {
    try {
      return await this.applyIn(this.db.manager, false, proposalId, body, sender);
    } catch (err) {
      if (err instanceof NeedsRowLock) return null;
      const pg = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
      // proposal_next_version's refusal; the history's (proposal_id, seq) taken by a record appended meanwhile
      if (pg?.code === '40001' || (pg?.code === '23505' && pg.constraint === 'proposal_history_seq_key')) return null;
      throw err;
    }
  }

  /**
   * `locked`: `em` is a transaction and the row is taken FOR UPDATE before anything is read; else `em` is the
   * pool, and the event either ends in one statement that checks the version it was computed from or throws.
   */
  private async applyIn(em: EntityManager, locked: boolean, proposalId: string, body: EventInput, sender: EventSender): Promise<AppliedEvent> {
    const now = this.clock.now();
    const type = body.type;
    const loaded = await loadProposal(em, proposalId, locked ? 'lock' : 'withHead');
    if (!loaded) throw proposalNotFound(proposalId);
    const { row, facts } = loaded;
    const user = sender === 'system' ? null : sender;
    const actorFacts = user ? actorFactsOf(user) : null;
    if (actorFacts && !canSee(facts, actorFacts)) throw proposalNotFound(proposalId);
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
      throw staleProposal(body.expectedVersion, row.version);
    }
    const relations: Relation[] = actorFacts ? relationsOf(facts, actorFacts) : [...SYSTEM_ACTOR.relations];
    if (!mayActorSend(type, relations)) throw notYoursToSend(type, EVENT_POLICY[type]);
    const actor: EventActor = user ? { id: user.id, roles: [...user.roles], relations } : SYSTEM_ACTOR;

    if (type === 'MERGE' && !locked) throw new NeedsRowLock('a merge');
    const target = type === 'MERGE' ? await this.mergeTarget.lock(em, row, body.targetId as string, actorFacts) : null;
    const computed = await this.enricher.enrich({
      em,
      row,
      body,
      actorId: user?.id ?? null,
      relations,
      roles: user?.roles ?? [],
      now,
    });
    const { expectedVersion: _v, ...payload } = body;
    const event = { ...payload, ...computed, type, actor, now: now.toISOString() } as unknown as ProposalEvent;

    const result = applyEvent({ value: row.state, context: row.context }, event);
    if (!result.ok) {
      if (result.reason === 'forbidden') throw notYoursToSend(type, result.allowed);
      throw eventNotAccepted(type, result.state, result.accepts, result.conditionsNotMet, this.hint(type, loaded));
    }

    // the new rows of this event (side records, history, outbox) go with the row's UPDATE, in one statement
    const defer = new DeferredWrites();
    const patch = await this.records.write({
      em,
      defer,
      before: row,
      value: result.value,
      context: result.context,
      event,
      actorId: user?.id ?? null,
      relations,
      actorDepartmentIds: user ? [...new Set([...user.departmentIds, ...user.headOfDepartmentIds])] : [],
      now,
      locked,
    });
    const recorded = { ...payload, ...computed } as Record<string, unknown>;
    delete recorded.type;
    if ('number_label' in patch) recorded.number = patch.number_label;
    const history = this.history.insert(
      {
        proposalId: row.id,
        fromState: row.state,
        toState: result.value,
        event: type,
        actorId: user?.id ?? null,
        payload: recorded,
        comment: commentOf(body),
        at: now,
      },
      loaded.historyHead ?? null,
    );
    defer.add(history.sql, history.params);
    // the UPDATE below makes the row exactly this version, or throws
    const version = row.version + 1;
    const outbox = this.outbox.insert(
      result.effects.map((effect) => ({
        kind: effect.kind,
        payload: { ...effect, proposalId: row.id, version, state: result.value, event: type, actorId: user?.id ?? null, at: now.toISOString() },
      })),
      now,
    );
    if (outbox) defer.add(outbox.sql, outbox.params);
    await this.saveRow(em, defer, row.id, row.version, patch, now);
    if (target) await this.mergeTarget.absorb(em, target, row, user?.id ?? null, now);
    return { proposalId: row.id, type, from: row.state, state: result.value, version, effects: result.effects };
  }

  /**
   * The row's UPDATE with the deferred new rows in the same statement. The version check (conventions, point 6)
   * is `proposal_next_version`, which fails the statement, new rows included, unless the row is still at
   * `version`: under the row lock it cannot fail; without it, a failure sends the event to the locked path.
   */
  private async saveRow(
    em: EntityManager,
    defer: DeferredWrites,
    id: string,
    version: number,
    patch: Record<string, unknown>,
    now: Date,
  ): Promise<number> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const sets = entries.map(([column], i) => `${column} = $${i + 3}`);
    const values = entries.map(([column, v]) => (column === 'context' ? JSON.stringify(v) : v));
    const { rows, rowCount: affected } = await defer.run<{ version: number }>(em, {
      sql: `UPDATE proposals SET ${sets.join(', ')}, version = proposal_next_version(id, version, $2), updated_at = $${entries.length + 3}
        WHERE id = $1 RETURNING version`,
      params: [id, version, ...values, now],
    });
    if (affected !== 1) throw staleProposal(version, version + 1);
    return rows[0].version;
  }

  /** Why the conditions of an event are not met, where the reason is worth telling. */
  private hint(type: EventType, { row }: LoadedProposal): string | undefined {
    const c = row.context;
    switch (type) {
      case 'COSIGN':
        return `co-signing is open until ${c.cosignDeadline} to delegates who are not yet its lead proposer or co-signers`;
      case 'REQUEST_REASSIGNMENT':
        return `reassignment may be requested until ${c.reassignWindowEndsAt ?? 'the window ends'}`;
      case 'REQUEST_EXTENSION':
        return `one request at a time, later than the due date ${c.dueAt}, at most ${c.rules.maxExtensionDays} days in total (${c.extensionDaysUsed} used)`;
      case 'SUBMIT_REPLY':
        return c.rules.requireConfirmedContact ? 'this session needs a contact the proposer confirmed before the reply' : undefined;
      case 'EVALUATE':
        return `evaluations are taken until ${c.evaluationDeadline}`;
      case 'REHANDLE':
        return `re-handling is allowed ${c.rules.maxRehandle} time(s) and was used ${c.rehandleCount}`;
      case 'CONFIRM_CONTACT':
      case 'DISPUTE_CONTACT':
        return 'no logged contact waits for an answer';
      default:
        return undefined;
    }
  }
}
