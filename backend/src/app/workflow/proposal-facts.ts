import type { ActorFacts, CosignerStatus, ProposalFacts } from '@congress/workflow';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { queryPrepared } from '../../database/prepared';
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
  /**
   * The last history record (seq and hash), read with the row's version (after the row lock was taken, with
   * `lock`; in the same statement, with `withHead`), for the record appended next (HistoryService.insert
   * or append; null: no record yet).
   */
  historyHead?: { seq: number; hash: string } | null;
}

/** The facts beside the row: co-signers, the delegation's head, the leaders in charge of its departments. */
const FACT_COLUMNS = `
  COALESCE((SELECT json_agg(json_build_object('userId', c.user_id, 'status', c.status) ORDER BY c.created_at, c.user_id)
              FROM proposal_cosigners c WHERE c.proposal_id = p.id), '[]'::json) AS "f_cosigners",
  (SELECT g.head_id FROM delegations g WHERE g.id = p.delegation_id) AS "f_headId",
  ARRAY(SELECT DISTINCT d.leader_id::text FROM departments d
         WHERE d.id = ANY(array_prepend(p.lead_department_id, p.co_department_ids)) AND d.leader_id IS NOT NULL) AS "f_leaders"`;

/** A live proposal's row and its facts in one statement ($1: the id), with `more` columns over `p` if given. */
export function proposalWithFactsSql(more?: string): string {
  return `SELECT p.*, ${FACT_COLUMNS}${more ? `, ${more}` : ''} FROM proposals p WHERE p.id = $1 AND p.deleted_at IS NULL`;
}

const PROPOSAL_WITH_FACTS_SQL = proposalWithFactsSql();

/** The proposal's last history record, for the record an event appends next. */
const HEAD_COLUMN = `(SELECT json_build_object('seq', h.seq, 'hash', h.hash) FROM proposal_history h
    WHERE h.proposal_id = p.id ORDER BY h.seq DESC LIMIT 1) AS "historyHead"`;

interface FactColumns {
  f_cosigners: { userId: string; status: CosignerStatus }[];
  f_headId: string | null;
  f_leaders: string[];
}

type Head = Pick<LoadedProposal, 'historyHead'>;

/**
 * The row, its facts and its history head in one statement, for an event computed without the lock. Also run by
 * the benchmark's baseline (scripts/bench/baseline.mjs).
 */
export const PROPOSAL_WITH_FACTS_AND_HEAD_SQL = proposalWithFactsSql(HEAD_COLUMN);

/**
 * Loads a live (not deleted) proposal and the facts the policy reads: its co-signers, the head of its
 * delegation and the leaders in charge of its assigned departments.
 * - `read`: one statement, the row and its facts together (every detail and read runs this).
 * - `withHead`: the same statement with the history's head: what an event is computed from when it is written
 *   without the lock, by a statement that fails unless the row is still at this version (`proposal_next_version`,
 *   WorkflowService). One snapshot, so the head belongs to this version.
 * - `lock` (the caller must be inside a transaction): the row is taken `FOR UPDATE` first; every locked change to
 *   a proposal holds that lock, so they happen one after the other. The facts and the history's head are read by a
 *   second statement, whose snapshot is taken after the lock and so sees what the previous holder committed (a
 *   subquery of the locking statement would not: it keeps the snapshot of before the wait).
 */
export async function loadProposal(em: EntityManager, id: string, mode: 'read' | 'withHead' | 'lock' = 'read'): Promise<LoadedProposal | null> {
  if (!isUuid(id)) return null;
  if (mode !== 'lock') {
    const loaded = await loadProposalBy<Head>(em, mode === 'withHead' ? PROPOSAL_WITH_FACTS_AND_HEAD_SQL : PROPOSAL_WITH_FACTS_SQL, [id]);
    return loaded && { row: loaded.row, facts: loaded.facts, historyHead: loaded.more.historyHead };
  }
  const [raw] = (await queryPrepared(em, `SELECT * FROM proposals WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [id])).rows;
  if (!raw) return null;
  const row = hydrate(em, raw);
  const [after] = (await queryPrepared<FactColumns & Head>(em, `SELECT ${FACT_COLUMNS}, ${HEAD_COLUMN} FROM proposals p WHERE p.id = $1`, [id])).rows;
  return { row, facts: toFacts(row, after), historyHead: after.historyHead };
}

/** A proposal's row locked, and its history head, without the facts (what a system event reads). */
export type LockedProposal = Pick<LoadedProposal, 'row' | 'historyHead'>;

/**
 * Many proposals locked at once, in the caller's transaction, for system events (whose actor's relations are
 * fixed, so the facts the policy reads for a person are not read): the live rows among `ids` taken `FOR UPDATE`
 * in id order (two such batches lock in the same order, so they wait for each other instead of deadlocking), then
 * their history heads by a second statement, whose snapshot sees what earlier lock holders committed. Deleted or
 * missing proposals are absent from the map.
 */
export async function lockProposals(em: EntityManager, ids: readonly string[]): Promise<Map<string, LockedProposal>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const locked = new Map<string, LockedProposal>();
  if (!wanted.length) return locked;
  const { rows: raws } = await queryPrepared(em, `SELECT * FROM proposals WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [
    wanted,
  ]);
  for (const raw of raws) locked.set(raw.id as string, { row: hydrate(em, raw), historyHead: null });
  if (!locked.size) return locked;
  const { rows: heads } = await queryPrepared<Head & { id: string }>(em, `SELECT p.id, ${HEAD_COLUMN} FROM proposals p WHERE p.id = ANY($1::uuid[])`, [
    [...locked.keys()],
  ]);
  for (const { id, historyHead } of heads) {
    const entry = locked.get(id);
    if (entry) entry.historyHead = historyHead;
  }
  return locked;
}

/**
 * A live proposal with its facts and the further columns `M` of `sql`, a statement of `proposalWithFactsSql`
 * ($1 the id, then the further columns' parameters), in one round trip; null for no such live proposal.
 */
export async function loadProposalBy<M>(em: EntityManager, sql: string, params: [string, ...unknown[]]): Promise<(LoadedProposal & { more: M }) | null> {
  if (!isUuid(params[0])) return null;
  const [raw] = (await queryPrepared<Record<string, unknown> & FactColumns & M>(em, sql, params)).rows;
  if (!raw) return null;
  const row = hydrate(em, raw);
  return { row, facts: toFacts(row, raw), more: raw };
}

/** A raw `proposals` row as the entity, through the same column metadata and driver conversions TypeORM uses. */
function hydrate(em: EntityManager, raw: Record<string, unknown>): Proposal {
  const meta = em.connection.getMetadata(Proposal);
  const driver = em.connection.driver;
  const row = meta.create() as Proposal;
  for (const column of meta.columns) column.setEntityValue(row, driver.prepareHydratedValue(raw[column.databaseName], column));
  return row;
}

function toFacts(row: Proposal, f: FactColumns): ProposalFacts {
  return {
    id: row.id,
    state: row.state,
    leadProposerId: row.leadProposerId,
    cosigners: f.f_cosigners,
    delegationId: row.delegationId,
    delegationHeadId: row.delegationId ? f.f_headId : null,
    leadDepartmentId: row.leadDepartmentId,
    coDepartmentIds: row.coDepartmentIds,
    leaderIdsInCharge: f.f_leaders,
    context: row.context,
  };
}
