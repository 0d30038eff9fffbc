import { canSee, type ActorFacts } from '@congress/workflow';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Proposal } from '../proposals/proposal.entity';
import { badRequest } from '../proposals/dto/validate-body';
import { HistoryService } from './history.service';
import { LoadedProposal, loadProposal } from './proposal-facts';

/** States a proposal can take another one in (并案): it is before the committee or being handled. */
const TAKES_MERGES = /^(submitted|accepted|classified|handling(\..+)?)$/;

/**
 * MERGE (并案): the merged proposal ends in `merged`, linked to its target, and its proposers (lead and confirmed
 * co-signers) join the target as co-signers. The target's row is locked after the source's; two opposite
 * merges at once deadlock, which PostgreSQL detects and WorkflowService answers with 409.
 */
@Injectable()
export class MergeTarget {
  constructor(private readonly history: HistoryService) {}

  async lock(em: EntityManager, source: Proposal, targetId: string, actor: ActorFacts | null): Promise<LoadedProposal> {
    const invalid = (message: string) => badRequest([{ field: 'targetId', messages: [message] }]);
    if (targetId === source.id) throw invalid('a proposal cannot be merged into itself');
    const target = await loadProposal(em, targetId, 'lock');
    if (!target || (actor && !canSee(target.facts, actor))) throw invalid(`no proposal ${targetId}`);
    if (!TAKES_MERGES.test(target.row.state)) {
      throw invalid(`the target is ${target.row.state}; only a proposal under review or in handling takes a merge`);
    }
    if (target.row.mergedIntoId) throw invalid('the target was itself merged');
    return target;
  }

  async absorb(em: EntityManager, target: LoadedProposal, source: Proposal, actorId: string | null, now: Date): Promise<void> {
    const confirmed = (await em.query(
      `SELECT user_id AS "userId" FROM proposal_cosigners WHERE proposal_id = $1 AND status = 'confirmed'`,
      [source.id],
    )) as { userId: string }[];
    const joining = [...new Set([source.leadProposerId, ...confirmed.map((c) => c.userId)])].filter(
      (u) => u !== target.row.leadProposerId,
    );
    if (joining.length) {
      await em.query(
        `INSERT INTO proposal_cosigners (proposal_id, user_id, status, source, responded_at, created_at)
         SELECT $1, u, 'confirmed', 'merge', $3, $3 FROM unnest($2::uuid[]) AS u
         ON CONFLICT (proposal_id, user_id) DO UPDATE SET status = 'confirmed', responded_at = $3`,
        [target.row.id, joining, now],
      );
    }
    await em.query(`UPDATE proposals SET version = version + 1, updated_at = $2 WHERE id = $1`, [target.row.id, now]);
    await this.history.append(em, {
      proposalId: target.row.id,
      fromState: target.row.state,
      toState: target.row.state,
      event: 'MERGED_IN',
      actorId,
      payload: { sourceId: source.id, sourceNumber: source.numberLabel, joinedCosignerIds: joining },
      comment: null,
      at: now,
    });
  }
}
