/**
 * Who may do what to a proposal: relations from facts, the policy table, the events a person may send now,
 * and who may see a proposal (domain.md, Permissions). Pure; the backend loads the facts.
 */
import type { EventActor, Relation, Role } from './actors';
import type { ProposalContext } from './context';
import { restore, takesAtAll } from './engine';
import { EVENT_TYPES, isSystemEvent, type EventType } from './events';
import { mayActorSend } from './policy-table';
import { sampleEvent } from './sample-events';
import type { AnyStateValue } from './states';

export { EVENT_POLICY, mayActorSend } from './policy-table';

export type CosignerStatus = 'invited' | 'confirmed' | 'declined';

/** What the policy needs to know about a proposal. */
export interface ProposalFacts {
  id: string;
  /** The stored state, `handling.drafting` form (or a state value). */
  state: string | AnyStateValue;
  leadProposerId: string;
  cosigners: ReadonlyArray<{ userId: string; status: CosignerStatus }>;
  /** The lead proposer's delegation. */
  delegationId: string | null;
  delegationHeadId: string | null;
  /** The ASSIGNED lead department (null before ASSIGN; the proposer's suggestion does not count). */
  leadDepartmentId: string | null;
  /** The assigned co-handling departments. */
  coDepartmentIds: readonly string[];
  /** Leaders in charge of the lead or a co-handling department. */
  leaderIdsInCharge: readonly string[];
  context: ProposalContext;
}

/** What the policy needs to know about a signed-in person. */
export interface ActorFacts {
  id: string;
  roles: readonly Role[];
  /** Departments where the person is a handler. */
  departmentIds: readonly string[];
  headOfDepartmentIds: readonly string[];
  /** Departments in the person's charge as a leader. */
  leaderOfDepartmentIds: readonly string[];
  delegationId: string | null;
  headOfDelegationIds: readonly string[];
}

type PeopleFacts = Pick<
  ProposalFacts,
  'leadProposerId' | 'cosigners' | 'delegationId' | 'delegationHeadId' | 'leadDepartmentId' | 'coDepartmentIds' | 'leaderIdsInCharge'
>;

/** The actor's relations to the proposal. Never includes 'system' (that is the job queue's). */
export function relationsOf(proposal: PeopleFacts, actor: ActorFacts): Relation[] {
  const relations: Relation[] = [];
  const add = (relation: Relation, holds: boolean) => holds && relations.push(relation);
  const cosignStatus = proposal.cosigners.find((c) => c.userId === actor.id)?.status;
  const lead = proposal.leadDepartmentId;
  const co = proposal.coDepartmentIds;
  const inCharge = [lead, ...co].filter((d): d is string => d !== null);

  add('leadProposer', proposal.leadProposerId === actor.id);
  add('invitedCosigner', cosignStatus === 'invited');
  add('cosigner', cosignStatus === 'confirmed');
  add('anyDelegate', actor.roles.includes('delegate'));
  add(
    'delegationHead',
    proposal.delegationHeadId === actor.id ||
      (proposal.delegationId !== null && actor.headOfDelegationIds.includes(proposal.delegationId)),
  );
  add('committee', actor.roles.includes('committee'));
  add('leadDeptHandler', lead !== null && actor.departmentIds.includes(lead));
  add('leadDeptHead', lead !== null && actor.headOfDepartmentIds.includes(lead));
  add('coDeptHandler', co.some((d) => actor.departmentIds.includes(d)));
  add('coDeptHead', co.some((d) => actor.headOfDepartmentIds.includes(d)));
  add(
    'leaderInCharge',
    proposal.leaderIdsInCharge.includes(actor.id) || inCharge.some((d) => actor.leaderOfDepartmentIds.includes(d)),
  );
  return relations;
}

/** The `actor` to put into a machine event. */
export function eventActorOf(proposal: PeopleFacts, actor: ActorFacts): EventActor {
  return { id: actor.id, roles: [...actor.roles], relations: relationsOf(proposal, actor) };
}

function toIso(now: Date | string): string {
  return typeof now === 'string' ? new Date(now).toISOString() : now.toISOString();
}

/**
 * The event types this person may send now: the person may see the proposal, the policy table allows the type,
 * AND the machine, in this state with its guards, takes a representative event from this person at this time.
 * Never the system's events.
 */
export function availableEvents(proposal: ProposalFacts, actor: ActorFacts, now: Date | string): EventType[] {
  if (!canSee(proposal, actor)) return [];
  const eventActor = eventActorOf(proposal, actor);
  // the machine is asked (guards evaluated) only about the types the state takes at all and the actor may send
  const candidates = EVENT_TYPES.filter(
    (type) => !isSystemEvent(type) && takesAtAll(proposal.state, type) && mayActorSend(type, eventActor.relations),
  );
  if (!candidates.length) return [];
  const snapshot = restore(proposal.state, proposal.context);
  const at = toIso(now);
  return candidates.filter((type) => snapshot.can(sampleEvent(type, eventActor, at, proposal.context)));
}

const STAFF_RELATIONS: readonly Relation[] = [
  'leadDeptHandler',
  'leadDeptHead',
  'coDeptHandler',
  'coDeptHead',
  'leaderInCharge',
];

/**
 * Whether a person (or, with `null`, the public) may see the proposal at all:
 * - a draft: its lead proposer and co-signers (invited or confirmed) only; the committee too once the draft has
 *   been before it (a returned draft, `context.submittedAt` set);
 * - the committee: everything else;
 * - published proposals: everyone, the public included (the public view leaves out phones and internal comments);
 * - the lead proposer and its co-signers, invited or confirmed: their own;
 * - any delegate: proposals open for co-signing; the delegation head: its delegation's proposals past draft;
 * - a department: what is assigned to it, as lead or co-handling; a leader: what its departments see.
 */
export function canSee(proposal: ProposalFacts, actor: ActorFacts | null): boolean {
  const state = typeof proposal.state === 'string' ? proposal.state : Object.keys(proposal.state)[0];
  if (actor === null) return proposal.context.published && state !== 'draft';
  const r = relationsOf(proposal, actor);
  const has = (relation: Relation) => r.includes(relation);
  if (has('leadProposer') || has('invitedCosigner') || has('cosigner')) return true;
  if (state === 'draft') return has('committee') && proposal.context.submittedAt !== null;
  if (has('committee') || proposal.context.published) return true;
  if (state === 'cosigning' && has('anyDelegate')) return true;
  if (has('delegationHead')) return true;
  return STAFF_RELATIONS.some(has);
}
