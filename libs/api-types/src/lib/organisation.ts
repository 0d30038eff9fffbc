/** A person named in organisation answers. */
export interface UserRef {
  id: string;
  username: string;
  displayName: string;
}

/** `GET /api/departments` (承办单位). */
export interface Department {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  leader: UserRef | null;
}

export interface AdminDepartment extends Department {
  active: boolean;
  handlers: UserRef[];
  heads: UserRef[];
  version: number;
}

export interface CreateDepartmentRequest {
  code: string;
  name: string;
  nameEn?: string | null;
  leaderId?: string | null;
}
export type UpdateDepartmentRequest = Partial<CreateDepartmentRequest> & { active?: boolean; version: number };
export interface DepartmentMembersRequest {
  handlerIds: string[];
  headIds: string[];
}

/** 代表团. */
export interface Delegation {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  head: UserRef | null;
  delegates: UserRef[];
  version: number;
}
export interface CreateDelegationRequest {
  code: string;
  name: string;
  nameEn?: string | null;
  headId?: string | null;
}
export type UpdateDelegationRequest = Partial<CreateDelegationRequest> & { version: number };
export interface DelegationDelegatesRequest {
  userIds: string[];
}

export type DayCounting = 'working' | 'calendar';
export const PERIOD_RULE_NAMES = [
  'cosignWindowDays',
  'reviewTargetDays',
  'reassignmentWindowDays',
  'handlingDays',
  'maxExtensionDays',
  'evaluationWindowDays',
] as const;
export type PeriodRuleName = (typeof PERIOD_RULE_NAMES)[number];

/**
 * A session's rules as the API shows them: always complete (the defaults of domain.md filled in).
 * Mirrors `SessionRules` of @congress/workflow (the types lib may not import the domain lib; the backend
 * checks at compile time that the two agree).
 */
export interface SessionRulesView {
  minCosigners: number;
  cosignWindowDays: number;
  reviewTargetDays: number;
  reassignmentWindowDays: number;
  handlingDays: number;
  maxExtensionDays: number;
  delegationApproval: boolean;
  leaderSignoff: boolean;
  committeeReplyCheck: boolean;
  requireConfirmedContact: boolean;
  evaluationWindowDays: number;
  unevaluatedOutcome: 'none' | 'satisfied' | 'basicallySatisfied';
  maxRehandle: number;
  dayCounting: Record<PeriodRuleName, DayCounting>;
}

export type SessionRulesInput = Partial<Omit<SessionRulesView, 'dayCounting'>> & {
  dayCounting?: Partial<Record<PeriodRuleName, DayCounting>>;
};

/** 届次/会议: e.g. 第五届教职工代表大会第三次会议. */
export interface CongressSession {
  id: string;
  term: number;
  meeting: number;
  title: string;
  titleEn: string | null;
  /** The year in proposal numbers (2026-007). */
  year: number;
  opensAt: string;
  closesAt: string;
  rules: SessionRulesView;
  isCurrent: boolean;
  version: number;
}

export interface CreateSessionRequest {
  term: number;
  meeting: number;
  title: string;
  titleEn?: string | null;
  year: number;
  opensAt: string;
  closesAt: string;
  rules?: SessionRulesInput;
  isCurrent?: boolean;
}
export type UpdateSessionRequest = Partial<CreateSessionRequest> & { version: number };

/** 类别. */
export interface Category {
  id: string;
  name: string;
  nameEn: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
}
export interface CreateCategoryRequest {
  name: string;
  nameEn?: string | null;
  sortOrder?: number;
  active?: boolean;
}
export type UpdateCategoryRequest = Partial<CreateCategoryRequest> & { version: number };

/** The working-day calendar: public holidays, make-up working days (调休) and term breaks. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'break'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  kind: CalendarDayKind;
  note: string | null;
}
export interface PutCalendarDayRequest {
  kind: CalendarDayKind;
  note?: string | null;
}

/** `GET /api/calendar/deadline?days=&counting=[&from=]`: a due date as the server computes it (admin calendar included). */
export interface DeadlinePreview {
  /** The instant the period ends: the end of the due day in the university's time zone. */
  dueAt: string;
  /** The due day, YYYY-MM-DD, in the university's time zone. */
  dueDay: string;
}
