import type { Page, PublicProposal, PublicProposalSummary, PublicReply, PublicSession } from '@congress/api-types';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../database/prepared';
import { pageTotal, totalFromPage } from '../proposals/proposal-list.service';
import { SearchOverflow } from '../proposals/search-overflow';
import { searchCondition } from '../proposals/visibility.sql';
import { PublicProposalQueryDto } from './dto/public-query.dto';

/**
 * What the public portal shows of proposals: PUBLISHED ones only (the committee's PUBLISH), and of them only
 * what a congress discloses. Every column is named here, never `p.*`, so that nothing new leaks by accident:
 * - shown: number, title, background, suggestions, kind, state, session, category, departments, the lead
 *   proposer's and confirmed co-signers' DISPLAY NAMES (a congress discloses who proposed), the delegation of a
 *   collective proposal, approved replies (content, grade, planned date, date), the lead proposer's evaluation
 *   result (not its comment), fulfilled promises, excellent.
 * - never: contact phone, user ids, usernames, e-mails, phones, comments (internal or not), contacts log,
 *   requests, history, evaluation comments, reply drafts and sent-back replies, attachments, anything unpublished.
 */
const SUMMARY = `p.id, p.number_label AS "number", p.title, p.kind, p.state, p.collective, p.excellent,
  p.published_at AS "publishedAt", CASE WHEN p.replied_at IS NOT NULL AND p.state IN ('replied', 'disputed', 'closed') THEN p.grade END AS "gradeInForce", p.evaluation,
  json_build_object('id', s.id, 'title', s.title, 'titleEn', s.title_en, 'year', s.year) AS session,
  CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name, 'nameEn', c.name_en) END AS category,
  CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'name', d.name, 'nameEn', d.name_en) END AS "leadDepartment",
  COALESCE((SELECT json_agg(json_build_object('id', cd.id, 'name', cd.name, 'nameEn', cd.name_en) ORDER BY cd.code)
     FROM departments cd WHERE cd.id = ANY(p.co_department_ids)), '[]'::json) AS "coDepartments",
  lu.display_name AS "leadProposerName", g.name AS "delegationName"`;

const FROM = `FROM proposals p
  JOIN congress_sessions s ON s.id = p.session_id
  JOIN users lu ON lu.id = p.lead_proposer_id
  LEFT JOIN categories c ON c.id = p.category_id
  LEFT JOIN departments d ON d.id = p.lead_department_id
  LEFT JOIN delegations g ON g.id = p.delegation_id AND p.collective`;

/** Published and not deleted: the one condition of every public proposal query. */
export const PUBLISHED = `p.published AND p.deleted_at IS NULL AND p.state <> 'draft'`;

type SummaryRow = Omit<PublicProposalSummary, 'grade' | 'publishedAt'> & { gradeInForce: string | null; publishedAt: Date | null };

function toSummary({ gradeInForce, publishedAt, ...r }: SummaryRow): PublicProposalSummary {
  return {
    ...r,
    grade: (['A', 'B', 'C'].includes(gradeInForce ?? '') ? gradeInForce : null) as PublicProposalSummary['grade'],
    publishedAt: publishedAt?.toISOString() ?? null,
  };
}

/** How many filters' totals the portal keeps (filters are a session, a category and a department: a few hundred). */
const TOTALS_KEPT = 1000;

/** Counts kept with the figure stamp they were counted at (no stamp: ''); beyond `max` keys the oldest goes. */
class StampedCounts {
  private readonly kept = new Map<string, { stamp: string; total: number }>();
  constructor(private readonly max: number) {}

  /** The count of `key` if it was counted at `stamp`, else undefined. */
  get(key: string, stamp: string | null): number | undefined {
    const hit = this.kept.get(key);
    return hit && hit.stamp === (stamp ?? '') ? hit.total : undefined;
  }

  set(key: string, stamp: string | null, total: number): void {
    // a Map keeps the order of insertion: the first key is the oldest
    this.kept.delete(key);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, { stamp: stamp ?? '', total });
  }
}

