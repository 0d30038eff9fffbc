import { canSee } from '@congress/workflow';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { CLOCK, Clock } from '../workflow/clock';
import { actorFactsOf, LoadedProposal, loadProposal } from '../workflow/proposal-facts';
import { conflict, proposalNotFound, staleProposal } from '../workflow/workflow-errors';
import { badRequest } from './dto/validate-body';

/** The checks every draft operation shares, and the reference checks of draft fields. */
@Injectable()
export class DraftGuard {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs `fn` in a transaction holding the proposal's row lock, once the proposal is visible to the user (404),
   * at the version the user saw (409), the user's own (403) and still a draft (409). `verb` words the refusals.
   */
  async inDraft(
    user: AuthUser,
    id: string,
    expectedVersion: number,
    verb: string,
    fn: (em: EntityManager, loaded: LoadedProposal, now: Date) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const loaded = await loadProposal(em, id, 'lock');
      if (!loaded || !canSee(loaded.facts, actorFactsOf(user))) throw proposalNotFound(id);
      const { row } = loaded;
      if (row.version !== expectedVersion) throw staleProposal(expectedVersion, row.version);
      if (row.leadProposerId !== user.id) throw new ForbiddenException(`Only the lead proposer may ${verb} this proposal`);
      if (row.state !== 'draft') {
        throw conflict(`Only a draft can be changed this way; this proposal is ${row.state}`, { state: row.state });
      }
      if (verb === 'delete' && (row.context.submittedAt !== null || row.context.cosignDeadline !== null)) {
        throw conflict('This draft was submitted before and stays on record; it cannot be deleted', { state: row.state });
      }
      await fn(em, loaded, now);
    });
  }

  async checkReferences(em: EntityManager, dto: { suggestedCategoryId?: string | null; suggestedDepartmentIds?: string[] }) {
    if (dto.suggestedCategoryId) {
      const found = (await em.query(`SELECT 1 FROM categories WHERE id = $1 AND active`, [dto.suggestedCategoryId])) as unknown[];
      if (!found.length) throw badRequest([{ field: 'suggestedCategoryId', messages: ['no such category'] }]);
    }
    const depts = [...new Set(dto.suggestedDepartmentIds ?? [])];
    if (depts.length) {
      const rows = (await em.query(`SELECT id FROM departments WHERE id = ANY($1::uuid[]) AND active`, [depts])) as { id: string }[];
      if (rows.length !== depts.length) throw badRequest([{ field: 'suggestedDepartmentIds', messages: ['no such department'] }]);
    }
  }

  /** Invitees must be other active delegates. Returns them without duplicates. */
  async checkCosigners(em: EntityManager, leadId: string, ids: string[], field = 'cosignerIds'): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.includes(leadId)) throw badRequest([{ field, messages: ['the lead proposer cannot co-sign their own proposal'] }]);
    if (!unique.length) return [];
    const rows = (await em.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND 'delegate' = ANY(roles)`,
      [unique],
    )) as { id: string }[];
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.filter((u) => !found.has(u));
    if (missing.length) throw badRequest([{ field, messages: [`not an active delegate: ${missing.join(', ')}`] }]);
    return unique;
  }
}
