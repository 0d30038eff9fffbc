import type { Me } from '@congress/api-types';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The signed-in user as every request sees it (`@CurrentUser()`), loaded afresh on each request so that a
 * role change, a deactivation or a revoked session takes effect at once. The lifecycle builds the workflow's
 * actor facts from it:
 * - departmentIds: departments the user works for as handler or head;
 * - headOfDepartmentIds: departments the user heads (dept_head);
 * - leaderOfDepartmentIds: departments in the user's charge as leader (分管校领导);
 * - headOfDelegationIds: delegations the user heads (代表团团长); delegationId: the user's own delegation.
 */
export type AuthUser = Me;

/** AuthUser plus what the guard checks. */
export interface LoadedUser extends AuthUser {
  active: boolean;
  tokenVersion: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  roles: Me['roles'];
  language: Me['language'];
  delegation_id: string | null;
  active: boolean;
  token_version: number;
  department_ids: string[];
  head_of_department_ids: string[];
  leader_of_department_ids: string[];
  head_of_delegation_ids: string[];
}

const SQL = `
  SELECT u.id, u.username, u.display_name, u.email, u.phone, u.roles, u.language, u.delegation_id,
         u.active, u.token_version,
         ARRAY(SELECT DISTINCT m.department_id::text FROM department_members m WHERE m.user_id = u.id
               ORDER BY 1) AS department_ids,
         ARRAY(SELECT m.department_id::text FROM department_members m WHERE m.user_id = u.id AND m.role = 'head'
               ORDER BY 1) AS head_of_department_ids,
         ARRAY(SELECT d.id::text FROM departments d WHERE d.leader_id = u.id ORDER BY 1) AS leader_of_department_ids,
         ARRAY(SELECT g.id::text FROM delegations g WHERE g.head_id = u.id ORDER BY 1) AS head_of_delegation_ids
    FROM users u
   WHERE u.id = $1`;

@Injectable()
export class AuthUserService {
  constructor(private readonly db: DataSource) {}

  async load(id: string): Promise<LoadedUser | null> {
    if (!UUID.test(id)) return null;
    const rows = (await this.db.query(SQL, [id])) as Row[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
      phone: r.phone,
      roles: r.roles,
      language: r.language,
      delegationId: r.delegation_id,
      departmentIds: r.department_ids,
      headOfDepartmentIds: r.head_of_department_ids,
      leaderOfDepartmentIds: r.leader_of_department_ids,
      headOfDelegationIds: r.head_of_delegation_ids,
      active: r.active,
      tokenVersion: r.token_version,
    };
  }
}

/** The public part of a loaded user (what /api/me answers). */
export function toAuthUser(u: LoadedUser): AuthUser {
  const { active: _active, tokenVersion: _tokenVersion, ...rest } = u;
  return rest;
}