@Injectable()
export class PublicProposalsService {
  /** Totals of unsearched lists by filter (filteredTotal). */
  private readonly totals = new StampedCounts(TOTALS_KEPT);
  /** Each session's published count (sessions()). */
  private readonly publishedCounts = new StampedCounts(TOTALS_KEPT);
  /** Searches recently counted over the cap, whose full pages skip the count (SearchOverflow). */
  private readonly overflow = new SearchOverflow();

  constructor(private readonly db: DataSource) {}

  /**
   * The sessions with their published counts. A session's count is kept with its figure stamp (as the lists'
   * totals, filteredTotal) and counted again, for the sessions whose stamp moved only, in one statement; the
   * sessions themselves (titles, the current one) are read every time.
   */
  async sessions(): Promise<PublicSession[]> {
    const rows = (
      await queryPrepared<Omit<PublicSession, 'publishedCount'> & { stamp: string | null }>(
        this.db.manager,
        `SELECT s.id, s.title, s.title_en AS "titleEn", s.year, s.term, s.meeting, s.is_current AS "isCurrent",
                fs.stamp::text AS stamp
           FROM congress_sessions s LEFT JOIN figure_stamps fs ON fs.session_id = s.id
          ORDER BY s.year DESC, s.term DESC, s.meeting DESC`,
        [],
      )
    ).rows;
    const stale = rows.filter((r) => this.publishedCounts.get(r.id, r.stamp) === undefined);
    if (stale.length) {
      const counted = (
        await queryPrepared<{ id: string; n: number }>(
          this.db.manager,
          `SELECT p.session_id AS id, count(*)::int AS n FROM proposals p
            WHERE p.session_id = ANY($1::uuid[]) AND ${PUBLISHED} GROUP BY p.session_id`,
          [stale.map((r) => r.id)],
        )
      ).rows;
      const n = new Map(counted.map((c) => [c.id, c.n]));
      for (const r of stale) this.publishedCounts.set(r.id, r.stamp, n.get(r.id) ?? 0);
    }
    return rows.map(({ stamp, ...s }) => ({ ...s, publishedCount: this.publishedCounts.get(s.id, stamp) ?? 0 }));
  }

