import type { ActorFacts, CosignerStatus, ProposalFacts } from '@congress/workflow';
import { EntityManager, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { Proposal } from '../proposals/proposal.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}

/** What the policy needs from a signed-in user (the workflow library's ActorFacts). */
export function actorFactsOf(user: AuthUser): ActorFacts {
  return {
    id: user.id,
    roles: user.roles,
    departmentIds: user.departmentIds,
    headOfDepartmentIds: user.headOfDepartmentIds,
    leaderOfDepartmentIds: user.leaderOfDepartmentIds,
    delegationId: user.delegationId,
    headOfDelegationIds: user.headOfDelegationIds,
  };
}

export interface LoadedProposal {
  row: Proposal;
  facts: ProposalFacts;
}

/**
 * Loads a live (not deleted) proposal and the facts the policy reads: its co-signers, the head of its
 * delegation and the leaders in charge of its assigned departments. With `lock`, the row is taken
 * `FOR UPDATE` (the caller must be inside a transaction): every change to a proposal holds that lock, so
 * changes to one proposal happen one after the other.
 */
export async function loadProposal(em: EntityManager, id: string, lock = false): Promise<LoadedProposal | null> {
  if (!isUuid(id)) return null;
  const row = await em.getRepository(Proposal).findOne({
    where: { id, deletedAt: IsNull() },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) return null;
  return { row, facts: await factsOf(em, row) };
}

export async function factsOf(em: EntityManager, row: Proposal): Promise<ProposalFacts> {
  const departments = [row.leadDepartmentId, ...row.coDepartmentIds].filter((d): d is string => !!d);
  // one round trip for the co-signers, the delegation head and the leaders in charge (this runs for every
  // detail and every event)
  const [facts] = (await em.query(
    `SELECT COALESCE((SELECT json_agg(json_build_object('userId', c.user_id, 'status', c.status) ORDER BY c.created_at, c.user_id)
                        FROM proposal_cosigners c WHERE c.proposal_id = $1), '[]'::json) AS cosigners,
            (SELECT g.head_id FROM delegations g WHERE g.id = $2) AS "headId",
            ARRAY(SELECT DISTINCT d.leader_id::text FROM departments d WHERE d.id = ANY($3::uuid[]) AND d.leader_id IS NOT NULL) AS leaders`,
    [row.id, row.delegationId, departments],
  )) as { cosigners: { userId: string; status: CosignerStatus }[]; headId: string | null; leaders: string[] }[];
  const cosigners = facts.cosigners;
  const heads = row.delegationId ? [{ headId: facts.headId }] : [];
  const leaders = facts.leaders.map((leaderId) => ({ leaderId }));
  return {
    id: row.id,
    state: row.state,
    leadProposerId: row.leadProposerId,
    cosigners,
    delegationId: row.delegationId,
    delegationHeadId: heads[0]?.headId ?? null,
    leadDepartmentId: row.leadDepartmentId,
    coDepartmentIds: row.coDepartmentIds,
    leaderIdsInCharge: leaders.map((l) => l.leaderId),
    context: row.context,
  };
}
