import { type Page, passwordProblem } from '@congress/api-types';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { fieldError, rethrowUniqueViolation, updateVersioned } from '../organisation/versioned-update';
import { normalizePhone } from './contact-format';
import { DirectoryQueryDto, likePattern, UserListQueryDto } from './dto/user-query.dto';
import { AdminUserDto, CreateUserDto, DirectoryUserDto, UpdateUserDto } from './dto/user.dto';

const ADMIN_SELECT = `
  SELECT id, username, display_name AS "displayName", email, phone, roles, language, active,
         delegation_id AS "delegationId", auth_source AS "authSource", external_id AS "externalId",
         password_hash IS NOT NULL AS "hasPassword", created_at AS "createdAt", updated_at AS "updatedAt", version
    FROM users`;

const clashes = (username?: string, externalId?: string | null) => ({
  users_username_key: `username ${username} is taken`,
  users_external_id_key: `external id ${externalId} belongs to another user`,
});

/** Filters shared by the admin list and the directory; returns the WHERE clause and its parameters. */
function filters(query: DirectoryQueryDto & Partial<UserListQueryDto>, alias: string, activeOnly: boolean) {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (activeOnly) where.push(`${alias}.active`);
  else if (query.active !== undefined) where.push(`${alias}.active = ${p(query.active)}`);
  if (query.role) where.push(`${p(query.role)} = ANY(${alias}.roles)`);
  if (query.delegationId) where.push(`${alias}.delegation_id = ${p(query.delegationId)}`);
  if (query.q?.trim()) {
    const like = p(likePattern(query.q));
    const email = activeOnly ? '' : ` OR ${alias}.email ILIKE ${like}`;
    where.push(`(${alias}.username ILIKE ${like} OR ${alias}.display_name ILIKE ${like}${email})`);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function paging(query: { page?: number; pageSize?: number }, params: unknown[]) {
  const size = query.pageSize ?? 20;
  const offset = ((query.page ?? 1) - 1) * size;
  return `LIMIT $${params.push(size)} OFFSET $${params.push(offset)}`;
}

/** Accounts as the administrator manages them, and the directory every user may search. */
@Injectable()
export class UsersService {
  constructor(private readonly db: DataSource) {}

  async list(query: UserListQueryDto): Promise<Page<AdminUserDto>> {
    const { where, params } = filters(query, 'users', false);
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM users ${where}`, params)) as { total: number }[];
    const items = await this.db.query(`${ADMIN_SELECT} ${where} ORDER BY username ${paging(query, params)}`, params);
    return { items, total };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<AdminUserDto> {
    const rows = (await em.query(`${ADMIN_SELECT} WHERE id = $1`, [id])) as AdminUserDto[];
    if (!rows.length) throw new NotFoundException(`User ${id} not found`);
    return rows[0];
  }

  /** `GET /api/users`: active users, nothing private (no e-mail, no phone). */
  async directory(query: DirectoryQueryDto): Promise<Page<DirectoryUserDto>> {
    const { where, params } = filters(query, 'u', true);
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM users u ${where}`, params)) as { total: number }[];
    const items = (await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName",
              CASE WHEN g.id IS NULL THEN NULL
                   ELSE json_build_object('id', g.id, 'name', g.name, 'nameEn', g.name_en) END AS delegation
         FROM users u LEFT JOIN delegations g ON g.id = u.delegation_id
         ${where} ORDER BY u.username ${paging(query, params)}`,
      params,
    )) as DirectoryUserDto[];
    return { items, total };
  }

  async create(dto: CreateUserDto): Promise<AdminUserDto> {
    if (dto.password !== undefined) {
      const problem = passwordProblem(dto.password, dto.username);
      if (problem) throw fieldError('password', `The password ${problem}`);
    }
    const hash = dto.password !== undefined ? await hashPassword(dto.password) : null;
    return this.db.transaction(async (em) => {
      await this.requireDelegation(em, dto.delegationId);
      try {
        const rows = (await em.query(
          `INSERT INTO users (username, display_name, email, phone, roles, language, delegation_id, active,
                              auth_source, external_id, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [dto.username, dto.displayName, dto.email ?? null, phone(dto.phone) ?? null, dto.roles, dto.language ?? 'zh-CN',
            dto.delegationId ?? null, dto.active ?? true, dto.authSource ?? 'local', dto.externalId ?? null, hash],
        )) as { id: string }[];
        return this.get(rows[0].id, em);
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.username, dto.externalId));
      }
    });
  }

  async update(id: string, dto: UpdateUserDto, actorId: string): Promise<AdminUserDto> {
    if (id === actorId && dto.active === false) throw fieldError('active', 'You cannot deactivate your own account');
    if (id === actorId && dto.roles && !dto.roles.includes('admin')) {
      throw fieldError('roles', 'You cannot take the role admin from yourself');
    }
    return this.db.transaction(async (em) => {
      await this.requireDelegation(em, dto.delegationId);
      try {
        await updateVersioned(em, 'users', 'User', id, dto.version, {
          username: dto.username,
          display_name: dto.displayName,
          email: dto.email,
          phone: phone(dto.phone),
          roles: dto.roles,
          language: dto.language,
          delegation_id: dto.delegationId,
          active: dto.active,
          auth_source: dto.authSource,
          external_id: dto.externalId,
        });
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.username, dto.externalId));
      }
      // a head who left the delegation no longer heads it
      await em.query(
        `UPDATE delegations SET head_id = NULL, version = version + 1, updated_at = now()
          WHERE head_id = $1 AND id IS DISTINCT FROM (SELECT delegation_id FROM users WHERE id = $1)`,
        [id],
      );
      return this.get(id, em);
    });
  }

  /** Sets a new password (policy checked) and ends the user's sessions. */
  async resetPassword(id: string, password: string): Promise<void> {
    const user = await this.get(id);
    const problem = passwordProblem(password, user.username);
    if (problem) throw fieldError('password', `The password ${problem}`);
    const hash = await hashPassword(password);
    await this.db.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [id, hash],
    );
  }

  /** Ends every session of the user (their tokens carry the old token_version). */
  async revokeSessions(id: string): Promise<void> {
    const [, affected] = (await this.db.query(
      `UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [id],
    )) as [unknown, number];
    if (!affected) throw new NotFoundException(`User ${id} not found`);
  }

  private async requireDelegation(em: EntityManager, id: string | null | undefined) {
    if (!id) return;
    const rows = (await em.query(`SELECT 1 FROM delegations WHERE id = $1`, [id])) as unknown[];
    if (!rows.length) throw fieldError('delegationId', `unknown delegation ${id}`);
  }
}

/** undefined stays undefined (unchanged), null clears, anything else is normalised (validated already). */
function phone(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return normalizePhone(value) ?? value;
}
