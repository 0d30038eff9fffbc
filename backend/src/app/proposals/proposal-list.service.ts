import type { ProposalSummary } from '@congress/api-types';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared';
import type { AuthUser } from '../auth/auth-user.service';
import { CLOCK, Clock } from '../workflow/clock';
import { actorFactsOf } from '../workflow/proposal-facts';
import { ProposalListQueryDto } from './dto/list-query.dto';
import { OverflowCheck, SearchOverflow } from './search-overflow';
import { SearchConditions, searchConditions, stateCondition, visibleTo } from './visibility.sql';

/**
 * A text search counts at most this many matches. A count must visit every match (a common word matches a third
 * of 200,000 proposals: seconds, even through an index), while the page itself stops after its rows; nobody
 * pages through a thousand results, they add a word.
 */
export const SEARCH_COUNT_CAP = 1000;

/**
 * The largest first page of a plain search (visibility and words only, newest first) whose words, known to match
 * more than SEARCH_COUNT_CAP proposals, are sent in their common form (searchConditions). PostgreSQL then reads
 * proposals newest first (proposals_created_at_idx) until the page is full: with more than SEARCH_COUNT_CAP
 * matches among N proposals, spread over time, about pageSize × N / SEARCH_COUNT_CAP rows at most (4,000 for 20
 * of 200,000), each tested by `strpos` alone (~1.3 µs). Later pages, other orders and other filters keep the
 * indexed form and PostgreSQL's choice of plan, since nothing would then bound the rows read.
 */
const COMMON_FORM_MAX_ROWS = 50;

/**
 * The page's condition for a search known to overflow (SearchOverflow), when the list is the plain search's first
 * page: `where` is `base` (what every list has) and the words only, newest first, at most COMMON_FORM_MAX_ROWS
 * rows, and the words have a common form. Then `base` with the words in that form; else null (the page keeps
 * `where`). Also run by the benchmark's baseline.
 */
export function commonFormWhere(
  base: readonly string[],
  where: readonly string[],
  search: SearchConditions | null,
  { column, desc, page, pageSize }: { column: string; desc: boolean; page: number; pageSize: number },
): string | null {
  const plain = where.length === base.length + 1 && column === 'p.created_at' && desc && page === 1 && pageSize <= COMMON_FORM_MAX_ROWS;
  return plain && search?.common ? [...base, search.common].join(' AND ') : null;
}

const SORT_COLUMNS: Record<string, string> = {
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
  submittedAt: 'p.submitted_at',
  dueAt: 'p.due_at',
  number: 'p.number',
  title: 'p.title',
};

/** A timestamptz as the API writes every date: ISO 8601 in UTC with milliseconds, as Date#toISOString does. */
const isoSql = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A ProposalSummary of `proposals p` as JSON text, built by PostgreSQL: the API sends the list's rows as they
 * come, with no row parsing, no Date objects and no JSON.stringify (about a third of its CPU per list:
 * docs/benchmarks.md). `now` is the placeholder of the time `overdue` is judged at. The same fields as
 * toSummary gives the detail (the e2e tests compare them). The lead proposer is a subquery, not a join:
 * PostgreSQL evaluates it for the page's rows only, where a join would match every row the filters keep (850 for
 * one session's proposals in handling) against the users first. Also run by the benchmark's baseline.
 */
export const summaryJsonSql = (now: string) => `json_build_object('id', p.id, 'sessionId', p.session_id, 'kind', p.kind,
  'collective', p.collective, 'title', p.title, 'state', p.state, 'version', p.version, 'number', p.number_label,
  'categoryId', p.category_id, 'leadDepartmentId', p.lead_department_id, 'coDepartmentIds', p.co_department_ids,
  'dueAt', ${isoSql('p.due_at')}, 'isKey', p.is_key, 'excellent', p.excellent, 'published', p.published,
  'submittedAt', ${isoSql('p.submitted_at')}, 'createdAt', ${isoSql('p.created_at')}, 'updatedAt', ${isoSql('p.updated_at')},
  'leadProposer', (SELECT json_build_object('id', lu.id, 'username', lu.username, 'displayName', lu.display_name)
     FROM users lu WHERE lu.id = p.lead_proposer_id),
  'overdue', COALESCE(p.state LIKE 'handling.%' AND p.due_at < ${now}, false))::text`;

