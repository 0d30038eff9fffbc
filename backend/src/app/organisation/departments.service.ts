import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdminDepartmentDto, CreateDepartmentDto, DepartmentDto, DepartmentMembersDto, UpdateDepartmentDto } from './dto/department.dto';
import { grantRole, requireUsers, rethrowUniqueViolation, updateVersioned } from './versioned-update';

const userRef = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'displayName', ${alias}.display_name)`;
const members = (role: string) => `COALESCE((
    SELECT json_agg(${userRef('u')} ORDER BY u.username)
      FROM department_members m JOIN users u ON u.id = m.user_id
     WHERE m.department_id = d.id AND m.role = '${role}'), '[]'::json)`;

const SELECT = `
  SELECT d.id, d.code, d.name, d.name_en AS "nameEn", d.active, d.version,
         CASE WHEN l.id IS NULL THEN NULL ELSE ${userRef('l')} END AS leader,
         ${members('handler')} AS handlers, ${members('head')} AS heads
    FROM departments d LEFT JOIN users l ON l.id = d.leader_id`;

const clashes = (code?: string, name?: string) => ({
  departments_code_key: `department code ${code} is taken`,
  departments_name_key: `department name ${name} is taken`,
});

/** 承办单位: admin edits, members (handlers and heads), the leader in charge. */
@Injectable()
export class DepartmentsService {
  constructor(private readonly db: DataSource) {}

  async list(opts: { activeOnly?: boolean } = {}): Promise<AdminDepartmentDto[]> {
    return this.db.query(`${SELECT} ${opts.activeOnly ? 'WHERE d.active' : ''} ORDER BY d.code`);
  }

  /** The public shape for any logged-in user (active departments). */
  async listPublic(): Promise<DepartmentDto[]> {
    const all = await this.list({ activeOnly: true });
    return all.map(({ id, code, name, nameEn, leader }) => ({ id, code, name, nameEn, leader }));
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<AdminDepartmentDto> {
    const rows = (await em.query(`${SELECT} WHERE d.id = $1`, [id])) as AdminDepartmentDto[];
    if (!rows.length) throw new NotFoundException(`Department ${id} not found`);
    return rows[0];
  }

  async create(dto: CreateDepartmentDto): Promise<AdminDepartmentDto> {
    return this.db.transaction(async (em) => {
      if (dto.leaderId) await requireUsers(em, 'leaderId', [dto.leaderId]);
      let id: string;
      try {
        const rows = (await em.query(
          `INSERT INTO departments (code, name, name_en, leader_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [dto.code, dto.name, dto.nameEn ?? null, dto.leaderId ?? null],
        )) as { id: string }[];
        id = rows[0].id;
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.code, dto.name));
      }
      if (dto.leaderId) await grantRole(em, 'leader', [dto.leaderId]);
      return this.get(id, em);
    });
  }

  async update(id: string, dto: UpdateDepartmentDto): Promise<AdminDepartmentDto> {
    return this.db.transaction(async (em) => {
      if (dto.leaderId) await requireUsers(em, 'leaderId', [dto.leaderId]);
      try {
        await updateVersioned(em, 'departments', 'Department', id, dto.version, {
          code: dto.code,
          name: dto.name,
          name_en: dto.nameEn,
          leader_id: dto.leaderId,
          active: dto.active,
        });
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.code, dto.name));
      }
      if (dto.leaderId) await grantRole(em, 'leader', [dto.leaderId]);
      return this.get(id, em);
    });
  }

  /** Replaces the handlers and heads; they get the roles handler and dept_head. */
  async setMembers(id: string, dto: DepartmentMembersDto): Promise<AdminDepartmentDto> {
    return this.db.transaction(async (em) => {
      const found = (await em.query(`SELECT id FROM departments WHERE id = $1 FOR UPDATE`, [id])) as unknown[];
      if (!found.length) throw new NotFoundException(`Department ${id} not found`);
      await requireUsers(em, 'handlerIds', dto.handlerIds);
      await requireUsers(em, 'headIds', dto.headIds);
      await em.query(`DELETE FROM department_members WHERE department_id = $1`, [id]);
      await em.query(
        `INSERT INTO department_members (department_id, user_id, role)
         SELECT $1::uuid, u, 'handler' FROM unnest($2::uuid[]) AS u
         UNION SELECT $1::uuid, u, 'head' FROM unnest($3::uuid[]) AS u`,
        [id, dto.handlerIds, dto.headIds],
      );
      await grantRole(em, 'handler', dto.handlerIds);
      await grantRole(em, 'dept_head', dto.headIds);
      await em.query(`UPDATE departments SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      return this.get(id, em);
    });
  }
}
