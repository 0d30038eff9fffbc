import type { IsoDate, ReplyGrade, Satisfaction } from './events';
import { resolveRules, type RulesOverride, type SessionRules } from './rules';

export type ProposalKind = 'proposal' | 'suggestion';
export type Evaluation = Satisfaction | 'none';

/**
 * The machine's context: the facts its guards need, JSON-serialisable. Not the proposal's text, departments
 * or people; those live in the backend's tables. Store it beside the state value and restore both.
 */
export interface ProposalContext {
  /** The session's rules, copied when the proposal is created. */
  rules: SessionRules;
  /** 'suggestion' after CONVERT: handled for reference, no evaluation. */
  kind: ProposalKind;

  /** Confirmed co-signers: +1 on COSIGN, −1 when a confirmed one declines; SUBMIT may reset it. */
  confirmedCosigners: number;
  /** From SUBMIT (computed). */
  cosignDeadline: IsoDate | null;
  /** When it last reached `submitted` (the committee's review target counts from here). */
  submittedAt: IsoDate | null;

  /** Start of the current handling period (ASSIGN or REASSIGN). */
  assignedAt: IsoDate | null;
  /** The current due date, extensions included. */
  dueAt: IsoDate | null;
  /** The due date the current handling period started with. */
  originalDueAt: IsoDate | null;
  /** REQUEST_REASSIGNMENT only while now <= this; null when there is no window. */
  reassignWindowEndsAt: IsoDate | null;
  /** Extension days approved in the current handling period. */
  extensionDaysUsed: number;
  pendingExtension: { dueAt: IsoDate; reason: string; days: number } | null;
  pendingReassignment: { reason: string; requestedAt: IsoDate } | null;

  /** Logged contacts the lead proposer has not answered yet. */
  unansweredContacts: number;
  /** Logged contacts the lead proposer confirmed. */
  confirmedContacts: number;

  rehandleCount: number;
  /** The current reply's grade, set on SUBMIT_REPLY. */
  grade: ReplyGrade | null;
  /** The grade-B reply's planned date. */
  plannedAt: IsoDate | null;
  /** Set when the reply reaches the proposer (computed in APPROVE_REPLY). */
  evaluationDeadline: IsoDate | null;
  /** The lead proposer's evaluation of the current reply ('none' when the window passed). */
  evaluation: Evaluation | null;

  published: boolean;
  excellent: boolean;
  key: boolean;
  /** A grade-B promise was delivered (FULFIL). */
  fulfilled: boolean;
}

/** The context of a new draft under the given rules (defaults where not given). */
export function createInitialContext(rules: RulesOverride = {}): ProposalContext {
  return {
    rules: resolveRules(rules),
    kind: 'proposal',
    confirmedCosigners: 0,
    cosignDeadline: null,
    submittedAt: null,
    assignedAt: null,
    dueAt: null,
    originalDueAt: null,
    reassignWindowEndsAt: null,
    extensionDaysUsed: 0,
    pendingExtension: null,
    pendingReassignment: null,
    unansweredContacts: 0,
    confirmedContacts: 0,
    rehandleCount: 0,
    grade: null,
    plannedAt: null,
    evaluationDeadline: null,
    evaluation: null,
    published: false,
    excellent: false,
    key: false,
    fulfilled: false,
  };
}
