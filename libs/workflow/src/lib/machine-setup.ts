/**
 * The machine's setup (types, guards, actions) and the small builders its configuration (./machine.ts) uses.
 */
import { and, assign, not, setup } from 'xstate';
import type { Relation } from './actors';
import type { ProposalContext } from './context';
import type { Effect, Notice, Reminder } from './effects';
import type { ProposalEvent } from './events';
import { guards, type SwitchRule } from './guards';
import type { RulesOverride } from './rules';
import { updates, type UpdateName } from './updates';

/** Start a machine actor or graph traversal from fresh rules or from a stored context. */
export interface ProposalMachineInput {
  rules?: RulesOverride;
  context?: ProposalContext;
}

const update = (name: UpdateName) =>
  assign<ProposalContext, ProposalEvent, undefined, ProposalEvent, never>(({ context, event }) =>
    updates[name](context, event),
  );

const assignActions = Object.fromEntries(
  (Object.keys(updates) as UpdateName[]).map((name) => [name, update(name)]),
) as Record<UpdateName, ReturnType<typeof update>>;

const anchors: Record<Reminder, (c: ProposalContext) => string | null> = {
  cosignReminder: (c) => c.cosignDeadline,
  cosignDeadline: (c) => c.cosignDeadline,
  reviewOverdue: (c) => c.submittedAt,
  handlingDue: (c) => c.dueAt,
  evaluationReminder: (c) => c.evaluationDeadline,
  evaluationDeadline: (c) => c.evaluationDeadline,
  plannedDate: (c) => c.plannedAt,
};

export const machineSetup = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    input: {} as ProposalMachineInput | undefined,
  },
  guards,
  actions: {
    ...assignActions,
    /** An effect for the outbox; performed by the backend, not here. */
    effect: (_args, _params: Effect) => undefined,
  },
});

/** Grade-B replies: the follow-up at the planned date (only when the current reply is grade B). */
export const schedulePlannedDate = machineSetup.enqueueActions(({ context, enqueue }) => {
  if (context.grade === 'B') {
    enqueue({ type: 'effect', params: { kind: 'schedule', reminder: 'plannedDate', anchor: context.plannedAt } });
  }
});
export const cancelPlannedDate = machineSetup.enqueueActions(({ context, enqueue }) => {
  if (context.grade === 'B') enqueue({ type: 'effect', params: { kind: 'cancel', reminder: 'plannedDate' } });
});

// Small builders, so the config reads like the lifecycle diagram.
export const notify = (notice: Notice) => ({ type: 'effect' as const, params: { kind: 'notify' as const, notice } });
export const schedule = (reminder: Reminder) => ({
  type: 'effect' as const,
  params: ({ context }: { context: ProposalContext }): Effect => ({
    kind: 'schedule',
    reminder,
    anchor: anchors[reminder](context),
  }),
});
export const cancel = (reminder: Reminder) => ({ type: 'effect' as const, params: { kind: 'cancel' as const, reminder } });
export const actorIs = (relation: Relation) => ({ type: 'actorIs' as const, params: { relation } });
export const ruleOn = (rule: SwitchRule) => ({ type: 'ruleOn' as const, params: { rule } });

/** URGE, COMMENT, MARK_KEY, UNMARK_KEY: every non-final state except closed. */
export const whileOpen = {
  URGE: { actions: notify('urged') },
  COMMENT: { actions: notify('commented') },
  MARK_KEY: { guard: not('isKey'), actions: 'markKey' },
  UNMARK_KEY: { guard: 'isKey', actions: 'unmarkKey' },
} as const;

/** The lead proposer answers a logged contact: handling, replied, disputed. */
export const contactAnswers = {
  CONFIRM_CONTACT: { guard: 'hasUnansweredContact', actions: 'countConfirmedContact' },
  DISPUTE_CONTACT: { guard: 'hasUnansweredContact', actions: ['countDisputedContact', notify('contactDisputed')] },
} as const;

/** The last approver approves: the reply goes to the proposer, or (a suggestion) straight to closed. */
export const replyGoesOut = (approver: Relation) =>
  [
    {
      guard: and([actorIs(approver), 'isSuggestion']),
      target: '#proposal.closed',
      actions: [notify('replied'), schedulePlannedDate],
    },
    {
      guard: actorIs(approver),
      target: '#proposal.replied',
      actions: ['openEvaluation', notify('replied'), schedulePlannedDate],
    },
  ] as const;

export const sentBack = (relation: Relation) => ({
  guard: actorIs(relation),
  target: 'drafting',
  actions: notify('replySentBack'),
});
