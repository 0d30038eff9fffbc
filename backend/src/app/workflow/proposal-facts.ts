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
  // one after the other: inside a transaction they share one connection
  const cosigners = (await em.query(
    `SELECT user_id AS "userId", status FROM proposal_cosigners WHERE proposal_id = $1 ORDER BY created_at, user_id`,
    [row.id],
  )) as { userId: string; status: CosignerStatus }[];
  const heads = row.delegationId
    ? ((await em.query(`SELECT head_id AS "headId" FROM delegations WHERE id = $1`, [row.delegationId])) as {
        headId: string | null;
      }[])
    : [];
  const leaders = departments.length
    ? ((await em.query(
        `SELECT DISTINCT leader_id AS "leaderId" FROM departments WHERE id = ANY($1::uuid[]) AND leader_id IS NOT NULL`,
        [departments],
      )) as { leaderId: string }[])
    : [];
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
