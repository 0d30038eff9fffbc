import type { Language, Role } from './roles';

/** Where an account authenticates: a local password, or the university's single sign-on (CAS or OIDC). */
export const AUTH_SOURCES = ['local', 'cas', 'oidc'] as const;
export type AuthSource = (typeof AUTH_SOURCES)[number];

/** The signed-in user (`GET /api/me`, and `user` of the login answer). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  language: Language;
  /** The delegation the user belongs to as a delegate. */
  delegationId: string | null;
  /** Departments the user works for as handler or head. */
  departmentIds: string[];
  /** Departments the user heads (dept_head). */
  headOfDepartmentIds: string[];
  /** Departments in the charge of the user as leader (分管校领导). */
  leaderOfDepartmentIds: string[];
  /** Delegations the user heads (代表团团长). */
  headOfDelegationIds: string[];
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** When the token (and the cookie) expire, ISO 8601. */
  expiresAt: string;
  user: Me;
}

export interface UpdateMeRequest {
  language: Language;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The password policy, for the server and the form alike: null when acceptable, else what is wrong. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'must contain both letters and digits';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'must not be the username';
  return null;
}

/** A user as the administrator sees it. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  language: Language;
  active: boolean;
  delegationId: string | null;
  authSource: AuthSource;
  externalId: string | null;
  /** False for accounts that cannot log in with a password yet (imported, or SSO only). */
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  roles: Role[];
  language?: Language;
  delegationId?: string | null;
  active?: boolean;
  password?: string;
  authSource?: AuthSource;
  externalId?: string | null;
}

export type UpdateUserRequest = Partial<Omit<CreateUserRequest, 'password'>> & { version: number };

export interface ResetPasswordRequest {
  password: string;
}

/** One entry of the user directory (`GET /api/users`): nothing private. */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  delegation: { id: string; name: string; nameEn: string | null } | null;
}

/** The answer of `POST /api/admin/roster/import`. */
export interface RosterImportResult {
  dryRun: boolean;
  imported: number;
  created: number;
  updated: number;
}
