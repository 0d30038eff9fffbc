import type {
  DepartmentEvaluationReport,
  FigureCounts,
  FigureGroup,
  FiguresBy,
  FiguresReport,
  ReportSession,
  TrendsReport,
} from '@congress/api-types';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../workflow/clock';
import { CONTACT_COLUMNS, emptyCounts, figureColumns, MEDIAN_COLUMN, MEDIAN_ROWS, RECEIVED, withRates } from './figures.sql';
import { FreshCoalescer } from './fresh-coalescer';

/** Whose figures: every department (null) or only these (a leader's). */
export interface FigureScope {
  departmentIds: string[] | null;
}

const GROUP_KEY: Record<FiguresBy | 'session', string> = {
  session: 'p.session_id',
  category: 'p.category_id',
  department: 'p.lead_department_id',
};

const SESSION_COLUMNS = `s.id, s.title, s.title_en AS "titleEn", s.year, s.term, s.meeting`;

/** The ranking of the department evaluation (检查评议), in words; the ORDER in `departments()` follows it. */
export const RANKED_BY =
  'on-time reply rate (desc), then satisfaction rate (desc), then disputed contacts (asc), then open grade-B promises (asc); departments without replies last';

type Row = Omit<FigureCounts, 'acceptanceRate' | 'onTimeRate' | 'satisfactionRate'>;
type GroupRow = Partial<Row> & { key: string | null; isTotal: boolean };

/**
 * Figures kept in memory: the session's figure stamp they were computed at (figure_stamps, migration
 * 1765400000000) and the time span in which the clock-dependent figures stay as they were.
 */
interface Cached<T> {
  stamp: string;
  from: number;
  until: number;
  counts: T;
}
const fresh = <T>(hit: Cached<T> | undefined, stamp: string, t: number): hit is Cached<T> =>
  !!hit && hit.stamp === stamp && hit.from <= t && t < hit.until;

/** The stamp of a session none of whose proposals was ever written: no row in figure_stamps. */
const NO_STAMP = '-';

/** The cache key of a scope: every department, or these. */
const scopeKey = (scope: FigureScope) => (scope.departmentIds ? [...scope.departmentIds].sort().join(',') : '*');

/** The key of the totals in the map counts() returns. */
export const TOTAL = Symbol('total');
const ZERO: Row = (() => {
  const { acceptanceRate: _a, onTimeRate: _o, satisfactionRate: _s, ...zero } = emptyCounts();
  return zero;
})();

/**
 * Runs the figure definitions of figures.sql.ts: one aggregate query per call, grouped as asked. Used by the
 * committee dashboard, the leader's view (scoped to its departments), the portal and the exported report.
 */
@Injectable()
export class FiguresService {
  private readonly countsFlight = new FreshCoalescer<Map<string | null | typeof TOTAL, FigureCounts>>();
  private readonly perSessionFlight = new FreshCoalescer<Map<string, FigureCounts>>();
  private readonly sessionCache = new Map<string, Cached<FigureCounts>>();
  private readonly groupCache = new Map<string, Cached<Map<string | null | typeof TOTAL, FigureCounts>>>();

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The session asked for, or the current one (then the latest) when none is given. */
  async session(sessionId?: string): Promise<ReportSession> {
    const rows = (await this.db.query(
      sessionId
        ? `SELECT ${SESSION_COLUMNS} FROM congress_sessions s WHERE s.id = $1`
        : `SELECT ${SESSION_COLUMNS} FROM congress_sessions s ORDER BY s.is_current DESC, s.opens_at DESC LIMIT 1`,
      sessionId ? [sessionId] : [],
    )) as ReportSession[];
    if (!rows.length) throw new NotFoundException(sessionId ? 'No such session' : 'No session yet');
    return rows[0];
  }

  async sessions(): Promise<ReportSession[]> {
    return (await this.db.query(
      `SELECT ${SESSION_COLUMNS} FROM congress_sessions s ORDER BY s.year, s.term, s.meeting`,
    )) as ReportSession[];
  }

