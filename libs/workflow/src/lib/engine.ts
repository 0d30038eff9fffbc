/**
 * The pure server-side API around the machine: restore a stored state, apply one event, list what a state takes.
 * Nothing here performs I/O; the backend persists `value` + `context` and turns `effects` into outbox rows.
 */
import { transition, type SnapshotFrom, type StateValue } from 'xstate';
import { createInitialContext, type ProposalContext } from './context';
import type { Effect } from './effects';
import { EVENT_TYPES, isEventType, type EventType, type ProposalEvent } from './events';
import { proposalMachine } from './machine';
import { EVENT_POLICY, mayActorSend } from './policy-table';
import type { Relation } from './actors';
import type { RulesOverride } from './rules';
import { isProposalState, stateToString, stringToStateValue, type AnyStateValue } from './states';

export type ProposalSnapshot = SnapshotFrom<typeof proposalMachine>;

/** What the backend stores: the state (string form preferred) and the context. */
export interface StoredProposalState {
  value: string | AnyStateValue;
  context: ProposalContext;
}

export type ApplyResult =
  | {
      ok: true;
      /** The new state, `handling.drafting` form. */
      value: string;
      context: ProposalContext;
      /** In order: notifications to send, reminders to schedule or cancel. */
      effects: Effect[];
      /** The state value changed (context-only updates leave it false). */
      changed: boolean;
    }
  | {
      ok: false;
      /** The policy table does not let the actor's relations send this type (HTTP 403). */
      reason: 'forbidden';
      state: string;
      allowed: readonly Relation[];
    }
  | {
      ok: false;
      /** The state does not take the event now (HTTP 409, naming the state and what it takes). */
      reason: 'notAccepted';
      state: string;
      /** Event types this state takes at all (guards aside). */
      accepts: EventType[];
      /** The state takes this type, but its conditions (window, count, who) are not met. */
      conditionsNotMet: boolean;
    };

/** A new draft: the value and context to store when a proposal is created. */
export function initialState(rules: RulesOverride = {}): { value: 'draft'; context: ProposalContext } {
  return { value: 'draft', context: createInitialContext(rules) };
}

/** Rebuild a live snapshot from what was stored (a raw JSON snapshot would answer `can()` false to everything). */
export function restore(value: string | AnyStateValue, context: ProposalContext): ProposalSnapshot {
  const asString = stateToString(value);
  if (!isProposalState(asString) && asString !== 'handling') {
    throw new Error(`Unknown proposal state "${asString}"`);
  }
  const resolved = typeof value === 'string' ? stringToStateValue(value) : value;
  return proposalMachine.resolveState({ value: resolved as StateValue, context });
}

/** The snapshot's state as a string (`handling.drafting`). */
export function stateOf(snapshot: ProposalSnapshot): string {
  return stateToString(snapshot.value as AnyStateValue);
}

/**
 * Apply one event: policy check (relations), then the machine (state and guards), purely.
 * The event must carry `actor` (with relations), `now` and the computed fields of its type.
 */
export function applyEvent(stored: StoredProposalState, event: ProposalEvent): ApplyResult {
  const snapshot = restore(stored.value, stored.context);
  const state = stateOf(snapshot);
  if (!mayActorSend(event.type, event.actor.relations)) {
    return { ok: false, reason: 'forbidden', state, allowed: EVENT_POLICY[event.type] ?? [] };
  }
  if (!snapshot.can(event)) {
    const accepts = acceptedEventTypes(state);
    return { ok: false, reason: 'notAccepted', state, accepts, conditionsNotMet: accepts.includes(event.type) };
  }
  const [next, actions] = transition(proposalMachine, snapshot, event);
  const effects = actions.filter((a) => a.type === 'effect').map((a) => a.params as Effect);
  const value = stateOf(next);
  return { ok: true, value, context: next.context, effects, changed: value !== state };
}

/** Whether the state takes this event now, guards evaluated (no policy check). */
export function canApply(stored: StoredProposalState, event: ProposalEvent): boolean {
  return restore(stored.value, stored.context).can(event);
}

const takenByState = new Map<string, ReadonlySet<EventType>>();

/**
 * Whether the state takes the event type at all, whatever the guards say: `acceptedEventTypes`,
 * remembered per state. A state that does not take it cannot `can()` it, so callers ask the machine (guards
 * evaluated, the costly part) only about the types that pass this.
 */
export function takesAtAll(value: string | AnyStateValue, type: EventType): boolean {
  const state = stateToString(value);
  let taken = takenByState.get(state);
  if (!taken) {
    taken = new Set(acceptedEventTypes(state));
    takenByState.set(state, taken);
  }
  return taken.has(type);
}

/**
 * Event types the state takes at all, whatever the guards say, in EVENT_TYPES order: the state's own events
 * and its ancestors'. Final states take none.
 */
export function acceptedEventTypes(value: string | AnyStateValue, _context?: ProposalContext): EventType[] {
  const path = stateToString(value);
  const taken = new Set<string>();
  let node: { ownEvents: readonly string[]; parent?: unknown } | undefined = proposalMachine.getStateNodeById(
    `proposal.${path}`,
  );
  while (node) {
    node.ownEvents.forEach((e) => taken.add(e));
    node = node.parent as typeof node;
  }
  return EVENT_TYPES.filter((t) => taken.has(t) && isEventType(t));
}
