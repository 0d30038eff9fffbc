/**
 * The machine's guards: pure, synchronous, reading only the context and the event (actor, now, payload).
 * Dates are compared as instants (`Date.parse`); a missing or invalid date makes a window guard false.
 */
import type { Relation } from './actors';
import type { ProposalContext } from './context';
import type { ProposalEvent } from './events';

export interface GuardArgs {
  context: ProposalContext;
  event: ProposalEvent;
}

/** Rules that switch optional stages on. */
export type SwitchRule = 'delegationApproval' | 'leaderSignoff' | 'committeeReplyCheck' | 'requireConfirmedContact';

function instant(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

/** a <= b, false if either is missing or invalid. */
function notAfter(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = instant(a);
  const y = instant(b);
  return !Number.isNaN(x) && !Number.isNaN(y) && x <= y;
}

function has(event: ProposalEvent, relation: Relation): boolean {
  return event.actor.relations.includes(relation);
}

export const guards = {
  /** The actor has this relation to the proposal (for events that several relations send in different states). */
  actorIs: ({ event }: GuardArgs, params: { relation: Relation }) => has(event, params.relation),

  /** An optional stage of the session is switched on. */
  ruleOn: ({ context }: GuardArgs, params: { rule: SwitchRule }) => context.rules[params.rule] === true,

  isSuggestion: ({ context }: GuardArgs) => context.kind === 'suggestion',

  /** SUBMIT: enough co-signers are confirmed already (or none are needed). */
  cosignersMetAtSubmit: ({ context, event }: GuardArgs) =>
    event.type === 'SUBMIT' &&
    (event.confirmedCosigners ?? context.confirmedCosigners) >= context.rules.minCosigners,

  /** COSIGN: within the window; an invited co-signer, or another delegate who is neither lead nor co-signer yet. */
  mayCosign: ({ context, event }: GuardArgs) =>
    event.type === 'COSIGN' &&
    notAfter(event.now, context.cosignDeadline) &&
    !has(event, 'leadProposer') &&
    !has(event, 'cosigner') &&
    (has(event, 'invitedCosigner') || has(event, 'anyDelegate')),

  /** This co-signature reaches the minimum. */
  cosignCompletes: ({ context }: GuardArgs) => context.confirmedCosigners + 1 >= context.rules.minCosigners,

  /** DECLINE_COSIGN: an invited co-signer declines, or a confirmed one takes the signature back. */
  mayDeclineCosign: ({ event }: GuardArgs) => has(event, 'invitedCosigner') || has(event, 'cosigner'),

  /** COSIGN_DEADLINE: the window really passed (not a stale job) and too few co-signed. */
  cosignWindowFailed: ({ context, event }: GuardArgs) =>
    notAfter(context.cosignDeadline, event.now) && context.confirmedCosigners < context.rules.minCosigners,

  /** REQUEST_REASSIGNMENT: now <= reassignWindowEndsAt. */
  withinReassignWindow: ({ context, event }: GuardArgs) => notAfter(event.now, context.reassignWindowEndsAt),

  /** REQUEST_EXTENSION: none pending, later than the current dueAt, total within maxExtensionDays. */
  extensionAllowed: ({ context, event }: GuardArgs) =>
    event.type === 'REQUEST_EXTENSION' &&
    context.pendingExtension === null &&
    event.extensionDays > 0 &&
    context.extensionDaysUsed + event.extensionDays <= context.rules.maxExtensionDays &&
    instant(event.dueAt) > instant(context.dueAt),

  hasPendingExtension: ({ context }: GuardArgs) => context.pendingExtension !== null,

  /** SUBMIT_REPLY: a grade-B reply names its planned date. */
  replyComplete: ({ event }: GuardArgs) =>
    event.type === 'SUBMIT_REPLY' && (event.grade !== 'B' || !Number.isNaN(instant(event.plannedAt))),

  /** SUBMIT_REPLY: where the session asks for it, the proposer confirmed at least one contact. */
  contactRequirementMet: ({ context }: GuardArgs) =>
    !context.rules.requireConfirmedContact || context.confirmedContacts >= 1,

  /** CONFIRM_CONTACT / DISPUTE_CONTACT: a logged contact waits for the proposer's answer. */
  hasUnansweredContact: ({ context }: GuardArgs) => context.unansweredContacts > 0,

  /** EVALUATE: now <= evaluationDeadline. */
  withinEvaluationWindow: ({ context, event }: GuardArgs) => notAfter(event.now, context.evaluationDeadline),

  isUnsatisfied: ({ event }: GuardArgs) => event.type === 'EVALUATE' && event.satisfaction === 'unsatisfied',

  /** EVALUATION_DEADLINE: the window really passed (not a stale job). */
  evaluationWindowPassed: ({ context, event }: GuardArgs) => notAfter(context.evaluationDeadline, event.now),

  /** REHANDLE: rehandleCount < maxRehandle. */
  rehandleAllowed: ({ context }: GuardArgs) => context.rehandleCount < context.rules.maxRehandle,

  isPublished: ({ context }: GuardArgs) => context.published,
  isExcellent: ({ context }: GuardArgs) => context.excellent,
  isKey: ({ context }: GuardArgs) => context.key,

  /** A grade-B promise still open (PROGRESS_UPDATE, FULFIL). */
  promiseOpen: ({ context }: GuardArgs) => context.grade === 'B' && !context.fulfilled,
};

export type GuardName = keyof typeof guards;