  async list(q: PublicProposalQueryDto): Promise<Page<PublicProposalSummary>> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [PUBLISHED];
    if (q.sessionId) where.push(`p.session_id = ${p(q.sessionId)}`);
    if (q.categoryId) where.push(`p.category_id = ${p(q.categoryId)}`);
    if (q.departmentId) {
      const dep = p(q.departmentId);
      where.push(`(p.lead_department_id = ${dep} OR ${dep}::uuid = ANY(p.co_department_ids))`);
    }
    if (q.q?.trim()) where.push(searchCondition(q.q, p));
    const whereSql = where.join(' AND ');
    const countParams = [...params];
    const pageSize = q.pageSize ?? 20;
    // the page first, over proposals and sessions only (the published index gives each session's rows in order,
    // index-only), then the names of its 20 rows; joining users, categories and departments before paging made
    // PostgreSQL build the join of every published proposal (docs/benchmarks.md)
    const { rows } = await queryPrepared<SummaryRow>(
      this.db.manager,
      `WITH page AS (
         SELECT p.id, s.year, p.series, p.number FROM proposals p JOIN congress_sessions s ON s.id = p.session_id
          WHERE ${whereSql}
          ORDER BY s.year DESC, p.series NULLS LAST, p.number NULLS LAST, p.id
          LIMIT ${p(pageSize)} OFFSET ${p(((q.page ?? 1) - 1) * pageSize)})
       SELECT ${SUMMARY} FROM page, ${FROM.replace(/^FROM /, '')}
        WHERE p.id = page.id
        ORDER BY page.year DESC, page.series NULLS LAST, page.number NULLS LAST, p.id`,
      params,
      { planPerValues: Boolean(q.q?.trim()) },
    );
    const shown = { rows: rows.length, page: q.page ?? 1, pageSize };
    const total = q.q?.trim()
      ? await pageTotal(this.db.manager, whereSql, countParams, true, shown, null, this.overflow.check(whereSql, countParams))
      : await this.filteredTotal(q, whereSql, countParams, shown);
    return { items: rows.map(toSummary), ...total };
  }

  /**
   * The total of a list without a search, kept per filter while the figure stamps it depends on hold: its
   * session's, or, over every session, their sum. The stamps move in the same commit as every change of a
   * published, state, deleted_at, session, category or department column (migrations 1765400000000 and
   * 1765600000000), so an equal stamp means that the count would be the same. A session's stamp only grows (a
   * value of one sequence, drawn at the commit), so the sum grows with every commit that becomes visible, in
   * whatever order transactions commit; the highest stamp would not (a commit that drew a lower value and became
   * visible later would leave it as it was). The stamp is read before the count: a change committed between the
   * two is then counted under the older stamp, and counted again at the next request.
   */
  private async filteredTotal(q: PublicProposalQueryDto, whereSql: string, params: unknown[], shown: { rows: number; page: number; pageSize: number }) {
    const fromPage = totalFromPage(shown.rows, shown.page, shown.pageSize);
    if (fromPage !== null) return { total: fromPage };
    const [{ stamp }] = (
      await queryPrepared<{ stamp: string | null }>(
        this.db.manager,
        q.sessionId
          ? `SELECT (SELECT stamp::text FROM figure_stamps WHERE session_id = $1) AS stamp`
          : `SELECT sum(stamp)::text || '/' || count(*) AS stamp FROM figure_stamps`,
        q.sessionId ? [q.sessionId] : [],
      )
    ).rows;
    const key = `${q.sessionId ?? ''}|${q.categoryId ?? ''}|${q.departmentId ?? ''}`;
    const kept = this.totals.get(key, stamp);
    if (kept !== undefined) return { total: kept };
    const { total } = await pageTotal(this.db.manager, whereSql, params, false, shown);
    this.totals.set(key, stamp, total);
    return { total };
  }

  async detail(id: string): Promise<PublicProposal> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException('No such published proposal');
    const rows = (await this.db.query(
      `SELECT ${SUMMARY}, p.background, p.suggestions, p.replied_at AS "repliedAt",
              p.fulfilled AS "promiseFulfilled",
              ARRAY(SELECT u.display_name FROM proposal_cosigners pc JOIN users u ON u.id = pc.user_id
                     WHERE pc.proposal_id = p.id AND pc.status = 'confirmed' ORDER BY pc.responded_at, u.display_name) AS "cosignerNames"
         ${FROM} WHERE p.id = $1 AND ${PUBLISHED}`,
      [id],
    )) as (SummaryRow & { background: string; suggestions: string; repliedAt: Date | null; promiseFulfilled: boolean; cosignerNames: string[] })[];
    if (!rows.length) throw new NotFoundException('No such published proposal');
    const { background, suggestions, repliedAt, promiseFulfilled, cosignerNames, ...summary } = rows[0];
    const replies = (await this.db.query(
      `SELECT d.name AS "departmentName", d.name_en AS "departmentNameEn", r.round, r.grade, r.content,
              r.planned_at AS "plannedAt", r.decided_at AS "repliedAt"
         FROM proposal_replies r LEFT JOIN departments d ON d.id = r.department_id
        WHERE r.proposal_id = $1 AND r.status = 'approved' ORDER BY r.round, r.decided_at`,
      [id],
    )) as (Omit<PublicReply, 'plannedAt' | 'repliedAt'> & { plannedAt: Date | null; repliedAt: Date | null })[];
    return {
      ...toSummary(summary),
      background,
      suggestions,
      cosignerNames,
      promiseFulfilled,
      repliedAt: repliedAt?.toISOString() ?? null,
      replies: replies.map((r) => ({ ...r, plannedAt: r.plannedAt?.toISOString() ?? null, repliedAt: r.repliedAt?.toISOString() ?? null })),
    };
  }
}
