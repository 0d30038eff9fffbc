/**
 * The proposals API (domain.md, "The HTTP API's fixed points"). State and event names are those of the
 * workflow library (`handling.drafting`, `SUBMIT_REPLY`…); they are plain strings here because the types lib
 * does not import the domain lib.
 */
import type { UserRef } from './organisation';

export type ProposalKind = 'proposal' | 'suggestion';
export type CosignerStatus = 'invited' | 'confirmed' | 'declined';
export type ReplyGrade = 'A' | 'B' | 'C';
export type Satisfaction = 'satisfied' | 'basicallySatisfied' | 'unsatisfied';

/** Minimum lengths a proposal needs before SUBMIT (drafts may be shorter). */
export const PROPOSAL_TITLE_MAX = 200;
export const PROPOSAL_BACKGROUND_MIN = 50;
export const PROPOSAL_SUGGESTIONS_MIN = 30;

export interface CreateProposalRequest {
  sessionId: string;
  title: string;
  background?: string;
  suggestions?: string;
  suggestedCategoryId?: string | null;
  suggestedDepartmentIds?: string[];
  contactPhone?: string | null;
  cosignerIds?: string[];
  /** Filed by the delegation the caller heads (集体提案). */
  collective?: boolean;
}

export type UpdateProposalRequest = Partial<Omit<CreateProposalRequest, 'sessionId' | 'cosignerIds' | 'collective'>> & {
  expectedVersion: number;
};

export interface InviteCosignersRequest {
  userIds: string[];
  expectedVersion: number;
}

/** `POST /api/proposals/:id/events`: the type, the version the client saw, and the event's payload fields. */
export interface ProposalEventRequest {
  type: string;
  expectedVersion: number;
  [payload: string]: unknown;
}

export interface ProposalListQuery {
  /** A state, prefix-matched: `handling` finds `handling.drafting` and the other handling states. */
  state?: string;
  sessionId?: string;
  categoryId?: string;
  departmentId?: string;
  q?: string;
  /** Only proposals where the caller is lead proposer or co-signer. */
  mine?: boolean;
  /** Only proposals in handling past their due date. */
  overdue?: boolean;
  /** Only published (true) or only unpublished (false) proposals. */
  published?: boolean;
  page?: number;
  pageSize?: number;
  /** `createdAt`, `updatedAt`, `submittedAt`, `dueAt`, `number`, `title`; `-` in front for descending. */
  sort?: string;
}

export interface ProposalSummary {
  id: string;
  sessionId: string;
  kind: ProposalKind;
  collective: boolean;
  title: string;
  state: string;
  version: number;
  number: string | null;
  leadProposer: UserRef;
  categoryId: string | null;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  dueAt: string | null;
  overdue: boolean;
  isKey: boolean;
  excellent: boolean;
  published: boolean;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalCosigner {
  user: UserRef;
  status: CosignerStatus;
  source: 'invited' | 'open' | 'merge';
  respondedAt: string | null;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  replyId: string | null;
  uploadedBy: string;
  createdAt: string;
}

export interface ProposalReply {
  id: string;
  round: number;
  departmentId: string;
  author: UserRef;
  grade: ReplyGrade;
  content: string;
  plannedAt: string | null;
  status: 'pending' | 'sentBack' | 'approved';
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface ProposalContribution {
  id: string;
  round: number;
  departmentId: string;
  author: UserRef;
  content: string;
  createdAt: string;
}

export interface ProposalContact {
  id: string;
  departmentId: string;
  loggedBy: UserRef;
  method: string;
  content: string;
  contactedAt: string;
  status: 'pending' | 'confirmed' | 'disputed';
  proposerComment: string | null;
  answeredAt: string | null;
}

export interface ProposalEvaluation {
  id: string;
  round: number;
  evaluator: UserRef;
  role: 'lead' | 'cosigner';
  satisfaction: Satisfaction;
  comment: string | null;
  createdAt: string;
}

export interface ProposalComment {
  id: string;
  author: UserRef;
  kind: 'comment' | 'progress';
  internal: boolean;
  content: string;
  createdAt: string;
}

export interface ProposalRequestRecord {
  id: string;
  kind: 'extension' | 'reassignment';
  departmentId: string | null;
  requestedBy: UserRef;
  reason: string;
  requestedDueAt: string | null;
  extensionDays: number | null;
  /** `lapsed`: the handling period ended (reply approved, reassigned) before the committee decided. */
  status: 'pending' | 'approved' | 'denied' | 'lapsed';
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** A query of `GET /api/proposal-requests`: the extension and reassignment requests the caller may decide or follow. */
export interface ProposalRequestQuery {
  /** Default `pending`. */
  status?: ProposalRequestRecord['status'];
  kind?: ProposalRequestRecord['kind'];
  sessionId?: string;
  departmentId?: string;
  page?: number;
  pageSize?: number;
}

/** One request with what a decision needs about its proposal. */
export interface ProposalRequestItem extends ProposalRequestRecord {
  proposal: {
    id: string;
    number: string | null;
    title: string;
    state: string;
    version: number;
    dueAt: string | null;
    leadDepartment: { id: string; name: string; nameEn: string | null } | null;
  };
  department: { id: string; name: string; nameEn: string | null } | null;
}

export interface ProposalRequestPage {
  items: ProposalRequestItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProposalDetail extends ProposalSummary {
  background: string;
  suggestions: string;
  suggestedCategoryId: string | null;
  suggestedDepartmentIds: string[];
  /** Only for the proposer, the committee and the assigned departments. */
  contactPhone: string | null;
  delegationId: string | null;
  mergedIntoId: string | null;
  evaluation: string | null;
  acceptedAt: string | null;
  assignedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  fulfilledAt: string | null;
  cosignDeadline: string | null;
  evaluationDeadline: string | null;
  reassignWindowEndsAt: string | null;
  rehandleCount: number;
  /** Event types the caller may send now. */
  availableEvents: string[];
  cosigners: ProposalCosigner[];
  replies: ProposalReply[];
  contributions: ProposalContribution[];
  contacts: ProposalContact[];
  evaluations: ProposalEvaluation[];
  /** Internal comments only for the committee. */
  comments: ProposalComment[];
  requests: ProposalRequestRecord[];
  attachments: AttachmentInfo[];
}

export interface ProposalHistoryEntry {
  seq: number;
  from: string | null;
  to: string;
  event: string;
  actor: UserRef | null;
  payload: Record<string, unknown>;
  comment: string | null;
  at: string;
  hash: string;
}

export interface SimilarProposal {
  id: string;
  sessionId: string;
  title: string;
  number: string | null;
  state: string;
  score: number;
  reply: { grade: ReplyGrade; content: string; repliedAt: string | null } | null;
}
