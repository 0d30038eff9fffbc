/**
 * Lifecycle state names: the contract between the machine, the API and the UI (domain.md, Lifecycle).
 * Nested handling states travel as strings like `handling.drafting`.
 */

export const TOP_LEVEL_STATES = [
  'draft',
  'cosigning',
  'delegationReview',
  'submitted',
  'accepted',
  'classified',
  'handling',
  'replied',
  'disputed',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
] as const;
export type TopLevelState = (typeof TOP_LEVEL_STATES)[number];

export const HANDLING_STATES = [
  'drafting',
  'replyReview',
  'leaderSignoff',
  'committeeReplyCheck',
  'reassignmentRequested',
] as const;
export type HandlingState = (typeof HANDLING_STATES)[number];

/** A state as a string: a top-level name, or `handling.<substate>`. */
export type ProposalState = Exclude<TopLevelState, 'handling'> | `handling.${HandlingState}`;

/** A state as XState's state value. */
export type ProposalStateValue = Exclude<TopLevelState, 'handling'> | { handling: HandlingState };

/** Every leaf state, in lifecycle order. */
export const PROPOSAL_STATES: readonly ProposalState[] = TOP_LEVEL_STATES.flatMap((s) =>
  s === 'handling' ? HANDLING_STATES.map((h) => `handling.${h}` as const) : [s],
);

/** `type: 'final'` in the machine: nothing more happens to these. */
export const FINAL_STATES = ['rejected', 'merged', 'withdrawn'] as const;
export type FinalState = (typeof FINAL_STATES)[number];

/** Where a proposal's life ends: the final states plus `closed`, which still takes follow-up events. */
export const TERMINAL_STATES = ['closed', ...FINAL_STATES] as const;

export function isFinalState(state: string): boolean {
  return (FINAL_STATES as readonly string[]).includes(state);
}

export function isTerminalState(state: string): boolean {
  return (TERMINAL_STATES as readonly string[]).includes(state);
}

export function isProposalState(state: string): state is ProposalState {
  return (PROPOSAL_STATES as readonly string[]).includes(state);
}

/** Any XState state value (string or nested object). */
export type AnyStateValue = string | { [key: string]: AnyStateValue | undefined };

/**
 * `{ handling: 'drafting' }` → `'handling.drafting'`; `'submitted'` → `'submitted'`.
 * Deeper nesting is joined with dots too; parallel states are not used by this machine.
 */
export function stateToString(value: AnyStateValue): string {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) throw new Error(`Not a single-path state value: ${JSON.stringify(value)}`);
  const key = keys[0];
  const child = value[key];
  return child === undefined ? key : `${key}.${stateToString(child)}`;
}

/** `'handling.drafting'` → `{ handling: 'drafting' }`; `'submitted'` → `'submitted'`. */
export function stringToStateValue(state: string): AnyStateValue {
  const parts = state.split('.');
  if (parts.some((p) => p.length === 0)) throw new Error(`Not a state: "${state}"`);
  let value: AnyStateValue = parts[parts.length - 1];
  for (let i = parts.length - 2; i >= 0; i--) value = { [parts[i]]: value };
  return value;
}
