import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CreateDelegationDto, DelegationDelegatesDto, DelegationDto, UpdateDelegationDto } from './dto/delegation.dto';
import { fieldError, grantRole, requireUsers, rethrowUniqueViolation, updateVersioned } from './versioned-update';

const userRef = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'displayName', ${alias}.display_name)`;

const SELECT = `
  SELECT g.id, g.code, g.name, g.name_en AS "nameEn", g.version,
         CASE WHEN h.id IS NULL THEN NULL ELSE ${userRef('h')} END AS head,
         COALESCE((SELECT json_agg(${userRef('u')} ORDER BY u.username) FROM users u WHERE u.delegation_id = g.id),
                  '[]'::json) AS delegates
    FROM delegations g LEFT JOIN users h ON h.id = g.head_id`;

const clashes = (code?: string, name?: string) => ({
  delegations_code_key: `delegation code ${code} is taken`,
  delegations_name_key: `delegation name ${name} is taken`,
});

/** 代表团: admin edits, the delegates (users.delegation_id) and the head. */
@Injectable()
export class DelegationsService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<DelegationDto[]> {
    return this.db.query(`${SELECT} ORDER BY g.code`);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<DelegationDto> {
    const rows = (await em.query(`${SELECT} WHERE g.id = $1`, [id])) as DelegationDto[];
    if (!rows.length) throw new NotFoundException(`Delegation ${id} not found`);
    return rows[0];
  }

  async create(dto: CreateDelegationDto): Promise<DelegationDto> {
    return this.db.transaction(async (em) => {
      let id: string;
      try {
        const rows = (await em.query(`INSERT INTO delegations (code, name, name_en) VALUES ($1, $2, $3) RETURNING id`, [
          dto.code,
          dto.name,
          dto.nameEn ?? null,
        ])) as { id: string }[];
        id = rows[0].id;
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.code, dto.name));
      }
      if (dto.headId) {
        await this.admitHead(em, id, dto.headId);
        await em.query(`UPDATE delegations SET head_id = $2 WHERE id = $1`, [id, dto.headId]);
      }
      return this.get(id, em);
    });
  }

  async update(id: string, dto: UpdateDelegationDto): Promise<DelegationDto> {
    return this.db.transaction(async (em) => {
      if (dto.headId) await requireUsers(em, 'headId', [dto.headId]);
      try {
        await updateVersioned(em, 'delegations', 'Delegation', id, dto.version, {
          code: dto.code,
          name: dto.name,
          name_en: dto.nameEn,
          head_id: dto.headId,
        });
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.code, dto.name));
      }
      if (dto.headId) await this.admitHead(em, id, dto.headId);
      return this.get(id, em);
    });
  }

  /** Replaces the delegates: listed users join (leaving any other delegation), the others leave. */
  async setDelegates(id: string, dto: DelegationDelegatesDto): Promise<DelegationDto> {
    return this.db.transaction(async (em) => {
      const rows = (await em.query(`SELECT head_id FROM delegations WHERE id = $1 FOR UPDATE`, [id])) as {
        head_id: string | null;
      }[];
      if (!rows.length) throw new NotFoundException(`Delegation ${id} not found`);
      await requireUsers(em, 'userIds', dto.userIds);
      const head = rows[0].head_id;
      if (head && !dto.userIds.includes(head)) {
        throw fieldError('userIds', 'The head of the delegation must stay one of its delegates; choose another head first');
      }
      await em.query(
        `UPDATE users SET delegation_id = NULL, updated_at = now(), version = version + 1
          WHERE delegation_id = $1 AND NOT (id = ANY($2::uuid[]))`,
        [id, dto.userIds],
      );
      await em.query(
        `UPDATE users SET delegation_id = $1, updated_at = now(), version = version + 1
          WHERE id = ANY($2::uuid[]) AND delegation_id IS DISTINCT FROM $1`,
        [id, dto.userIds],
      );
      // a head who moved to this delegation no longer heads the one they left
      await em.query(`UPDATE delegations SET head_id = NULL, updated_at = now(), version = version + 1
                        WHERE id <> $1 AND head_id = ANY($2::uuid[])`, [id, dto.userIds]);
      await grantRole(em, 'delegate', dto.userIds);
      await em.query(`UPDATE delegations SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      return this.get(id, em);
    });
  }

  /** The head must be a delegate of this delegation; a user in no delegation joins it. */
  private async admitHead(em: EntityManager, delegationId: string, userId: string) {
    await requireUsers(em, 'headId', [userId]);
    const rows = (await em.query(
      `SELECT u.delegation_id, g.name FROM users u LEFT JOIN delegations g ON g.id = u.delegation_id WHERE u.id = $1`,
      [userId],
    )) as { delegation_id: string | null; name: string | null }[];
    const current = rows[0].delegation_id;
    if (current && current !== delegationId) {
      throw fieldError('headId', `The head must be a delegate of this delegation, not of ${rows[0].name}`);
    }
    if (!current) {
      await em.query(`UPDATE users SET delegation_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
        userId,
        delegationId,
      ]);
    }
    await grantRole(em, 'delegate', [userId]);
    await grantRole(em, 'delegation_head', [userId]);
  }
}
