import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { searchCondition, stateCondition, visibleTo } from '../proposals/visibility.sql';
import { RECEIVED } from '../reports/figures.sql';
import { actorFactsOf } from '../workflow/proposal-facts';
import type { ExportQueryDto } from './dto/export-query.dto';

/** One proposal as the exports print it (names, not ids; never the contact phone). */
export interface ExportRow {
  id: string;
  createdAt: Date;
  series: string | null;
  number: number | null;
  numberLabel: string | null;
  title: string;
  kind: 'proposal' | 'suggestion';
  state: string;
  sessionTitle: string;
  categoryName: string | null;
  leadDepartmentName: string | null;
  coDepartmentNames: string[];
  leadProposerName: string;
  cosignerNames: string[];
  delegationName: string | null;
  submittedAt: Date | null;
  dueAt: Date | null;
  repliedAt: Date | null;
  grade: string | null;
  evaluation: string | null;
  published: boolean;
  background: string;
  suggestions: string;
  /** The last approved reply (the one in force, or the previous round's while a re-handling is under way). */
  replyContent: string | null;
  replyDepartmentName: string | null;
  replyPlannedAt: Date | null;
}

const COLUMNS = `p.id, p.created_at AS "createdAt", p.series, p.number, p.number_label AS "numberLabel", p.title, p.kind, p.state,
  s.title AS "sessionTitle", c.name AS "categoryName", d.name AS "leadDepartmentName",
  ARRAY(SELECT cd.name FROM departments cd WHERE cd.id = ANY(p.co_department_ids) ORDER BY cd.code) AS "coDepartmentNames",
  lu.display_name AS "leadProposerName",
  ARRAY(SELECT u.display_name FROM proposal_cosigners pc JOIN users u ON u.id = pc.user_id
         WHERE pc.proposal_id = p.id AND pc.status = 'confirmed' ORDER BY pc.responded_at) AS "cosignerNames",
  g.name AS "delegationName", p.submitted_at AS "submittedAt", p.due_at AS "dueAt", p.replied_at AS "repliedAt",
  r.grade, p.evaluation, p.published,
  p.background, p.suggestions, r.content AS "replyContent", rd.name AS "replyDepartmentName", r.planned_at AS "replyPlannedAt"`;

const FROM = `FROM proposals p
  JOIN congress_sessions s ON s.id = p.session_id
  JOIN users lu ON lu.id = p.lead_proposer_id
  LEFT JOIN categories c ON c.id = p.category_id
  LEFT JOIN departments d ON d.id = p.lead_department_id
  LEFT JOIN delegations g ON g.id = p.delegation_id
  LEFT JOIN LATERAL (SELECT rr.grade, rr.content, rr.department_id, rr.planned_at FROM proposal_replies rr
     WHERE rr.proposal_id = p.id AND rr.status = 'approved' AND p.replied_at IS NOT NULL
     ORDER BY rr.decided_at DESC LIMIT 1) r ON true
  LEFT JOIN departments rd ON rd.id = r.department_id`;

export type RowSet = 'list' | 'accepted';

/**
 * The proposals of an export in batches, with keyset paging, so that no export holds the whole result:
 * - `list`: what the caller sees in the proposal list with the same filters, oldest first;
 * - `accepted`: the accepted proposals (the figures' definition of 立案: numbered, kind proposal, not merged,
 *   rejected or withdrawn) of the filters, in number order, for the compilation (提案汇编).
 */
export async function* exportBatches(
  db: DataSource,
  user: AuthUser,
  set: RowSet,
  f: ExportQueryDto,
  batchSize = 500,
): AsyncGenerator<ExportRow[]> {
  const base: unknown[] = [];
  const p = (v: unknown) => {
    base.push(v);
    return `$${base.length}`;
  };
  const where = ['p.deleted_at IS NULL', visibleTo(actorFactsOf(user), base)];
  if (set === 'accepted') {
    where.push(RECEIVED, `p.kind = 'proposal' AND p.number IS NOT NULL AND p.state NOT IN ('merged', 'rejected', 'withdrawn')`);
  } else if (f.state) {
    where.push(stateCondition(p(f.state)));
  }
  if (f.sessionId) where.push(`p.session_id = ${p(f.sessionId)}`);
  if (f.categoryId) where.push(`p.category_id = ${p(f.categoryId)}`);
  if (f.departmentId) {
    const dep = p(f.departmentId);
    where.push(`(p.lead_department_id = ${dep} OR ${dep}::uuid = ANY(p.co_department_ids))`);
  }
  if (f.q?.trim()) where.push(searchCondition(f.q, p));

  // keyset: (created_at, id) for the list; (session, number, id) for the compilation. created_at travels as
  // text: a JS Date would cut its microseconds and the next page would repeat rows.
  const key = set === 'list' ? ['p.created_at', 'p.id'] : ['s.year', 's.term', 's.meeting', 'p.number', 'p.id'];
  const casts = set === 'list' ? ['timestamptz', 'uuid'] : ['int', 'int', 'int', 'int', 'uuid'];
  let last: unknown[] | null = null;
  for (;;) {
    const params = [...base];
    const q = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const after = last ? `AND (${key.join(', ')}) > (${last.map((v, i) => `${q(v)}::${casts[i]}`).join(', ')})` : '';
    const rows = (await db.query(
      `SELECT ${COLUMNS}, p.created_at::text AS "_created", s.year AS "_year", s.term AS "_term", s.meeting AS "_meeting" ${FROM}
        WHERE ${where.join(' AND ')} ${after}
        ORDER BY ${key.join(', ')} LIMIT ${q(batchSize)}`,
      params,
    )) as (ExportRow & { _created: string; _year: number; _term: number; _meeting: number })[];
    if (!rows.length) return;
    const tail = rows[rows.length - 1];
    last = set === 'list' ? [tail._created, tail.id] : [tail._year, tail._term, tail._meeting, tail.number, tail.id];
    yield rows;
    if (rows.length < batchSize) return;
  }
}
