/** Test fixtures: actors by relation, a clock, event builders, and canonical paths to every state. */
import { SYSTEM_ACTOR, type EventActor, type Relation } from '../actors';
import { createInitialContext, type ProposalContext } from '../context';
import { transition } from 'xstate';
import type { Effect } from '../effects';
import { applyEvent, initialState, restore, stateOf, type StoredProposalState } from '../engine';
import { proposalMachine } from '../machine';
import type { EventOf, EventType, ProposalEvent } from '../events';
import type { RulesOverride } from '../rules';
import { addDays, sampleEvent } from '../sample-events';

export const T0 = '2025-03-03T00:00:00.000Z';
/** T0 plus some days. */
export const day = (days: number): string => addDays(T0, days);

let nextId = 0;
export function actorWith(...relations: Relation[]): EventActor {
  nextId += 1;
  return { id: `user-${nextId}`, roles: [], relations };
}

export const who = {
  lead: actorWith('leadProposer', 'anyDelegate'),
  invited: actorWith('invitedCosigner', 'anyDelegate'),
  invited2: actorWith('invitedCosigner', 'anyDelegate'),
  cosigner: actorWith('cosigner', 'anyDelegate'),
  delegate: actorWith('anyDelegate'),
  delegationHead: actorWith('delegationHead', 'anyDelegate'),
  committee: actorWith('committee'),
  handler: actorWith('leadDeptHandler'),
  deptHead: actorWith('leadDeptHead'),
  coHandler: actorWith('coDeptHandler'),
  coHead: actorWith('coDeptHead'),
  leader: actorWith('leaderInCharge'),
  stranger: actorWith(),
  system: SYSTEM_ACTOR,
};

/** An event of this type with sample payload and computed fields, overridden by `extra`. */
export function ev<T extends EventType>(
  type: T,
  actor: EventActor,
  now: string,
  extra: Partial<Omit<EventOf<T>, 'type'>> = {},
  context: ProposalContext = createInitialContext(),
): EventOf<T> {
  return { ...sampleEvent(type, actor, now, context), ...extra } as EventOf<T>;
}

/** Apply events one after another through the engine; throws on the first one not taken. */
export function run(start: StoredProposalState, ...events: ProposalEvent[]): StoredProposalState {
  return events.reduce<StoredProposalState>((stored, event) => {
    const result = applyEvent(stored, event);
    if (!result.ok) {
      throw new Error(`${event.type} not taken in ${JSON.stringify(stored.value)}: ${JSON.stringify(result)}`);
    }
    return { value: result.value, context: result.context };
  }, start);
}

/** The canonical road through the lifecycle, each step with its event. */
export const road = {
  submit: ev('SUBMIT', who.lead, day(0), { cosignDeadline: day(7) }),
  cosign1: ev('COSIGN', who.invited, day(1)),
  cosign2: ev('COSIGN', who.invited2, day(2)),
  approveDelegation: ev('APPROVE', who.delegationHead, day(2)),
  accept: ev('ACCEPT', who.committee, day(3)),
  classify: ev('CLASSIFY', who.committee, day(3), { categoryId: 'cat-1' }),
  assign: ev('ASSIGN', who.committee, day(4), {
    leadDepartmentId: 'dept-1',
    dueAt: day(64),
    reassignWindowEndsAt: day(9),
  }),
  reply: ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'A', content: 'done' }),
  headApproves: ev('APPROVE_REPLY', who.deptHead, day(11), { evaluationDeadline: day(26) }),
  leaderApproves: ev('APPROVE_REPLY', who.leader, day(11), { evaluationDeadline: day(26) }),
  committeeApproves: ev('APPROVE_REPLY', who.committee, day(11), { evaluationDeadline: day(26) }),
  satisfied: ev('EVALUATE', who.lead, day(12), { satisfaction: 'satisfied' }),
  unsatisfied: ev('EVALUATE', who.lead, day(12), { satisfaction: 'unsatisfied' }),
};

const toSubmitted = [road.submit, road.cosign1, road.cosign2];
const toHandling = [...toSubmitted, road.accept, road.classify, road.assign];
const toReplied = [...toHandling, road.reply, road.headApproves];

/** Stored states reached the ordinary way, under default rules unless given. */
export function reach(
  state: 'draft' | 'cosigning' | 'submitted' | 'accepted' | 'classified' | 'handling.drafting' | 'handling.replyReview' | 'replied' | 'disputed' | 'closed',
  rules: RulesOverride = {},
): StoredProposalState {
  const start = initialState(rules);
  const paths: Record<typeof state, ProposalEvent[]> = {
    draft: [],
    cosigning: [road.submit],
    submitted: toSubmitted,
    accepted: [...toSubmitted, road.accept],
    classified: [...toSubmitted, road.accept, road.classify],
    'handling.drafting': toHandling,
    'handling.replyReview': [...toHandling, road.reply],
    replied: toReplied,
    disputed: [...toReplied, road.unsatisfied],
    closed: [...toReplied, road.satisfied],
  };
  return run(start, ...paths[state]);
}

export interface Step {
  /** The machine took the event (guards passed). */
  taken: boolean;
  value: string;
  context: ProposalContext;
  effects: Effect[];
}

/** Send one event to the machine itself (no policy table): what it does with it. */
export function step(stored: StoredProposalState, event: ProposalEvent): Step {
  const snapshot = restore(stored.value, stored.context);
  if (!snapshot.can(event)) return { taken: false, value: stateOf(snapshot), context: snapshot.context, effects: [] };
  const [next, actions] = transition(proposalMachine, snapshot, event);
  const effects = actions.filter((a) => a.type === 'effect').map((a) => a.params as Effect);
  return { taken: true, value: stateOf(next), context: next.context, effects };
}

/** A stored state with some context facts changed (for states that are tedious to reach). */
export function withContext(stored: StoredProposalState, patch: Partial<ProposalContext>): StoredProposalState {
  return { value: stored.value, context: { ...stored.context, ...patch } };
}

/** The notices among effects, in order. */
export function notices(effects: Effect[]): string[] {
  return effects.flatMap((e) => (e.kind === 'notify' ? [e.notice] : []));
}