  /**
   * The figures, grouped as asked, with the totals under the key TOTAL. `sessionId` null: all sessions. Three
   * set-based queries of figures.sql.ts (counts, median, contacts) in one read-only snapshot so they agree; JIT
   * off: compiling costs more than it saves on queries this size.
   */
  counts(group: FiguresBy | 'session' | null, sessionId: string | null, scope: FigureScope): Promise<Map<string | null | typeof TOTAL, FigureCounts>> {
    // requests for the same figures at the same time share one computation that began after they arrived
    return this.countsFlight.run(`${group ?? '-'}|${sessionId ?? '*'}|${scopeKey(scope)}`, () => this.countsNow(group, sessionId, scope));
  }

  private async countsNow(
    group: FiguresBy | 'session' | null,
    sessionId: string | null,
    scope: FigureScope,
  ): Promise<Map<string | null | typeof TOTAL, FigureCounts>> {
    const now = this.clock.now();
    if (!sessionId) return this.snapshot((em) => this.aggregate(em, group, null, scope, now));
    // one session (the dashboard, the portal, the ranking, the report): reused while its stamp holds, as perSession
    const key = `${group ?? '-'}|${sessionId}|${scopeKey(scope)}`;
    const t = now.getTime();
    const cached = this.groupCache.get(key);
    // a hit needs no snapshot: the stamp read is the latest committed one, so an equal stamp means that nothing
    // the figures read has been committed since they were computed
    if (cached && fresh(cached, (await this.stamps(this.db.manager, [sessionId])).get(sessionId) ?? NO_STAMP, t)) return cached.counts;
    return this.snapshot(async (em) => {
      const stamp = (await this.stamps(em, [sessionId])).get(sessionId) ?? NO_STAMP;
      const hit = this.groupCache.get(key);
      if (fresh(hit, stamp, t)) return hit.counts;
      const counts = await this.aggregate(em, group, [sessionId], scope, now);
      const until = (await this.validUntil(em, [sessionId], now)).get(sessionId) ?? Number.POSITIVE_INFINITY;
      if (this.groupCache.size > 2_000) this.groupCache.clear();
      this.groupCache.set(key, { stamp, from: t, until, counts });
      return counts;
    });
  }

  /**
   * The figure stamps of these sessions (null: every session with proposals): one row each in figure_stamps,
   * moved by triggers in the same transaction as any change to what the figures read (migration 1765400000000).
   */
  private async stamps(em: EntityManager, sessionIds: string[] | null): Promise<Map<string, string>> {
    const rows = (await (sessionIds
      ? em.query(`SELECT session_id AS key, stamp::text AS stamp FROM figure_stamps WHERE session_id = ANY($1::uuid[])`, [sessionIds])
      : em.query(`SELECT session_id AS key, stamp::text AS stamp FROM figure_stamps`))) as { key: string; stamp: string }[];
    return new Map(rows.map((r) => [r.key, r.stamp]));
  }

  /**
   * Per session, until when figures computed `now` stay right without any write: the next due date of a proposal
   * in handling (overdueNow) or the next submission time after now (`submitted_at <= now`; only a test clock
   * makes that happen).
   */
  private async validUntil(em: EntityManager, sessionIds: string[], now: Date): Promise<Map<string, number>> {
    const spans = (await em.query(
      `SELECT p.session_id AS key, LEAST(min(p.due_at) FILTER (WHERE p.state LIKE 'handling.%' AND p.due_at >= $1),
              min(p.submitted_at) FILTER (WHERE p.submitted_at > $1)) AS until
         FROM proposals p WHERE p.session_id = ANY($2::uuid[]) GROUP BY p.session_id`,
      [now, sessionIds],
    )) as { key: string; until: Date | null }[];
    return new Map(spans.map((r) => [r.key, r.until?.getTime() ?? Number.POSITIVE_INFINITY]));
  }

