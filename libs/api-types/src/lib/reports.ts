/**
 * Figures the committee reports and discloses (domain.md, "Figures the committee reports"). One definition of
 * each lives in the backend's app/reports/figures.sql.ts; the dashboard, the portal and the exports all read
 * these shapes. Rates are fractions 0..1, or null when their denominator is 0.
 */
export interface FigureCounts {
  /** Reached the committee: submitted at least once and not back in draft/co-signing/delegation review. */
  received: number;
  /** 立案: numbered proposals of kind `proposal` (converted suggestions are counted apart). */
  accepted: number;
  merged: number;
  rejected: number;
  /** Converted to a suggestion (kind `suggestion`). */
  converted: number;
  withdrawn: number;
  /** Received and still waiting for the committee's decision. */
  pendingReview: number;
  /** 立案率 = accepted / received. */
  acceptanceRate: number | null;
  /** Handed to a department (ASSIGN), proposals and suggestions. */
  assigned: number;
  /** Being handled now (a handling state). */
  inHandling: number;
  /** The reply in force was approved and reached the proposer (replied, disputed or closed with a reply). */
  replied: number;
  /** Of `replied`: approved on or before the due date in force (extensions included). */
  repliedOnTime: number;
  /** 按期答复率 = repliedOnTime / replied. */
  onTimeRate: number | null;
  /** In handling and past the due date now. */
  overdueNow: number;
  gradeA: number;
  gradeB: number;
  gradeC: number;
  /** The lead proposer evaluated the reply in force (proposals only; suggestions are not evaluated). */
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** The evaluation window passed without an evaluation (evaluation "none"). */
  notEvaluated: number;
  /** Replied and the evaluation window still open. */
  awaitingEvaluation: number;
  /** 满意率 = (satisfied + basicallySatisfied) / evaluated. */
  satisfactionRate: number | null;
  /** Proposals re-handled at least once. */
  rehandled: number;
  /** Median of (reply approved − first assignment), in days, over replied ones. */
  medianDaysToReply: number | null;
  /** Replies in force of grade B whose promise was fulfilled (FULFIL) vs still open. */
  promisesFulfilled: number;
  promisesOpen: number;
  /** Contacts logged by departments, as the lead proposer answered them. */
  contactsConfirmed: number;
  contactsDisputed: number;
  contactsPending: number;
}

export type FiguresBy = 'category' | 'department';

export interface FigureGroup extends FigureCounts {
  /** The category or (lead) department id; null for "not yet classified/assigned". */
  id: string | null;
  name: string | null;
  nameEn: string | null;
}

export interface ReportSession {
  id: string;
  title: string;
  titleEn: string | null;
  year: number;
  term: number;
  meeting: number;
}

export interface FiguresReport {
  session: ReportSession;
  generatedAt: string;
  /** Set when the figures are limited to some departments (a leader's). */
  departmentIds: string[] | null;
  total: FigureCounts;
  by: FiguresBy | null;
  groups: FigureGroup[];
}

export interface TrendPoint extends FigureCounts {
  session: ReportSession;
}

export interface TrendsReport {
  generatedAt: string;
  departmentIds: string[] | null;
  points: TrendPoint[];
}

/** 检查评议: one department's row of the evaluation, ranked. */
export interface DepartmentEvaluationRow extends FigureGroup {
  rank: number;
}

export interface DepartmentEvaluationReport {
  session: ReportSession;
  generatedAt: string;
  /** How the ranking is ordered, in words. */
  rankedBy: string;
  rows: DepartmentEvaluationRow[];
}

/** The public response-time table (per lead department). */
export interface PublicResponseTimeRow {
  departmentId: string;
  name: string;
  nameEn: string | null;
  assigned: number;
  replied: number;
  repliedOnTime: number;
  onTimeRate: number | null;
  overdueNow: number;
  medianDaysToReply: number | null;
  evaluated: number;
  satisfactionRate: number | null;
}

export interface PublicSession extends ReportSession {
  isCurrent: boolean;
  publishedCount: number;
}

export interface PublicNamed {
  id: string;
  name: string;
  nameEn: string | null;
}

/** A published proposal as anyone may see it: no phone, no internal comment, no account data. */
export interface PublicProposalSummary {
  id: string;
  number: string | null;
  title: string;
  kind: 'proposal' | 'suggestion';
  state: string;
  session: { id: string; title: string; titleEn: string | null; year: number };
  category: PublicNamed | null;
  leadDepartment: PublicNamed | null;
  coDepartments: PublicNamed[];
  /** Display names only: a congress discloses who proposed. */
  leadProposerName: string;
  collective: boolean;
  delegationName: string | null;
  grade: 'A' | 'B' | 'C' | null;
  evaluation: 'satisfied' | 'basicallySatisfied' | 'unsatisfied' | 'none' | null;
  excellent: boolean;
  publishedAt: string | null;
}

export interface PublicReply {
  departmentName: string | null;
  departmentNameEn: string | null;
  round: number;
  grade: 'A' | 'B' | 'C';
  content: string;
  plannedAt: string | null;
  repliedAt: string | null;
}

export interface PublicProposal extends PublicProposalSummary {
  background: string;
  suggestions: string;
  cosignerNames: string[];
  replies: PublicReply[];
  promiseFulfilled: boolean;
  repliedAt: string | null;
}

/** GET /api/public/figures: the same figures, per session, category and lead department. */
export interface PublicFiguresReport {
  session: ReportSession;
  generatedAt: string;
  total: FigureCounts;
  byCategory: FigureGroup[];
  byDepartment: FigureGroup[];
}
