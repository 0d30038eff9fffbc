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
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { queryPrepared } from '../../database/prepared';
import type { AuthUser } from '../auth/auth-user.service';
import { WorkingCalendarService } from '../organisation/working-calendar.service';
import { OutboxWake } from '../outbox/outbox-wake';
import { OutboxEntry, OutboxWriter } from '../outbox/outbox.writer';
import { CLOCK, Clock } from './clock';
import { DeferredWrites, Statement } from './deferred-writes';
import { EventEnricher } from './event-enricher';
import type { EventInput } from './event-input';
import { HistoryService, NewHistoryRecord } from './history.service';
import { MergeTarget } from './merge-target';
import { actorFactsOf, LoadedProposal, loadProposal, LockedProposal, lockProposals } from './proposal-facts';
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

/** A system event (a deadline) for applySystemEvents; `admit` says why it no longer applies, or null. */
export interface SystemEventItem {
  proposalId: string;
  type: EventType;
  admit?: (locked: LockedProposal) => string | null;
}

/** What became of a SystemEventItem: applied, or why not (the proposal is gone, not admitted, not taken). */
export type SystemEventOutcome = { proposalId: string; applied: AppliedEvent } | { proposalId: string; refused: string };

/** An event computed, not written yet (WorkflowService#prepare): what its statement writes. */
interface PreparedEvent {
  applied: AppliedEvent;
  /** The side records' new rows. */
  writes: DeferredWrites;
  history: NewHistoryRecord;
  /** The proposal's last history record, read under its lock or with the row (null: none yet). */
  head: { seq: number; hash: string } | null;
  outbox: OutboxEntry[];
  /** The row's columns to set, and the version they were computed from. */
  patch: Record<string, unknown>;
  readVersion: number;
  /** A merge's target, locked; absorbed after the UPDATE. */
  target: LoadedProposal | null;
  actorId: string | null;
}

/**
 * The row's UPDATE: the patch's columns, `updated_at`, and the version, which `proposal_next_version` (conventions,
 * point 6) makes `version + 1` or fails the statement, new rows included, unless the row is still at `version`:
 * under the row lock it cannot fail; without it, a failure sends the event to the locked path.
 */
function updateStatement(id: string, version: number, patch: Record<string, unknown>, now: Date): Statement {
  const entries = columnsOf(patch).map((column) => [column, patch[column]] as const);
  const sets = entries.map(([column], i) => `${column} = $${i + 3}`);
  const values = entries.map(([column, v]) => (column === 'context' ? JSON.stringify(v) : v));
  return {
    sql: `UPDATE proposals SET ${sets.join(', ')}, version = proposal_next_version(id, version, $2), updated_at = $${entries.length + 3}
        WHERE id = $1 RETURNING version`,
    params: [id, version, ...values, now],
  };
}

/**
 * The UPDATE of many rows that set the same `columns` (a batch's events of one kind), from one JSON parameter:
 * each element the row's `id`, the `version` its change was computed from and the columns' new values, turned
 * into the columns' types by `jsonb_populate_recordset` over the table's row type. The same version check as
 * updateStatement, row by row.
 */
function updateManyStatement(columns: readonly string[], rows: readonly Record<string, unknown>[], now: Date): Statement {
  const sets = columns.map((column) => `${column} = r.${column}`);
  return {
    sql: `UPDATE proposals p SET ${[...sets, 'version = proposal_next_version(p.id, p.version, r.version)', 'updated_at = $2'].join(', ')}
        FROM jsonb_populate_recordset(NULL::proposals, $1::jsonb) AS r WHERE p.id = r.id RETURNING p.version`,
    params: [JSON.stringify(rows), now],
  };
}

