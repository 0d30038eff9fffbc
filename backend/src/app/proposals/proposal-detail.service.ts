import type { ProposalDetail, ProposalHistoryEntry, UserRef } from '@congress/api-types';
import { availableEvents, canSee, relationsOf, type Relation } from '@congress/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { CLOCK, Clock } from '../workflow/clock';
import { HistoryService } from '../workflow/history.service';
import { actorFactsOf, LoadedProposal, loadProposal } from '../workflow/proposal-facts';
import { proposalNotFound } from '../workflow/workflow-errors';
import { loadDetail } from './proposal-records.query';
import { toSummary } from './proposal-list.service';

/** Who may read the contact phone: the proposer, the committee and the assigned departments (domain.md). */
const SEES_PHONE: Relation[] = ['leadProposer', 'committee', 'leadDeptHandler', 'leadDeptHead', 'coDeptHandler', 'coDeptHead'];

/** `GET /api/proposals/:id` and `/history`: 404 for whoever may not see the proposal. */
@Injectable()
export class ProposalDetailService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly history: HistoryService,
  ) {}

  /** The proposal if the user may see it, else 404 (never 403: its existence is not the caller's business). */
  async visible(user: AuthUser, id: string): Promise<LoadedProposal> {
    const loaded = await loadProposal(this.db.manager, id);
    if (!loaded || !canSee(loaded.facts, actorFactsOf(user))) throw proposalNotFound(id);
    return loaded;
  }

  async detail(user: AuthUser, id: string): Promise<ProposalDetail> {
    const now = this.clock.now();
    const actor = actorFactsOf(user);
    // the row, its facts and its records in one statement; the records of a proposal the user may not see are
    // read for nothing, and not shown
    const loaded = await loadDetail(this.db.manager, id, user.roles.includes('committee'));
    if (!loaded || !canSee(loaded.facts, actor)) throw proposalNotFound(id);
    const { row, facts, records, leadProposer } = loaded;
    const relations = relationsOf(facts, actor);
    // the summary from the row already loaded (the list's SUMMARY_COLUMNS, field for field)
    const summary: Parameters<typeof toSummary>[0] = {
      id: row.id,
      sessionId: row.sessionId,
      kind: row.kind,
      collective: row.collective,
      title: row.title,
      state: row.state,
      version: row.version,
      number: row.numberLabel,
      categoryId: row.categoryId,
      leadDepartmentId: row.leadDepartmentId,
      coDepartmentIds: row.coDepartmentIds,
      dueAt: row.dueAt,
      isKey: row.isKey,
      excellent: row.excellent,
      published: row.published,
      submittedAt: row.submittedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      leadProposer,
    };
    const c = row.context;
    const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;
    return {
      ...toSummary(summary, now),
      background: row.background,
      suggestions: row.suggestions,
      suggestedCategoryId: row.suggestedCategoryId,
      suggestedDepartmentIds: row.suggestedDepartmentIds,
      contactPhone: relations.some((r) => SEES_PHONE.includes(r)) ? row.contactPhone : null,
      delegationId: row.delegationId,
      mergedIntoId: row.mergedIntoId,
      evaluation: row.evaluation,
      acceptedAt: isoOrNull(row.acceptedAt),
      assignedAt: isoOrNull(row.assignedAt),
      repliedAt: isoOrNull(row.repliedAt),
      closedAt: isoOrNull(row.closedAt),
      fulfilledAt: isoOrNull(row.fulfilledAt),
      cosignDeadline: c.cosignDeadline,
      evaluationDeadline: c.evaluationDeadline,
      reassignWindowEndsAt: c.reassignWindowEndsAt,
      rehandleCount: c.rehandleCount,
      availableEvents: availableEvents(facts, actor, now),
      ...records,
    };
  }

  /** The history, oldest first; internal comments only for the committee. */
  async historyOf(user: AuthUser, id: string): Promise<ProposalHistoryEntry[]> {
    await this.visible(user, id);
    const committee = user.roles.includes('committee');
    const rows = await this.history.list(id);
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((a): a is string => !!a))];
    const users = actorIds.length
      ? ((await this.db.query(`SELECT id, username, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`, [
          actorIds,
        ])) as UserRef[])
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows
      .filter((r) => committee || !(r.event === 'COMMENT' && r.payload.internal === true))
      .map((r) => ({
        seq: r.seq,
        from: r.fromState,
        to: r.toState,
        event: r.event,
        actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
        payload: r.payload,
        comment: r.comment,
        at: new Date(r.at).toISOString(),
        hash: r.hash,
      }));
  }
}