/** The fields of a ProposalSummary the detail reads from its row (the rest: toSummary). */
type SummaryRow = Omit<ProposalSummary, 'overdue' | 'dueAt' | 'submittedAt' | 'createdAt' | 'updatedAt'> & {
  dueAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The detail's summary fields from its row: the same as summaryJsonSql gives the list. */
export function toSummary(r: SummaryRow, now: Date): ProposalSummary {
  return {
    ...r,
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: r.dueAt !== null && r.state.startsWith('handling.') && r.dueAt.getTime() < now.getTime(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The count of `proposals p` filtered by `whereSql`; a text search (`searching`) stops at SEARCH_COUNT_CAP + 1. */
export function countSql(whereSql: string, searching: boolean): string {
  return searching
    ? `SELECT count(*)::int FROM (SELECT 1 FROM proposals p WHERE ${whereSql} LIMIT ${SEARCH_COUNT_CAP + 1}) capped`
    : `SELECT count(*)::int FROM proposals p WHERE ${whereSql}`;
}

/**
 * A page of `proposals p` filtered by `whereSql`, ordered by `column` (then id), as rows of ProposalSummary JSON
 * text (`json`: summaryJsonSql, `overdue` judged at the placeholder `now`), in one statement with the count that a
 * full page needs (see totalFromPage):
 * - the page's ids first, then their rows. The ids come from an index alone where one holds every column the
 *   filters and the order read (proposals_list_idx for a session's states, as the committee lists them), so the
 *   table is read for the page's rows only instead of for every match before the sort (850 table pages for a
 *   session's proposals in handling: docs/benchmarks.md);
 * - each row's `fullPageTotal` is the count (countSql) when the page is full, else null: PostgreSQL runs the
 *   count once, and only when the CASE takes it, so a page that tells its total costs no count, and a full page
 *   no second round trip. Without `counting` (a search known to overflow: SearchOverflow) it is always null.
 * `limit` and `offset` are placeholders. Also run by the benchmark's baseline.
 */
export function listPageSql(
  whereSql: string,
  column: string,
  desc: boolean,
  limit: string,
  offset: string,
  searching: boolean,
  now: string,
  counting = true,
): string {
  const dir = desc ? 'DESC' : 'ASC';
  const total = counting ? `CASE WHEN (SELECT count(*) FROM page) = ${limit} THEN (${countSql(whereSql, searching)}) END` : 'NULL::int';
  return `WITH page AS (SELECT p.id, ${column} AS sort_key FROM proposals p WHERE ${whereSql}
      ORDER BY ${column} ${dir} NULLS LAST, p.id ${dir} LIMIT ${limit} OFFSET ${offset})
    SELECT ${summaryJsonSql(now)} AS json, ${total} AS "fullPageTotal"
    FROM page JOIN proposals p ON p.id = page.id
    ORDER BY page.sort_key ${dir} NULLS LAST, page.id ${dir}`;
}

/**
 * The total a page already tells: a page with rows but fewer than `pageSize` is the last one, so the total is the
 * rows of the pages before it plus its own (and an empty first page means none). Null when the page is full or
 * past the end: then only a count tells. Saves the count, the dearer statement of a narrow search or filter.
 */
export function totalFromPage(rows: number, page: number, pageSize: number): number | null {
  return rows < pageSize && (rows > 0 || page === 1) ? (page - 1) * pageSize + rows : null;
}

/** What a page of a filtered list answers besides its items. */
export interface PageTotal {
  total: number;
  totalCapped?: true;
}

/**
 * The total of a list of `proposals p` filtered by `whereSql` (its parameters `params`), for a page of `rows`
 * rows: from the page when it tells (totalFromPage), else `counted` when the page's statement brought it
 * (listPageSql), else counted now; a text search (`searching`) counts at most SEARCH_COUNT_CAP and says so. With
 * `overflow` (a search's SearchOverflow.check), a search held as over the cap is not counted, and every total
 * found is noted.
 */
export async function pageTotal(
  em: EntityManager,
  whereSql: string,
  params: unknown[],
  searching: boolean,
  { rows, page, pageSize }: { rows: number; page: number; pageSize: number },
  counted: number | null = null,
  overflow?: OverflowCheck,
): Promise<PageTotal> {
  let total = totalFromPage(rows, page, pageSize);
  if (total === null && overflow?.held) return cappedTotal(SEARCH_COUNT_CAP + 1, true);
  total ??= counted;
  if (total === null) {
    const { rows: counts } = await queryPrepared<{ count: number }>(em, countSql(whereSql, searching), params, { planPerValues: searching });
    total = counts[0].count;
  }
  overflow?.note(total, SEARCH_COUNT_CAP);
  return cappedTotal(total, searching);
}

/** A count as a page answers it: a text search's at most SEARCH_COUNT_CAP, and then said to be capped. */
export function cappedTotal(total: number, searching: boolean): PageTotal {
  return searching && total > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, totalCapped: true } : { total };
}

/** The content type of an answer the API sends as JSON text it did not stringify itself (Fastify's for JSON). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A Page's JSON text from its items' JSON texts (as PostgreSQL built them: summaryJsonSql) and its total, sent
 * as it is (with JSON_CONTENT_TYPE).
 */
export function pageJson(items: string[], total: PageTotal): string {
  return `{"items":[${items.join(',')}],${JSON.stringify(total).slice(1)}`;
}

/** `GET /api/proposals`: filters, paging and sorting over what the caller may see (filtered in SQL). */
@Injectable()
export class ProposalListService {
  /** Searches recently counted over the cap, whose full pages skip the count (SearchOverflow). */
  private readonly overflow = new SearchOverflow();

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The page as JSON text (a Page<ProposalSummary>). */
  async list(user: AuthUser, query: ProposalListQueryDto): Promise<string> {
    const now = this.clock.now();
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const base = ['p.deleted_at IS NULL', visibleTo(actorFactsOf(user), params)];
    const where = [...base];
    if (query.state) where.push(stateCondition(p(query.state)));
    if (query.sessionId) where.push(`p.session_id = ${p(query.sessionId)}`);
    if (query.categoryId) where.push(`p.category_id = ${p(query.categoryId)}`);
    if (query.departmentId) {
      const d = p(query.departmentId);
      where.push(`(p.lead_department_id = ${d} OR ${d}::uuid = ANY(p.co_department_ids))`);
    }
    const search = query.q?.trim() ? searchConditions(query.q, p) : null;
    if (search) where.push(search.indexed);
    if (query.mine) {
      const me = p(user.id);
      where.push(`(p.lead_proposer_id = ${me} OR EXISTS (SELECT 1 FROM proposal_cosigners mc
        WHERE mc.proposal_id = p.id AND mc.user_id = ${me} AND mc.status <> 'declined'))`);
    }
    if (query.published !== undefined) where.push(query.published ? 'p.published' : 'NOT p.published');
    if (query.overdue) where.push(`p.state LIKE 'handling.%' AND p.due_at < ${p(now)}`);

    const sort = query.sort ?? '-createdAt';
    const desc = sort.startsWith('-');
    const column = SORT_COLUMNS[desc ? sort.slice(1) : sort] ?? 'p.created_at';
    const pageSize = query.pageSize ?? 20;
    const page = query.page ?? 1;
    const whereSql = where.join(' AND ');
    const countParams = [...params];
    const searching = search !== null;
    // a search known to match more than the cap: its page without the count and, when it is the first page of
    // the plain search (no other filter, newest first), its words in their common form (COMMON_FORM_MAX_ROWS)
    const overflow = searching ? this.overflow.check(whereSql, countParams) : undefined;
    const overflowing = overflow?.held === true;
    const common = overflowing ? commonFormWhere(base, where, search, { column, desc, page, pageSize }) : null;
    const { rows } = await queryPrepared<{ json: string; fullPageTotal: number | null }>(
      this.db.manager,
      listPageSql(common ?? whereSql, column, desc, p(pageSize), p((page - 1) * pageSize), searching, p(now), !overflowing),
      params,
      // the common form has one plan for every word: prepared once
      { planPerValues: searching && common === null },
    );
    const shown = { rows: rows.length, page, pageSize };
    // only a page past the end (no rows, so no count came with them) counts in a statement of its own
    const total = await pageTotal(this.db.manager, whereSql, countParams, searching, shown, rows[0]?.fullPageTotal ?? null, overflow);
    return pageJson(rows.map((r) => r.json), total);
  }
}
