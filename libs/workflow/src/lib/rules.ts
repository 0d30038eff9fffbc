/**
 * Per-session rules (domain.md, Rules). A proposal's machine context carries a copy of its session's rules,
 * taken when the proposal is created, so a proposal that carries over into a new session keeps its own.
 */

export type DayCounting = 'working' | 'calendar';

/** The rules that are periods; each counts in working or calendar days. */
export const PERIOD_RULES = [
  'cosignWindowDays',
  'reviewTargetDays',
  'reassignmentWindowDays',
  'handlingDays',
  'maxExtensionDays',
  'evaluationWindowDays',
] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

/** What the evaluation becomes when the lead proposer lets the evaluation window pass. */
export type UnevaluatedOutcome = 'none' | 'satisfied' | 'basicallySatisfied';

export interface SessionRules {
  /** Confirmed co-signers needed before the proposal goes on to review. */
  minCosigners: number;
  /** Co-sign window after SUBMIT. */
  cosignWindowDays: number;
  /** Committee review target after the proposal reaches `submitted` (a reminder, not a transition). */
  reviewTargetDays: number;
  /** A department may request reassignment only this long after ASSIGN/REASSIGN. */
  reassignmentWindowDays: number;
  /** dueAt = ASSIGN + this, unless the committee gives a date. */
  handlingDays: number;
  /** Extensions of one handling period, in total, at most this long. */
  maxExtensionDays: number;
  /** The delegation head approves (or returns) before the committee sees the proposal. */
  delegationApproval: boolean;
  /** The leader in charge signs the reply off after the department head. */
  leaderSignoff: boolean;
  /** The committee checks the reply before it goes to the proposer. */
  committeeReplyCheck: boolean;
  /** SUBMIT_REPLY needs at least one logged contact that the lead proposer confirmed. */
  requireConfirmedContact: boolean;
  /** Evaluation window after the reply reaches the proposer. */
  evaluationWindowDays: number;
  /** What the evaluation is recorded as when the window passes (domain default: 'none'). */
  unevaluatedOutcome: UnevaluatedOutcome;
  /** REHANDLE allowed this many times. */
  maxRehandle: number;
  /** How each period counts. The backend resolves dates with the admin-kept calendar. */
  dayCounting: Record<PeriodRule, DayCounting>;
}

/**
 * Defaults from domain.md. Every period counts in calendar days by default (that is what most
 * regulations write: "60 days"); an admin switches a rule to working days per session.
 */
export const DEFAULT_RULES: Readonly<SessionRules> = Object.freeze({
  minCosigners: 2,
  cosignWindowDays: 7,
  reviewTargetDays: 15,
  reassignmentWindowDays: 5,
  handlingDays: 60,
  maxExtensionDays: 60,
  delegationApproval: false,
  leaderSignoff: false,
  committeeReplyCheck: false,
  requireConfirmedContact: false,
  evaluationWindowDays: 15,
  unevaluatedOutcome: 'none',
  maxRehandle: 1,
  dayCounting: Object.freeze({
    cosignWindowDays: 'calendar',
    reviewTargetDays: 'calendar',
    reassignmentWindowDays: 'calendar',
    handlingDays: 'calendar',
    maxExtensionDays: 'calendar',
    evaluationWindowDays: 'calendar',
  }) as Record<PeriodRule, DayCounting>,
});

export type RulesOverride = Partial<Omit<SessionRules, 'dayCounting'>> & {
  dayCounting?: Partial<Record<PeriodRule, DayCounting>>;
};

/** The defaults with a session's overrides on top (dayCounting merged per rule). A fresh object. */
export function resolveRules(overrides: RulesOverride = {}): SessionRules {
  const { dayCounting, ...rest } = overrides;
  return {
    ...DEFAULT_RULES,
    ...stripUndefined(rest),
    dayCounting: { ...DEFAULT_RULES.dayCounting, ...stripUndefined(dayCounting ?? {}) },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