/** The patch's columns that are set (an undefined value leaves a column alone). */
const columnsOf = (patch: Record<string, unknown>) => Object.keys(patch).filter((column) => patch[column] !== undefined);

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
    const loaded = await loadProposal(em, proposalId, locked ? 'lock' : 'withHead');
    if (!loaded) throw proposalNotFound(proposalId);
    const prepared = await this.prepare(em, locked, loaded, body, sender, now);
    const { writes } = prepared;
    const history = this.history.insert(prepared.history, prepared.head);
    writes.add(history.sql, history.params);
    const outbox = this.outbox.insert(prepared.outbox, now);
    if (outbox) writes.add(outbox.sql, outbox.params);
    // the UPDATE makes the row exactly this version, or throws
    const { rowCount } = await writes.run(em, updateStatement(loaded.row.id, prepared.readVersion, prepared.patch, now));
    if (rowCount !== 1) throw staleProposal(loaded.row.version, loaded.row.version + 1);
    if (prepared.target) await this.mergeTarget.absorb(em, prepared.target, loaded.row, prepared.actorId, now);
    return prepared.applied;
  }

  /**
   * System events (the queue's deadlines) for many proposals in the caller's transaction `em`, each as `apply`
   * would send it alone with `'system'`, but together: the rows locked by one statement (lockProposals),
   * each event computed from its row as alone, and all their new rows and UPDATEs sent as one statement. A burst of
   * deadlines due at one instant (every evaluation deadline of a day is its 23:59:59.999) costs a few statements
   * per batch instead of a dozen per proposal (docs/reminders.md).
   *
   * `admit` (optional) may turn an item away once its row is locked, saying why (its reason is gone). A refusal of
   * one item (not found, or the state does not take the event: what `apply` answers with 404 or 409) leaves the
   * others; any other error, the database's included, is thrown and the caller's transaction rolls back whole. At
   * most one item per proposal; the outcomes are in the items' order. The caller calls `committed` after its
   * commit, to wake the relay.
   */
  async applySystemEvents(em: EntityManager, items: readonly SystemEventItem[]): Promise<SystemEventOutcome[]> {
    if (new Set(items.map((i) => i.proposalId)).size !== items.length) throw new Error('one system event per proposal in a batch');
    const now = this.clock.now();
    const loaded = await lockProposals(
      em,
      items.map((i) => i.proposalId),
    );
    const writes = new DeferredWrites();
    const histories: { record: NewHistoryRecord; head: { seq: number; hash: string } | null }[] = [];
    const effects: OutboxEntry[] = [];
    // the rows' UPDATEs, one per set of columns (events of one kind set the same)
    const byColumns = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
    const sessions = new Set<string>();
    const outcomes: SystemEventOutcome[] = [];
    for (const item of items) {
      const found = loaded.get(item.proposalId);
      const turnedAway = found ? (item.admit?.(found) ?? null) : 'the proposal is gone';
      if (!found || turnedAway !== null) {
        outcomes.push({ proposalId: item.proposalId, refused: turnedAway ?? 'the proposal is gone' });
        continue;
      }
      try {
        const prepared = await this.prepare(em, true, found, { type: item.type }, 'system', now);
        writes.absorb(prepared.writes);
        histories.push({ record: prepared.history, head: prepared.head });
        effects.push(...prepared.outbox);
        const columns = columnsOf(prepared.patch).sort();
        let group = byColumns.get(columns.join());
        if (!group) byColumns.set(columns.join(), (group = { columns, rows: [] }));
        group.rows.push({ ...prepared.patch, id: item.proposalId, version: prepared.readVersion });
        sessions.add(found.row.sessionId);
        outcomes.push({ proposalId: item.proposalId, applied: prepared.applied });
      } catch (err) {
        if (!(err instanceof ConflictException) && !(err instanceof NotFoundException)) throw err;
        const message = (err.getResponse() as { message?: string }).message ?? err.message;
        outcomes.push({ proposalId: item.proposalId, refused: `${item.type} not taken: ${message}` });
      }
    }
    if (byColumns.size) {
      const history = this.history.insertMany(histories);
      if (history) writes.add(history.sql, history.params);
      const outbox = this.outbox.insert(effects, now);
      if (outbox) writes.add(outbox.sql, outbox.params);
      const updates = [...byColumns.values()].map(({ columns, rows }) => {
        const update = updateManyStatement(columns, rows, now);
        return writes.add(update.sql, update.params);
      });
      const applied = histories.length;
      const { rows } = await writes.run<{ n: number }>(
        em,
        { sql: `SELECT count(*)::int AS n FROM (${updates.map((u) => `SELECT 1 FROM ${u}`).join(' UNION ALL ')}) updated`, params: [] },
        true,
      );
      // under the row locks no UPDATE can miss; if one did, nothing of the batch may stay
      if (rows[0].n !== applied) throw new Error(`a batch of system events updated ${rows[0].n} of ${applied} proposals`);
      // the commit moves the figure stamp of each session whose proposals changed (deferred triggers, migration
      // 1765400000000) in the order of the rows; two batches over the same sessions in different orders would
      // deadlock there (a single event touches one session), so the stamps are taken now, in one order, and held
      // for the rest of the transaction only (the caller's few statements and the commit)
      await queryPrepared(em, `SELECT session_id FROM figure_stamps WHERE session_id = ANY($1::uuid[]) ORDER BY session_id FOR UPDATE`, [
        [...sessions],
      ]);
    }
    return outcomes;
  }

  /** Before a transaction that applies events (applySystemEvents): what they read that is cached outside it. */
  async warmUp(): Promise<void> {
    // inside the transaction, a cache miss would need a second pooled connection (see `apply`)
    await this.calendar.calendar();
  }

  /** After the commit of a transaction that applied events (applySystemEvents): their effects are outbox rows. */
  committed(outcomes: readonly SystemEventOutcome[]): void {
    if (outcomes.some((o) => 'applied' in o && o.applied.effects.length)) this.outboxWake.afterCommit();
  }

  /**
   * One event computed for a loaded proposal (`locked`: under its row lock, in a transaction): the checks, the
   * machine, the side records, the history record and the outbox rows, up to the statement that writes them.
   * Throws what `apply` answers (404, 409, 403) before anything is written; changes of existing side rows (under
   * the lock only) are made at once on `em`; the side records' new rows are left in `writes`, and the history
   * record, the outbox rows and the row's patch are returned for the caller's statement (one event's, or a batch's).
   */
  private async prepare(
    em: EntityManager,
    locked: boolean,
    loaded: LoadedProposal | LockedProposal,
    body: EventInput,
    sender: EventSender,
    now: Date,
  ): Promise<PreparedEvent> {
    const type = body.type;
    const { row } = loaded;
    const proposalId = row.id;
    const user = sender === 'system' ? null : sender;
    const actorFacts = user ? actorFactsOf(user) : null;
    // the system's relations are fixed; a person's come from the proposal's facts
    const facts = 'facts' in loaded ? loaded.facts : null;
    if (actorFacts && !facts) throw new Error(`an event of a person needs the facts of proposal ${proposalId}`);
    if (actorFacts && facts && !canSee(facts, actorFacts)) throw proposalNotFound(proposalId);
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
      throw staleProposal(body.expectedVersion, row.version);
    }
    const relations: Relation[] = actorFacts && facts ? relationsOf(facts, actorFacts) : [...SYSTEM_ACTOR.relations];
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
    const writes = new DeferredWrites();
    const patch = await this.records.write({
      em,
      defer: writes,
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
    const version = row.version + 1;
    return {
      applied: { proposalId: row.id, type, from: row.state, state: result.value, version, effects: result.effects },
      writes,
      history: {
        proposalId: row.id,
        fromState: row.state,
        toState: result.value,
        event: type,
        actorId: user?.id ?? null,
        payload: recorded,
        comment: commentOf(body),
        at: now,
      },
      head: loaded.historyHead ?? null,
      outbox: result.effects.map((effect) => ({
        kind: effect.kind,
        payload: { ...effect, proposalId: row.id, version, state: result.value, event: type, actorId: user?.id ?? null, at: now.toISOString() },
      })),
      patch,
      readVersion: row.version,
      target,
      actorId: user?.id ?? null,
    };
  }

  /** Why the conditions of an event are not met, where the reason is worth telling. */
  private hint(type: EventType, { row }: LockedProposal): string | undefined {
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
