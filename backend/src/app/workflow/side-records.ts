import type { ProposalContext, ProposalEvent, Relation } from '@congress/workflow';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Proposal } from '../proposals/proposal.entity';
import type { DeferredWrites } from './deferred-writes';
import { numberLabel, NumberingService } from './numbering.service';
import { NeedsRowLock } from './workflow-errors';

/**
 * An event's comment or progress update: $1 proposal, $2 author, $3 kind, $4 internal, $5 content, $6 at. Also
 * sent by the benchmark's baseline (scripts/bench/baseline.mjs).
 */
export const INSERT_COMMENT_SQL = `INSERT INTO proposal_comments (proposal_id, author_id, kind, internal, content, created_at)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/** What an accepted event leaves behind besides the new state: columns to set and rows written. */
export interface SideRecordInput {
  em: EntityManager;
  before: Proposal;
  value: string;
  context: ProposalContext;
  event: ProposalEvent;
  actorId: string | null;
  relations: readonly Relation[];
  /** Departments the actor works for (handler or head), to name the department of a contact or an input. */
  actorDepartmentIds: readonly string[];
  now: Date;
  /** Where the new rows go: they are inserted with the proposal's UPDATE, in one statement (WorkflowService). */
  defer: DeferredWrites;
  /**
   * Whether the transaction holds the proposal's row lock. Without it, only new rows may be written (deferred);
   * a change of an existing row or a number throws NeedsRowLock, and WorkflowService applies the event again
   * under the lock.
   */
  locked: boolean;
}

const TERMINAL = ['closed', 'rejected', 'merged', 'withdrawn'];
const BEFORE_REVIEW = ['draft', 'cosigning'];

/**
 * The side records each event implies (replies, contacts, evaluations, contributions, comments, requests,
 * co-signatures, numbers) and the proposal columns that mirror the machine's context. Runs inside the
 * workflow's event, after the machine accepted it; returns the column patch for the row. New rows are deferred
 * (`defer`) to go with the row's UPDATE; changes of existing rows are made at once, under the row lock only.
 */
@Injectable()
export class SideRecords {
  constructor(private readonly numbering: NumberingService) {}

  async write(i: SideRecordInput): Promise<Record<string, unknown>> {
    const patch = this.mirror(i);
    Object.assign(patch, await this.forEvent(i));
    await this.lapseRequests(i);
    return patch;
  }

  /**
   * The machine forgets pending requests when a handling period ends (the reply goes out, REASSIGN, REHANDLE
   * starts afresh); their rows say so too, instead of staying pending for ever.
   */
  private async lapseRequests(i: SideRecordInput) {
    const { before, value, event, context, now } = i;
    const ended = before.state.startsWith('handling.') && (!value.startsWith('handling.') || event.type === 'REASSIGN');
    if (!ended) return;
    const stillPending = [context.pendingExtension && 'extension', context.pendingReassignment && 'reassignment'].filter(Boolean);
    await this.change(
      i,
      `UPDATE proposal_requests SET status = 'lapsed', decided_at = $3
        WHERE proposal_id = $1 AND status = 'pending' AND NOT (kind = ANY($2::text[]))`,
      [before.id, stillPending, now],
    );
  }

  /** Columns that follow the state and the context, whatever the event. */
  private mirror({ before, value, context, now }: SideRecordInput): Record<string, unknown> {
    const patch: Record<string, unknown> = {
      state: value,
      context,
      kind: context.kind,
      due_at: context.dueAt,
      submitted_at: context.submittedAt,
      assigned_at: context.assignedAt,
      is_key: context.key,
      excellent: context.excellent,
      published: context.published,
      evaluation: context.evaluation,
      grade: context.grade,
      rehandle_count: context.rehandleCount,
      fulfilled: context.fulfilled,
    };
    const top = value.split('.')[0];
    if (TERMINAL.includes(top) && !TERMINAL.includes(before.state)) patch.closed_at = now;
    if (BEFORE_REVIEW.includes(before.state) && !BEFORE_REVIEW.includes(top)) patch.cosigners_frozen_at = now;
    if (top === 'draft') patch.cosigners_frozen_at = null;
    return patch;
  }

  private async forEvent(i: SideRecordInput): Promise<Record<string, unknown>> {
    const { before, event: e, actorId, now } = i;
    const id = before.id;
    const round = before.context.rehandleCount + 1;
    switch (e.type) {
      case 'COSIGN':
        i.defer.add(
          `INSERT INTO proposal_cosigners (proposal_id, user_id, status, source, responded_at, created_at)
           VALUES ($1, $2, 'confirmed', 'open', $3, $3)
           ON CONFLICT (proposal_id, user_id) DO UPDATE SET status = 'confirmed', responded_at = $3`,
          [id, actorId, now],
        );
        return {};
      case 'DECLINE_COSIGN':
        await this.change(
          i,
          `UPDATE proposal_cosigners SET status = 'declined', responded_at = $3 WHERE proposal_id = $1 AND user_id = $2`,
          [id, actorId, now],
        );
        return {};
      case 'ACCEPT':
        return { ...(await this.number(i, 'P')), accepted_at: now };
      case 'CONVERT':
        return before.number === null ? await this.number(i, 'J') : {};
      case 'MERGE':
        return { merged_into_id: e.targetId };
      case 'CLASSIFY':
        return { category_id: e.categoryId };
      case 'ASSIGN':
      case 'REASSIGN':
        if (e.type === 'REASSIGN') await this.decide(i, 'reassignment', 'approved');
        return { lead_department_id: e.leadDepartmentId, co_department_ids: e.coDepartmentIds ?? [] };
      case 'REQUEST_REASSIGNMENT':
      case 'REQUEST_EXTENSION':
        i.defer.add(
          `INSERT INTO proposal_requests (proposal_id, kind, department_id, requested_by, reason, requested_due_at, extension_days, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            id,
            e.type === 'REQUEST_EXTENSION' ? 'extension' : 'reassignment',
            before.leadDepartmentId,
            actorId,
            e.reason,
            e.type === 'REQUEST_EXTENSION' ? e.dueAt : null,
            e.type === 'REQUEST_EXTENSION' ? e.extensionDays : null,
            now,
          ],
        );
        return {};
      case 'DENY_REASSIGNMENT':
        await this.decide(i, 'reassignment', 'denied');
        return {};
      case 'APPROVE_EXTENSION':
      case 'DENY_EXTENSION':
        await this.decide(i, 'extension', e.type === 'APPROVE_EXTENSION' ? 'approved' : 'denied');
        return {};
      case 'CONTRIBUTE':
        i.defer.add(
          `INSERT INTO proposal_contributions (proposal_id, round, department_id, author_id, content, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, round, this.actorDepartment(i, false), actorId, e.content, now],
        );
        return {};
      case 'LOG_CONTACT':
        i.defer.add(
          `INSERT INTO proposal_contacts (proposal_id, department_id, logged_by, method, content, contacted_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, this.actorDepartment(i, true), actorId, e.method, e.content, e.contactedAt, now],
        );
        return {};
      case 'CONFIRM_CONTACT':
      case 'DISPUTE_CONTACT':
        await this.change(
          i,
          `UPDATE proposal_contacts SET status = $3, proposer_comment = $4, answered_at = $5 WHERE id = $1 AND proposal_id = $2`,
          [e.contactId, id, e.type === 'CONFIRM_CONTACT' ? 'confirmed' : 'disputed', e.type === 'DISPUTE_CONTACT' ? (e.comment ?? null) : null, now],
        );
        return {};
      case 'SUBMIT_REPLY':
        i.defer.add(
          `INSERT INTO proposal_replies (proposal_id, round, department_id, author_id, grade, content, planned_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, round, before.leadDepartmentId, actorId, e.grade, e.content, e.grade === 'B' ? e.plannedAt : null, now],
        );
        return {};
      case 'APPROVE_REPLY': {
        const out = ['replied', 'closed'].includes(i.value);
        if (!out) return {};
        await this.decideReply(i, 'approved', e.comment ?? null);
        return { replied_at: now };
      }
      case 'SEND_BACK':
        await this.decideReply(i, 'sentBack', e.comment);
        return {};
      case 'EVALUATE':
        i.defer.add(
          `INSERT INTO proposal_evaluations (proposal_id, round, evaluator_id, role, satisfaction, comment, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, round, actorId, i.relations.includes('leadProposer') ? 'lead' : 'cosigner', e.satisfaction, e.comment ?? null, now],
        );
        return {};
      case 'PUBLISH':
        return { published_at: now };
      case 'UNPUBLISH':
        return { published_at: null };
      case 'FULFIL':
        return { fulfilled_at: now };
      case 'COMMENT':
      case 'PROGRESS_UPDATE':
        i.defer.add(INSERT_COMMENT_SQL, [
          id,
          actorId,
          e.type === 'COMMENT' ? 'comment' : 'progress',
          e.type === 'COMMENT' && e.internal === true,
          e.content,
          now,
        ]);
        return {};
      default:
        return {};
    }
  }

  /** A change of an existing row, made at once; only under the row lock (else NeedsRowLock). */
  private async change(i: SideRecordInput, sql: string, params: unknown[]): Promise<void> {
    if (!i.locked) throw new NeedsRowLock('changing a row of its records');
    await i.em.query(sql, params);
  }

  private async number(i: SideRecordInput, series: 'P' | 'J') {
    if (!i.locked) throw new NeedsRowLock('a number');
    const n = await this.numbering.next(i.em, i.before.sessionId, series);
    const [{ year }] = (await i.em.query(`SELECT year FROM congress_sessions WHERE id = $1`, [i.before.sessionId])) as { year: number }[];
    return { series, number: n, number_label: numberLabel(year, series, n) };
  }

  /** The department the actor acts for: the lead one if theirs (and allowed), else their first co-handling one. */
  private actorDepartment(i: SideRecordInput, leadFirst: boolean): string {
    const mine = (d: string | null) => d !== null && i.actorDepartmentIds.includes(d);
    if (leadFirst && mine(i.before.leadDepartmentId)) return i.before.leadDepartmentId as string;
    const co = i.before.coDepartmentIds.find((d) => mine(d));
    return co ?? (i.before.leadDepartmentId as string);
  }

  private async decide(i: SideRecordInput, kind: 'extension' | 'reassignment', status: 'approved' | 'denied') {
    const comment = 'comment' in i.event ? ((i.event as { comment?: string }).comment ?? null) : null;
    await this.change(
      i,
      `UPDATE proposal_requests SET status = $3, decided_by = $4, decided_at = $5, decision_comment = $6
        WHERE proposal_id = $1 AND kind = $2 AND status = 'pending'`,
      [i.before.id, kind, status, i.actorId, i.now, comment],
    );
  }

  private async decideReply(i: SideRecordInput, status: 'approved' | 'sentBack', comment: string | null) {
    await this.change(
      i,
      `UPDATE proposal_replies SET status = $2, decided_by = $3, decided_at = $4, decision_comment = $5
        WHERE id = (SELECT id FROM proposal_replies WHERE proposal_id = $1 AND status = 'pending' ORDER BY created_at DESC LIMIT 1)`,
      [i.before.id, status, i.actorId, i.now, comment],
    );
  }
}
