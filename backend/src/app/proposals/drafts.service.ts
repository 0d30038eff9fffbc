import { initialState } from '@congress/workflow';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { CLOCK, Clock } from '../workflow/clock';
import { HistoryService } from '../workflow/history.service';
import { LoadedProposal } from '../workflow/proposal-facts';
import { CreateProposalDto, UpdateProposalDto } from './dto/draft.dto';
import { badRequest } from './dto/validate-body';
import { DraftGuard } from './draft-guard';

const EDITABLE = ['title', 'background', 'suggestions', 'suggestedCategoryId', 'suggestedDepartmentIds', 'contactPhone'] as const;
const COLUMN: Record<(typeof EDITABLE)[number], string> = {
  title: 'title',
  background: 'background',
  suggestions: 'suggestions',
  suggestedCategoryId: 'suggested_category_id',
  suggestedDepartmentIds: 'suggested_department_ids',
  contactPhone: 'contact_phone',
};

/**
 * Drafts: create, edit (the lead proposer, while a draft), delete (never submitted) and the co-signer
 * invitations. None of this changes the lifecycle state (that is WorkflowService's alone), but each change
 * bumps the version and leaves a history record, under the proposal's row lock.
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly history: HistoryService,
    private readonly guard: DraftGuard,
  ) {}

  async create(user: AuthUser, dto: CreateProposalDto): Promise<string> {
    const now = this.clock.now();
    if (!user.roles.includes('delegate') && !(dto.collective && user.roles.includes('delegation_head'))) {
      throw new ForbiddenException('Only delegates file proposals');
    }
    let delegationId = user.delegationId;
    if (dto.collective) {
      if (!user.headOfDelegationIds.length) throw new ForbiddenException('Only the head of a delegation files a collective proposal');
      delegationId = user.headOfDelegationIds[0];
    }
    return this.db.transaction(async (em) => {
      const sessions = (await em.query(`SELECT rules, opens_at AS "opensAt", closes_at AS "closesAt" FROM congress_sessions WHERE id = $1`, [
        dto.sessionId,
      ])) as { rules: object; opensAt: Date; closesAt: Date }[];
      const session = sessions[0];
      if (!session) throw badRequest([{ field: 'sessionId', messages: ['no such congress session'] }]);
      if (now < session.opensAt || now > session.closesAt) {
        throw badRequest([
          { field: 'sessionId', messages: [`the session takes proposals from ${session.opensAt.toISOString()} to ${session.closesAt.toISOString()}`] },
        ]);
      }
      await this.guard.checkReferences(em, dto);
      const cosignerIds = await this.guard.checkCosigners(em, user.id, dto.cosignerIds ?? []);
      const { context } = initialState(session.rules);
      const [{ id }] = (await em.query(
        `INSERT INTO proposals (session_id, collective, delegation_id, title, background, suggestions, suggested_category_id,
                                suggested_department_ids, lead_proposer_id, contact_phone, state, context, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, $12) RETURNING id`,
        [dto.sessionId, dto.collective ?? false, delegationId, dto.title.trim(), dto.background ?? '', dto.suggestions ?? '',
          dto.suggestedCategoryId ?? null, dto.suggestedDepartmentIds ?? [], user.id, dto.contactPhone ?? null, JSON.stringify(context), now],
      )) as { id: string }[];
      await this.invite(em, id, cosignerIds, now);
      await this.history.append(em, {
        proposalId: id, fromState: null, toState: 'draft', event: 'CREATE', actorId: user.id,
        payload: { sessionId: dto.sessionId, title: dto.title.trim(), collective: dto.collective ?? false, invited: cosignerIds },
        comment: null, at: now,
      });
      return id;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateProposalDto): Promise<void> {
    await this.guard.inDraft(user, id, dto.expectedVersion, 'edit', async (em, { row }, now) => {
      await this.guard.checkReferences(em, dto);
      const changed = EDITABLE.filter((f) => dto[f] !== undefined);
      const sets = changed.map((f, i) => `${COLUMN[f]} = $${i + 2}`);
      const values = changed.map((f) => (f === 'title' ? (dto.title as string).trim() : dto[f]));
      await em.query(`UPDATE proposals SET ${[...sets, 'version = version + 1', `updated_at = $${changed.length + 2}`].join(', ')} WHERE id = $1`, [
        row.id, ...values, now,
      ]);
      await this.record(em, row.id, 'EDIT', user.id, { fields: changed }, now);
    });
  }

  /** A draft that was never submitted disappears from every list (kept, marked deleted, for its history). */
  async remove(user: AuthUser, id: string, expectedVersion: number): Promise<void> {
    await this.guard.inDraft(user, id, expectedVersion, 'delete', async (em, { row }, now) => {
      await em.query(`UPDATE proposals SET deleted_at = $2, version = version + 1, updated_at = $2 WHERE id = $1`, [row.id, now]);
      await this.record(em, row.id, 'DELETE', user.id, {}, now);
    });
  }

  async inviteCosigners(user: AuthUser, id: string, userIds: string[], expectedVersion: number): Promise<void> {
    await this.guard.inDraft(user, id, expectedVersion, 'invite co-signers to', async (em, { row }, now) => {
      const ids = await this.guard.checkCosigners(em, user.id, userIds, 'userIds');
      await this.invite(em, row.id, ids, now);
      await em.query(`UPDATE proposals SET version = version + 1, updated_at = $2 WHERE id = $1`, [row.id, now]);
      await this.record(em, row.id, 'INVITE_COSIGNERS', user.id, { userIds: ids }, now);
    });
  }

  async removeCosigner(user: AuthUser, id: string, cosignerId: string, expectedVersion: number): Promise<void> {
    await this.guard.inDraft(user, id, expectedVersion, 'remove co-signers from', async (em, loaded: LoadedProposal, now) => {
      if (!loaded.facts.cosigners.some((c) => c.userId === cosignerId)) {
        throw badRequest([{ field: 'userId', messages: ['this person is not a co-signer of the proposal'] }]);
      }
      await em.query(`DELETE FROM proposal_cosigners WHERE proposal_id = $1 AND user_id = $2`, [loaded.row.id, cosignerId]);
      await em.query(`UPDATE proposals SET version = version + 1, updated_at = $2 WHERE id = $1`, [loaded.row.id, now]);
      await this.record(em, loaded.row.id, 'REMOVE_COSIGNER', user.id, { userId: cosignerId }, now);
    });
  }

  private async invite(em: EntityManager, id: string, userIds: string[], now: Date) {
    if (!userIds.length) return;
    await em.query(
      `INSERT INTO proposal_cosigners (proposal_id, user_id, status, source, invited_at, created_at)
       SELECT $1, u, 'invited', 'invited', $3, $3 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (proposal_id, user_id) DO UPDATE SET status = 'invited', invited_at = $3, responded_at = NULL
         WHERE proposal_cosigners.status = 'declined'`,
      [id, userIds, now],
    );
  }

  private record(em: EntityManager, id: string, event: string, actorId: string, payload: Record<string, unknown>, at: Date) {
    return this.history.append(em, { proposalId: id, fromState: 'draft', toState: 'draft', event, actorId, payload, comment: null, at });
  }
}
