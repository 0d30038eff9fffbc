/**
 * The API shapes the frontend uses. Shared ones come from @congress/api-types; the rest of the app
 * imports them from here, so the frontend has one place to follow changes of the shared lib.
 */
import type { Me } from '@congress/api-types';

export { LANGUAGES, ROLES } from '@congress/api-types';
export type {
  AdminUser,
  Language,
  LoginRequest,
  LoginResponse,
  Page,
  Role,
  RosterImportResult,
  RowError,
} from '@congress/api-types';

/** The signed-in user (`GET /api/me`, `user` of the login answer). */
export type User = Me;

/** Lifecycle state names: the contract between libs, API and UI (domain.md). */
export const PROPOSAL_STATES = [
  'draft',
  'cosigning',
  'delegationReview',
  'submitted',
  'accepted',
  'classified',
  'handling',
  'handling.drafting',
  'handling.replyReview',
  'handling.leaderSignoff',
  'handling.committeeReplyCheck',
  'handling.reassignmentRequested',
  'replied',
  'disputed',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
] as const;

export type ProposalState = (typeof PROPOSAL_STATES)[number];
