/**
 * Pure context updates, one per kind of fact an event changes. The machine wraps each in `assign`.
 * Each takes the context and the event and returns only the fields it changes.
 */
import type { ProposalContext } from './context';
import type { ProposalEvent } from './events';

type Update = (context: ProposalContext, event: ProposalEvent) => Partial<ProposalContext>;

export const updates = {
  recordSubmit: (context, event) =>
    event.type !== 'SUBMIT'
      ? {}
      : {
          cosignDeadline: event.cosignDeadline,
          confirmedCosigners: event.confirmedCosigners ?? context.confirmedCosigners,
        },

  countCosigner: (context) => ({ confirmedCosigners: context.confirmedCosigners + 1 }),

  /** Only a confirmed co-signer taking the signature back lowers the count. */
  uncountCosigner: (context, event) =>
    event.actor.relations.includes('cosigner')
      ? { confirmedCosigners: Math.max(0, context.confirmedCosigners - 1) }
      : {},

  markSubmitted: (_context, event) => ({ submittedAt: event.now }),

  convertToSuggestion: () => ({ kind: 'suggestion' }),

  /** ASSIGN and REASSIGN: a new handling period. */
  startHandlingPeriod: (_context, event) =>
    event.type !== 'ASSIGN' && event.type !== 'REASSIGN'
      ? {}
      : {
          assignedAt: event.now,
          dueAt: event.dueAt,
          originalDueAt: event.dueAt,
          reassignWindowEndsAt: event.reassignWindowEndsAt,
          extensionDaysUsed: 0,
          pendingExtension: null,
          pendingReassignment: null,
        },

  recordReassignmentRequest: (_context, event) =>
    event.type !== 'REQUEST_REASSIGNMENT'
      ? {}
      : { pendingReassignment: { reason: event.reason, requestedAt: event.now } },

  clearReassignmentRequest: () => ({ pendingReassignment: null }),

  recordExtensionRequest: (_context, event) =>
    event.type !== 'REQUEST_EXTENSION'
      ? {}
      : { pendingExtension: { dueAt: event.dueAt, reason: event.reason, days: event.extensionDays } },

  applyExtension: (context) =>
    context.pendingExtension === null
      ? {}
      : {
          dueAt: context.pendingExtension.dueAt,
          extensionDaysUsed: context.extensionDaysUsed + context.pendingExtension.days,
          pendingExtension: null,
        },

  clearExtensionRequest: () => ({ pendingExtension: null }),

  /** Leaving handling: nothing stays pending. */
  clearPendingRequests: () => ({ pendingExtension: null, pendingReassignment: null }),

  countLoggedContact: (context) => ({ unansweredContacts: context.unansweredContacts + 1 }),

  countConfirmedContact: (context) => ({
    unansweredContacts: Math.max(0, context.unansweredContacts - 1),
    confirmedContacts: context.confirmedContacts + 1,
  }),

  countDisputedContact: (context) => ({ unansweredContacts: Math.max(0, context.unansweredContacts - 1) }),

  recordReply: (_context, event) =>
    event.type !== 'SUBMIT_REPLY'
      ? {}
      : { grade: event.grade, plannedAt: event.grade === 'B' ? (event.plannedAt ?? null) : null },

  /** The reply reaches the proposer: the evaluation window opens. */
  openEvaluation: (_context, event) =>
    event.type !== 'APPROVE_REPLY' ? {} : { evaluationDeadline: event.evaluationDeadline, evaluation: null },

  recordEvaluation: (_context, event) => (event.type !== 'EVALUATE' ? {} : { evaluation: event.satisfaction }),

  recordLapsedEvaluation: (context) => ({ evaluation: context.rules.unevaluatedOutcome }),

  /** REHANDLE: a new handling period for a new reply; the previous reply's facts are history. */
  startRehandling: (context, event) =>
    event.type !== 'REHANDLE'
      ? {}
      : {
          rehandleCount: context.rehandleCount + 1,
          dueAt: event.dueAt,
          originalDueAt: event.dueAt,
          reassignWindowEndsAt: null,
          extensionDaysUsed: 0,
          grade: null,
          plannedAt: null,
          evaluationDeadline: null,
          evaluation: null,
          fulfilled: false,
        },

  publish: () => ({ published: true }),
  unpublish: () => ({ published: false }),
  markExcellent: () => ({ excellent: true }),
  markKey: () => ({ key: true }),
  unmarkKey: () => ({ key: false }),
  fulfil: () => ({ fulfilled: true }),
} satisfies Record<string, Update>;

export type UpdateName = keyof typeof updates;