  /** A read-only REPEATABLE READ transaction, so that the queries of one answer see one state. */
  private snapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await em.query(`SET TRANSACTION READ ONLY`);
      await em.query(`SET LOCAL jit = off`);
      return work(em);
    });
  }

  private async aggregate(
    em: EntityManager,
    group: FiguresBy | 'session' | null,
    sessionIds: string[] | null,
    scope: FigureScope,
    now: Date,
  ): Promise<Map<string | null | typeof TOTAL, FigureCounts>> {
    const params: unknown[] = [now];
    // as of now: what was received up to this moment ($1 is now, also in the overdue count)
    const where = [RECEIVED, 'p.submitted_at <= $1'];
    if (sessionIds) {
      params.push(sessionIds);
      where.push(sessionIds.length === 1 ? `p.session_id = ($${params.length}::uuid[])[1]` : `p.session_id = ANY($${params.length}::uuid[])`);
    }
    if (scope.departmentIds) {
      params.push(scope.departmentIds);
      where.push(`p.lead_department_id = ANY($${params.length}::uuid[])`);
    }
    const key = group ? GROUP_KEY[group] : 'NULL::uuid';
    const whereSql = where.join(' AND ');
    // counts add up, so they are grouped once (hashed) and the totals summed here; a median does not, so its
    // query gives the groups and the total in one pass (GROUPING SETS)
    const byKey = group ? `GROUP BY ${key}` : 'GROUP BY ()';
    const withTotal = group ? `GROUP BY GROUPING SETS ((${key}), ())` : 'GROUP BY ()';
    const head = (total: boolean) => `SELECT ${key} AS key, ${group && total ? `GROUPING(${key}) = 1` : String(!group)} AS "isTotal"`;
    const countRows = (await em.query(`${head(false)}, ${figureColumns('$1')} FROM proposals p WHERE ${whereSql} ${byKey}`, params)) as GroupRow[];
    const medianRows = (await em.query(
      `${head(true)}, ${MEDIAN_COLUMN} FROM proposals p WHERE ${whereSql} AND ${MEDIAN_ROWS} ${withTotal}`,
      params,
    )) as GroupRow[];
    const contactRows = (await em.query(
      `${head(false)}, ${CONTACT_COLUMNS} FROM proposal_contacts pc JOIN proposals p ON p.id = pc.proposal_id WHERE ${whereSql} ${byKey}`,
      params,
    )) as GroupRow[];
    const id = (r: GroupRow) => (r.isTotal ? TOTAL : r.key);
    const rows = new Map<string | null | typeof TOTAL, Row>();
    const merge = (k: string | null | typeof TOTAL, values: Partial<Row>) => rows.set(k, { ...(rows.get(k) ?? ZERO), ...values });
    for (const r of [...countRows, ...contactRows]) {
      const { key: _k, isTotal: _t, ...values } = r;
      merge(id(r), values);
      if (group) {
        // the totals of additive counts: the sum of the groups
        const total = rows.get(TOTAL) ?? ZERO;
        const sums = Object.fromEntries(
          Object.entries(values).map(([name, v]) => [name, (total[name as keyof Row] as number) + (v as number)]),
        ) as Partial<Row>;
        merge(TOTAL, sums);
      }
    }
    for (const r of medianRows) merge(id(r), { medianDaysToReply: r.medianDaysToReply ?? null });
    const out = new Map<string | null | typeof TOTAL, FigureCounts>();
    for (const [k, r] of rows) if (k === TOTAL || countRows.some((c) => id(c) === k)) out.set(k, withRates(r));
    return out;
  }

  /**
   * Each session's figures, for the trends across sessions. Past sessions rarely change, so each session's
   * figures are kept in memory and reused while they are fresh:
   * - the session's figure stamp (figure_stamps) is the one they were computed at: triggers move it in the same
   *   transaction as any change to a column the figures read or to a contact, so it is exact, not a TTL;
   * - the clock has not passed the end of the span in which the clock-dependent figures stay as they were: the
   *   next due date of a proposal in handling (overdueNow) or the next submission time after then.
   * Checking is one read of figure_stamps (a row per session) instead of the three aggregate passes, which over
   * 200,000 proposals take ~350 ms (docs/benchmarks.md). Each process keeps its own; they are always exact.
   */
  perSession(scope: FigureScope): Promise<Map<string, FigureCounts>> {
    return this.perSessionFlight.run(scopeKey(scope), () => this.perSessionNow(scope));
  }

  private async perSessionNow(scope: FigureScope): Promise<Map<string, FigureCounts>> {
    const now = this.clock.now();
    const t = now.getTime();
    const scoped = scopeKey(scope);
    const cachedAt = (stamps: Map<string, string>) => {
      const out = new Map<string, FigureCounts>();
      const stale: { key: string; stamp: string }[] = [];
      for (const [key, stamp] of stamps) {
        const hit = this.sessionCache.get(`${scoped}|${key}`);
        if (fresh(hit, stamp, t)) out.set(key, hit.counts);
        else stale.push({ key, stamp });
      }
      return { out, stale };
    };
    // every session fresh: no snapshot needed (see countsNow)
    const first = cachedAt(await this.stamps(this.db.manager, null));
    if (!first.stale.length) return first.out;
    return this.snapshot(async (em) => {
      const { out, stale } = cachedAt(await this.stamps(em, null));
      if (!stale.length) return out;
      const ids = stale.map((s) => s.key);
      const computed = await this.aggregate(em, 'session', ids, scope, now);
      const until = await this.validUntil(em, ids, now);
      if (this.sessionCache.size > 2_000) this.sessionCache.clear();
      for (const s of stale) {
        const counts = computed.get(s.key) ?? emptyCounts();
        out.set(s.key, counts);
        this.sessionCache.set(`${scoped}|${s.key}`, { stamp: s.stamp, from: t, until: until.get(s.key) ?? Number.POSITIVE_INFINITY, counts });
      }
      return out;
    });
  }

  async figures(sessionId: string | undefined, by: FiguresBy | null, scope: FigureScope): Promise<FiguresReport> {
    const session = await this.session(sessionId);
    const grouped = await this.counts(by, session.id, scope);
    return {
      session,
      generatedAt: this.clock.now().toISOString(),
      departmentIds: scope.departmentIds,
      total: grouped.get(TOTAL) ?? emptyCounts(),
      by,
      groups: by ? await this.groups(by, grouped, scope) : [],
    };
  }

  /** Every category (or department in scope) with its counts, zeros included; "none" last when it has any. */
  private async groups(by: FiguresBy, counts: Map<string | null | typeof TOTAL, FigureCounts>, scope: FigureScope): Promise<FigureGroup[]> {
    const named = (await (by === 'category'
      ? this.db.query(`SELECT id, name, name_en AS "nameEn" FROM categories ORDER BY sort_order, name`)
      : this.db.query(
          `SELECT id, name, name_en AS "nameEn" FROM departments
            WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) ORDER BY code`,
          [scope.departmentIds],
        ))) as { id: string; name: string; nameEn: string | null }[];
    // Object.assign, not object spread: V8 copies these ~30-property objects by spread ~20 times slower, and
    // with 60 departments that was the largest cost of a cached answer (docs/benchmarks.md)
    const groups: FigureGroup[] = named.map((n) => Object.assign({}, n, counts.get(n.id) ?? emptyCounts()));
    const none = counts.get(null);
    if (none) groups.push(Object.assign({ id: null, name: null, nameEn: null }, none));
    return groups;
  }

  async trends(scope: FigureScope): Promise<TrendsReport> {
    const [sessions, counts] = await Promise.all([this.sessions(), this.perSession(scope)]);
    return {
      generatedAt: this.clock.now().toISOString(),
      departmentIds: scope.departmentIds,
      points: sessions.map((session) => Object.assign({ session }, counts.get(session.id) ?? emptyCounts())),
    };
  }

  /** 检查评议: every department in scope, ranked (RANKED_BY). */
  async departments(sessionId: string | undefined, scope: FigureScope): Promise<DepartmentEvaluationReport> {
    const report = await this.figures(sessionId, 'department', scope);
    const rows = report.groups.filter((g) => g.id !== null);
    const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
    rows.sort(
      (a, b) =>
        desc(a.onTimeRate, b.onTimeRate) ||
        desc(a.satisfactionRate, b.satisfactionRate) ||
        a.contactsDisputed - b.contactsDisputed ||
        a.promisesOpen - b.promisesOpen ||
        (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'),
    );
    return {
      session: report.session,
      generatedAt: report.generatedAt,
      rankedBy: RANKED_BY,
      rows: rows.map((r, i) => ({ ...r, rank: i + 1 })),
    };
  }
}
