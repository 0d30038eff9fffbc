/**
 * The proposal lifecycle (domain.md, Lifecycle) as ONE XState v5 machine.
 *
 * - No timers, no clock: deadlines arrive as events (COSIGN_DEADLINE, EVALUATION_DEADLINE) from the job queue,
 *   and every event carries `now` and `actor`.
 * - Guards are pure (./guards.ts), context updates are pure (./updates.ts).
 * - Side effects are `effect` actions with params (./effects.ts): `transition()` returns them and the backend
 *   writes them to its outbox. Their implementation here does nothing.
 * - Every transition without a target has at least one action, so `snapshot.can(event)` answers true for it.
 */
import { and, not } from 'xstate';
import { createInitialContext } from './context';
import {
  actorIs,
  cancel,
  cancelPlannedDate,
  contactAnswers,
  machineSetup,
  notify,
  replyGoesOut,
  ruleOn,
  schedule,
  sentBack,
  whileOpen,
} from './machine-setup';

export type { ProposalMachineInput } from './machine-setup';

export const proposalMachine = machineSetup.createMachine({
  id: 'proposal',
  context: ({ input }) => input?.context ?? createInitialContext(input?.rules),
  initial: 'draft',
  states: {
    draft: {
      on: {
        ...whileOpen,
        SUBMIT: [
          { guard: and(['cosignersMetAtSubmit', ruleOn('delegationApproval')]), target: 'delegationReview', actions: 'recordSubmit' },
          { guard: 'cosignersMetAtSubmit', target: 'submitted', actions: 'recordSubmit' },
          { target: 'cosigning', actions: ['recordSubmit', notify('cosignInvited')] },
        ],
      },
    },
    cosigning: {
      entry: [schedule('cosignReminder'), schedule('cosignDeadline')],
      exit: [cancel('cosignReminder'), cancel('cosignDeadline')],
      on: {
        ...whileOpen,
        COSIGN: [
          { guard: and(['mayCosign', 'cosignCompletes', ruleOn('delegationApproval')]), target: 'delegationReview', actions: 'countCosigner' },
          { guard: and(['mayCosign', 'cosignCompletes']), target: 'submitted', actions: 'countCosigner' },
          { guard: 'mayCosign', actions: 'countCosigner' },
        ],
        DECLINE_COSIGN: { guard: 'mayDeclineCosign', actions: 'uncountCosigner' },
        COSIGN_DEADLINE: { guard: 'cosignWindowFailed', target: 'draft', actions: notify('cosignFailed') },
        WITHDRAW: { target: 'draft', actions: notify('withdrawn') },
      },
    },
    delegationReview: {
      entry: notify('awaitingDelegationApproval'),
      on: {
        ...whileOpen,
        APPROVE: { guard: actorIs('delegationHead'), target: 'submitted' },
        RETURN: { guard: actorIs('delegationHead'), target: 'draft', actions: notify('returned') },
        WITHDRAW: { target: 'draft', actions: notify('withdrawn') },
      },
    },
    submitted: {
      entry: ['markSubmitted', schedule('reviewOverdue'), notify('submitted')],
      exit: cancel('reviewOverdue'),
      on: {
        ...whileOpen,
        ACCEPT: { target: 'accepted', actions: notify('accepted') },
        REJECT: { target: 'rejected', actions: notify('rejected') },
        MERGE: { target: 'merged', actions: notify('merged') },
        CONVERT: { target: 'classified', actions: ['convertToSuggestion', notify('converted')] },
        RETURN: { guard: actorIs('committee'), target: 'draft', actions: notify('returned') },
        WITHDRAW: { target: 'withdrawn', actions: notify('withdrawn') },
      },
    },
    accepted: {
      on: {
        ...whileOpen,
        CLASSIFY: { target: 'classified' },
        MERGE: { target: 'merged', actions: notify('merged') },
      },
    },
    classified: {
      on: {
        ...whileOpen,
        CLASSIFY: { target: 'classified' },
        ASSIGN: { target: 'handling', actions: ['startHandlingPeriod', notify('assigned')] },
        MERGE: { target: 'merged', actions: notify('merged') },
      },
    },
    handling: {
      initial: 'drafting',
      entry: schedule('handlingDue'),
      exit: [cancel('handlingDue'), 'clearPendingRequests'],
      on: {
        ...whileOpen,
        ...contactAnswers,
        CONTRIBUTE: { actions: notify('contributed') },
        LOG_CONTACT: { actions: ['countLoggedContact', notify('contactLogged')] },
        REQUEST_EXTENSION: { guard: 'extensionAllowed', actions: ['recordExtensionRequest', notify('extensionRequested')] },
        APPROVE_EXTENSION: {
          guard: 'hasPendingExtension',
          actions: ['applyExtension', cancel('handlingDue'), schedule('handlingDue'), notify('extensionApproved')],
        },
        DENY_EXTENSION: { guard: 'hasPendingExtension', actions: ['clearExtensionRequest', notify('extensionDenied')] },
      },
      states: {
        drafting: {
          on: {
            SUBMIT_REPLY: {
              guard: and(['replyComplete', 'contactRequirementMet']),
              target: 'replyReview',
              actions: ['recordReply', notify('replySubmitted')],
            },
            REQUEST_REASSIGNMENT: {
              guard: 'withinReassignWindow',
              target: 'reassignmentRequested',
              actions: ['recordReassignmentRequest', notify('reassignmentRequested')],
            },
            /** The committee reassigns on its own initiative. */
            REASSIGN: { actions: ['startHandlingPeriod', cancel('handlingDue'), schedule('handlingDue'), notify('assigned')] },
          },
        },
        replyReview: {
          on: {
            APPROVE_REPLY: [
              { guard: and([actorIs('leadDeptHead'), ruleOn('leaderSignoff')]), target: 'leaderSignoff', actions: notify('replyAwaitingSignoff') },
              { guard: and([actorIs('leadDeptHead'), ruleOn('committeeReplyCheck')]), target: 'committeeReplyCheck', actions: notify('replyAwaitingCheck') },
              ...replyGoesOut('leadDeptHead'),
            ],
            SEND_BACK: sentBack('leadDeptHead'),
          },
        },
        leaderSignoff: {
          on: {
            APPROVE_REPLY: [
              { guard: and([actorIs('leaderInCharge'), ruleOn('committeeReplyCheck')]), target: 'committeeReplyCheck', actions: notify('replyAwaitingCheck') },
              ...replyGoesOut('leaderInCharge'),
            ],
            SEND_BACK: sentBack('leaderInCharge'),
          },
        },
        committeeReplyCheck: {
          on: {
            APPROVE_REPLY: [...replyGoesOut('committee')],
            SEND_BACK: sentBack('committee'),
          },
        },
        reassignmentRequested: {
          on: {
            REASSIGN: {
              target: 'drafting',
              actions: ['startHandlingPeriod', cancel('handlingDue'), schedule('handlingDue'), notify('assigned')],
            },
            DENY_REASSIGNMENT: { target: 'drafting', actions: ['clearReassignmentRequest', notify('reassignmentDenied')] },
          },
        },
      },
    },
    replied: {
      entry: [schedule('evaluationReminder'), schedule('evaluationDeadline')],
      exit: [cancel('evaluationReminder'), cancel('evaluationDeadline')],
      on: {
        ...whileOpen,
        ...contactAnswers,
        EVALUATE: [
          {
            guard: and([actorIs('leadProposer'), 'withinEvaluationWindow', 'isUnsatisfied']),
            target: 'disputed',
            actions: ['recordEvaluation', notify('disputed')],
          },
          {
            guard: and([actorIs('leadProposer'), 'withinEvaluationWindow']),
            target: 'closed',
            actions: ['recordEvaluation', notify('evaluated')],
          },
          { guard: and([actorIs('cosigner'), 'withinEvaluationWindow']), actions: notify('cosignerEvaluated') },
        ],
        EVALUATION_DEADLINE: {
          guard: 'evaluationWindowPassed',
          target: 'closed',
          actions: ['recordLapsedEvaluation', notify('evaluationLapsed')],
        },
      },
    },
    disputed: {
      on: {
        ...whileOpen,
        ...contactAnswers,
        REHANDLE: {
          guard: 'rehandleAllowed',
          target: 'handling',
          actions: [cancelPlannedDate, 'startRehandling', notify('rehandleOrdered')],
        },
        CLOSE: { target: 'closed', actions: notify('closed') },
      },
    },
    closed: {
      on: {
        COMMENT: { actions: notify('commented') },
        PUBLISH: { guard: not('isPublished'), actions: 'publish' },
        UNPUBLISH: { guard: 'isPublished', actions: 'unpublish' },
        MARK_EXCELLENT: { guard: not('isExcellent'), actions: 'markExcellent' },
        PROGRESS_UPDATE: { guard: 'promiseOpen', actions: notify('progressUpdated') },
        FULFIL: { guard: 'promiseOpen', actions: ['fulfil', cancel('plannedDate'), notify('fulfilled')] },
      },
    },
    rejected: { type: 'final' },
    merged: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type ProposalMachine = typeof proposalMachine;
