/**
 * Effects: what a transition asks the outside world to do. The machine declares them as `effect` actions with
 * params; XState's pure `transition()` returns them and the backend writes them as outbox rows in the same
 * transaction as the state change. Recipients and texts are the backend's: a notice names what happened.
 */

export const NOTICES = [
  /** Invited co-signers: please co-sign (SUBMIT). */
  'cosignInvited',
  /** Lead proposer (and co-signers): the co-sign window passed with too few; back to draft. */
  'cosignFailed',
  /** Delegation head: a proposal of the delegation waits for approval. */
  'awaitingDelegationApproval',
  /** Committee: a proposal reached review. */
  'submitted',
  /** Lead proposer: returned for revision (by the committee or the delegation head), with the comment. */
  'returned',
  /** Co-signers / committee: the lead proposer withdrew it. */
  'withdrawn',
  /** Decisions, to the lead proposer and co-signers. */
  'accepted',
  'rejected',
  'converted',
  'merged',
  /** Lead and co-handling departments (handlers, heads): a new assignment (ASSIGN, REASSIGN). */
  'assigned',
  /** Committee: a department asks for reassignment. */
  'reassignmentRequested',
  /** The department: reassignment refused, keep handling. */
  'reassignmentDenied',
  /** Committee: a department asks for an extension. */
  'extensionRequested',
  'extensionApproved',
  'extensionDenied',
  /** Lead department: a co-handling department gave its input. */
  'contributed',
  /** Lead proposer: a contact was logged; confirm or dispute it. */
  'contactLogged',
  /** Committee and the department: the proposer disputes a logged contact. */
  'contactDisputed',
  /** Lead department head: a reply waits for approval. */
  'replySubmitted',
  /** Leader in charge: a reply waits for sign-off. */
  'replyAwaitingSignoff',
  /** Committee: a reply waits for its check. */
  'replyAwaitingCheck',
  /** Lead department handlers: the reply was sent back, with the comment. */
  'replySentBack',
  /** Lead proposer and co-signers: the reply is there (and, for a proposal, waits for evaluation). */
  'replied',
  /** Department and committee: the lead proposer evaluated the reply as satisfied / basically satisfied. */
  'evaluated',
  /** Lead department: a co-signer added an evaluation. */
  'cosignerEvaluated',
  /** Committee and department: the lead proposer is unsatisfied. */
  'disputed',
  /** Department and proposer: the evaluation window passed without an evaluation. */
  'evaluationLapsed',
  /** Department and proposer: the committee orders handling again. */
  'rehandleOrdered',
  /** Proposer and department: the committee closed a disputed proposal. */
  'closed',
  /** Proposer and committee: news on a grade-B promise. */
  'progressUpdated',
  /** Proposer and committee: a grade-B promise was delivered. */
  'fulfilled',
  /** Whoever must act now in the current state (催办). */
  'urged',
  /** People following the proposal (staff only when the comment is internal). */
  'commented',
] as const;
export type Notice = (typeof NOTICES)[number];

export const REMINDERS = [
  /** Invited co-signers who have not answered: some days before the co-sign deadline. Anchor: cosignDeadline. */
  'cosignReminder',
  /** The job that sends COSIGN_DEADLINE. Anchor: cosignDeadline. */
  'cosignDeadline',
  /** Committee: submission older than the review target. Anchor: submittedAt. */
  'reviewOverdue',
  /** The handling reminder chain (14 and 3 days before, on, then every 7 days overdue). Anchor: dueAt. */
  'handlingDue',
  /** Lead proposer: evaluate the reply, some days before the window ends. Anchor: evaluationDeadline. */
  'evaluationReminder',
  /** The job that sends EVALUATION_DEADLINE. Anchor: evaluationDeadline. */
  'evaluationDeadline',
  /** Grade-B follow-up (回头看) at the planned date. Anchor: plannedAt. */
  'plannedDate',
] as const;
export type Reminder = (typeof REMINDERS)[number];

export type NotifyEffect = { kind: 'notify'; notice: Notice };
/**
 * `anchor` is the date the reminder hangs on (see REMINDERS); the backend derives run times from it with the
 * calendar. A reschedule is a `cancel` followed by a `schedule` of the same reminder.
 */
export type ScheduleEffect = { kind: 'schedule'; reminder: Reminder; anchor: string | null };
export type CancelEffect = { kind: 'cancel'; reminder: Reminder };
export type Effect = NotifyEffect | ScheduleEffect | CancelEffect;
export type EffectKind = Effect['kind'];
