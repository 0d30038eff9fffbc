import type { ProposalRequestItem, ProposalRequestPage } from '@congress/api-types';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { ProposalRequestQueryDto } from './dto/request-query.dto';

interface Row {
  id: string;
  kind: ProposalRequestItem['kind'];
  department_id: string | null;
  department_name: string | null;
  department_name_en: string | null;
  requested_by: ProposalRequestItem['requestedBy'];
  reason: string;
  requested_due_at: Date | null;
  extension_days: number | null;
  status: ProposalRequestItem['status'];
  decision_comment: string | null;
  decided_at: Date | null;
  created_at: Date;
  proposal_id: string;
  number_label: string | null;
  title: string;
  state: string;
  version: number;
  due_at: Date | null;
  lead_id: string | null;
  lead_name: string | null;
  lead_name_en: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const dept = (id: string | null, name: string | null, nameEn: string | null) => (id && name ? { id, name, nameEn } : null);

/**
 * `GET /api/proposal-requests`: the extension (延期) and reassignment (改派) requests of departments, for the
 * committee that decides them (all of them) and for department staff who follow their own (their departments').
 * The decisions themselves are workflow events on the proposal (APPROVE_EXTENSION, REASSIGN, …).
 */
@Injectable()
export class ProposalRequestsService {
  constructor(private readonly db: DataSource) {}

  async list(user: AuthUser, query: ProposalRequestQueryDto): Promise<ProposalRequestPage> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['pr.deleted_at IS NULL', `r.status = ${p(query.status ?? 'pending')}`];
    if (!user.roles.includes('committee')) {
      const own = [...new Set([...user.departmentIds, ...user.headOfDepartmentIds])];
      if (!own.length) throw new ForbiddenException('Only the proposal committee and department staff can see extension and reassignment requests');
      where.push(`r.department_id = ANY(${p(own)}::uuid[])`);
    }
    if (query.kind) where.push(`r.kind = ${p(query.kind)}`);
    if (query.sessionId) where.push(`pr.session_id = ${p(query.sessionId)}`);
    if (query.departmentId) where.push(`r.department_id = ${p(query.departmentId)}`);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const whereSql = where.join(' AND ');
    const countParams = [...params];
    const rows = (await this.db.query(
      `SELECT r.id, r.kind, r.department_id, d.name AS department_name, d.name_en AS department_name_en,
              json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name) AS requested_by,
              r.reason, r.requested_due_at, r.extension_days, r.status, r.decision_comment, r.decided_at, r.created_at,
              pr.id AS proposal_id, pr.number_label, pr.title, pr.state, pr.version, pr.due_at,
              ld.id AS lead_id, ld.name AS lead_name, ld.name_en AS lead_name_en
         FROM proposal_requests r
         JOIN proposals pr ON pr.id = r.proposal_id
         JOIN users u ON u.id = r.requested_by
         LEFT JOIN departments d ON d.id = r.department_id
         LEFT JOIN departments ld ON ld.id = pr.lead_department_id
        WHERE ${whereSql}
        ORDER BY r.created_at ${query.status && query.status !== 'pending' ? 'DESC' : 'ASC'}, r.id
        LIMIT ${p(pageSize)} OFFSET ${p((page - 1) * pageSize)}`,
      params,
    )) as Row[];
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM proposal_requests r JOIN proposals pr ON pr.id = r.proposal_id WHERE ${whereSql}`,
      countParams,
    )) as { total: number }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        departmentId: r.department_id,
        department: dept(r.department_id, r.department_name, r.department_name_en),
        requestedBy: r.requested_by,
        reason: r.reason,
        requestedDueAt: iso(r.requested_due_at),
        extensionDays: r.extension_days,
        status: r.status,
        decisionComment: r.decision_comment,
        decidedAt: iso(r.decided_at),
        createdAt: r.created_at.toISOString(),
        proposal: {
          id: r.proposal_id,
          number: r.number_label,
          title: r.title,
          state: r.state,
          version: r.version,
          dueAt: iso(r.due_at),
          leadDepartment: dept(r.lead_id, r.lead_name, r.lead_name_en),
        },
      })),
      total,
      page,
      pageSize,
    };
  }
}
