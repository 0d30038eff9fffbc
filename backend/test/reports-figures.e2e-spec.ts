import type { FigureCounts, FigureGroup, FiguresReport } from '@congress/api-types';
import { AuthUserService } from '../src/app/auth/auth-user.service';
import { Api, clock } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { buildDataset, Dataset } from './reports-dataset';

/** Every count of a group: the expected ones as given, everything else 0 (rates and medians checked apart). */
function counts(expected: Partial<FigureCounts>): Partial<FigureCounts> {
  const zero: Partial<FigureCounts> = {
    received: 0, accepted: 0, merged: 0, rejected: 0, converted: 0, withdrawn: 0, pendingReview: 0, assigned: 0,
    inHandling: 0, replied: 0, repliedOnTime: 0, overdueNow: 0, gradeA: 0, gradeB: 0, gradeC: 0, evaluated: 0,
    satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notEvaluated: 0, awaitingEvaluation: 0, rehandled: 0,
    promisesFulfilled: 0, promisesOpen: 0, contactsConfirmed: 0, contactsDisputed: 0, contactsPending: 0,
  };
  return { ...zero, ...expected };
}

describe('the figures the committee reports, against a data set with known answers', () => {
  let t: TestApp;
  let api: Api;
  let d: Dataset;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    d = await buildDataset(t);
  }, 120_000);
  afterAll(() => t.close());

  const figures = async (query: string, as = 'committee1') => {
    const res = await api.get(as, `/api/reports/figures?${query}`);
    expect(res.status).toBe(200);
    return res.body as FiguresReport;
  };
  const group = (r: FiguresReport, id: string | null) => r.groups.find((g) => g.id === id) as FigureGroup;

  it('counts a session: received, accepted (立案率), merged, rejected, converted, replies, grades, evaluations, contacts', async () => {
    const r = await figures(`sessionId=${d.s1}`);
    expect(r.session.id).toBe(d.s1);
    expect(r.total).toMatchObject(
      counts({
        // pA pB pL pC pU pD pS pM pR pW; the draft is not received
        received: 10, accepted: 6, merged: 1, rejected: 1, converted: 1, pendingReview: 1,
        assigned: 7, inHandling: 1,
        // pA pB pL pU pS pC: all but pL (late) on time; pD overdue
        replied: 6, repliedOnTime: 5, overdueNow: 1,
        gradeA: 3, gradeB: 2, gradeC: 1,
        // pA satisfied, pB basically, pU unsatisfied; pL "none"; pC awaiting its second evaluation
        evaluated: 3, satisfied: 1, basicallySatisfied: 1, unsatisfied: 1, notEvaluated: 1, awaitingEvaluation: 1,
        rehandled: 1, promisesFulfilled: 1, promisesOpen: 1,
        contactsConfirmed: 1, contactsDisputed: 1, contactsPending: 1,
      }),
    );
    expect(r.total.acceptanceRate).toBeCloseTo(6 / 10, 4);
    expect(r.total.onTimeRate).toBeCloseTo(5 / 6, 4);
    expect(r.total.satisfactionRate).toBeCloseTo(2 / 3, 4);
    // days from assignment to the reply in force: 10, 20, 20, 30, 65, 70 → median 25
    expect(r.total.medianDaysToReply).toBe(25);
  });

  it('splits the same figures per lead department, zeros for departments given nothing', async () => {
    const r = await figures(`sessionId=${d.s1}&by=department`);
    expect(r.by).toBe('department');
    expect(group(r, d.dept.jwc)).toMatchObject({
      name: '教务处',
      ...counts({
        received: 3, accepted: 3, assigned: 3, replied: 3, repliedOnTime: 2, gradeA: 1, gradeB: 1, gradeC: 1,
        evaluated: 2, satisfied: 1, basicallySatisfied: 1, notEvaluated: 1, promisesFulfilled: 1, contactsConfirmed: 1,
      }),
      medianDaysToReply: 20,
      satisfactionRate: 1,
    });
    expect(group(r, d.dept.jwc).onTimeRate).toBeCloseTo(2 / 3, 4);
    expect(group(r, d.dept.hqc)).toMatchObject({
      ...counts({
        received: 3, accepted: 3, assigned: 3, inHandling: 1, replied: 2, repliedOnTime: 2, overdueNow: 1, gradeA: 1, gradeB: 1,
        evaluated: 1, unsatisfied: 1, awaitingEvaluation: 1, rehandled: 1, promisesOpen: 1, contactsDisputed: 1, contactsPending: 1,
      }),
      onTimeRate: 1,
      satisfactionRate: 0,
      medianDaysToReply: 50,
    });
    // a suggestion: replied, but never evaluated, so no satisfaction rate
    expect(group(r, d.dept.rsc)).toMatchObject({
      ...counts({ received: 1, converted: 1, assigned: 1, replied: 1, repliedOnTime: 1, gradeA: 1 }),
      satisfactionRate: null,
      acceptanceRate: 0,
      medianDaysToReply: 20,
    });
    // what never reached a department: merged, rejected, waiting
    expect(group(r, null)).toMatchObject(counts({ received: 3, merged: 1, rejected: 1, pendingReview: 1 }));
    const kyc = r.groups.find((g) => g.name === '科研处') as FigureGroup;
    expect(kyc).toMatchObject({ ...counts({}), acceptanceRate: null, onTimeRate: null, satisfactionRate: null, medianDaysToReply: null });
    // the groups add up to the total
    for (const key of ['received', 'accepted', 'replied', 'repliedOnTime', 'evaluated', 'contactsDisputed'] as const) {
      expect(r.groups.reduce((s, g) => s + g[key], 0)).toBe(r.total[key]);
    }
  });

  it('splits per category; not yet classified ones (and the converted suggestion) apart', async () => {
    const r = await figures(`sessionId=${d.s1}&by=category`);
    expect(group(r, d.category)).toMatchObject({ name: '后勤与校园建设', received: 6, accepted: 6, replied: 5 });
    expect(group(r, null)).toMatchObject({ received: 4, converted: 1, merged: 1, rejected: 1, pendingReview: 1, replied: 1 });
    expect(r.groups.filter((g) => g.id !== null)).toHaveLength(8);
  });

  it('edge cases: a session where everything is overdue and nothing was evaluated', async () => {
    const r = await figures(`sessionId=${d.s2}`);
    expect(r.total).toMatchObject({
      ...counts({ received: 2, accepted: 2, assigned: 2, inHandling: 2, overdueNow: 2 }),
      acceptanceRate: 1,
      onTimeRate: null,
      satisfactionRate: null,
      medianDaysToReply: null,
    });
  });

  it('shows the trends across sessions, oldest first', async () => {
    const res = await api.get('committee1', '/api/reports/trends');
    expect(res.status).toBe(200);
    const points = res.body.points as { session: { id: string }; received: number; overdueNow: number }[];
    expect(points.map((p) => p.session.id)).toEqual([d.s2, d.s1]);
    expect(points.map((p) => [p.received, p.overdueNow])).toEqual([[2, 2], [10, 1]]);
  });

  it('ranks the departments (检查评议) by on-time rate, then satisfaction, then disputed contacts and open promises', async () => {
    const res = await api.get('committee1', `/api/reports/departments?sessionId=${d.s1}`);
    expect(res.status).toBe(200);
    const rows = res.body.rows as (FigureGroup & { rank: number })[];
    expect(rows.slice(0, 3).map((r) => [r.rank, r.name])).toEqual([[1, '后勤管理处'], [2, '人事处'], [3, '教务处']]);
    expect(rows[0]).toMatchObject({ onTimeRate: 1, satisfactionRate: 0, rehandled: 1, contactsConfirmed: 0, contactsDisputed: 1, promisesFulfilled: 0, promisesOpen: 1 });
    expect(rows[2]).toMatchObject({ contactsConfirmed: 1, promisesFulfilled: 1, promisesOpen: 0 });
    expect(rows).toHaveLength(6);
    expect(res.body.rankedBy).toMatch(/on-time/);
  });

  it('gives a leader the figures of its departments only, and refuses everyone else', async () => {
    // leader1 is in charge of 教务处 only in this test
    await t.db.query(`UPDATE departments SET leader_id = NULL WHERE id <> $1`, [d.dept.jwc]);
    // what this process keeps of leader1 goes with the notification of that change; not waiting for it here
    t.app.get(AuthUserService).forgetAll();
    const r = await figures(`sessionId=${d.s1}&by=department`, 'leader1');
    expect(r.departmentIds).toEqual([d.dept.jwc]);
    expect(r.groups.map((g) => g.id)).toEqual([d.dept.jwc]);
    expect(r.total).toMatchObject({ received: 3, replied: 3, repliedOnTime: 2, contactsDisputed: 0 });
    const ranking = await api.get('leader1', `/api/reports/departments?sessionId=${d.s1}`);
    expect(ranking.body.rows.map((x: { id: string }) => x.id)).toEqual([d.dept.jwc]);
    const trends = await api.get('leader1', '/api/reports/trends');
    expect(trends.body.points.map((p: { received: number }) => p.received)).toEqual([2, 3]);

    expect((await api.get('jwc.handler', '/api/reports/figures')).status).toBe(403);
    expect((await api.get('delegate01', '/api/reports/departments')).status).toBe(403);
    expect((await t.http().get('/api/reports/figures')).status).toBe(401);
    expect((await api.get('committee1', '/api/reports/figures?by=school')).status).toBe(400);
  });

  it('keeps the trends and a session\'s figures exact while it reuses them: a write, a new proposal and a passing due date all show', async () => {
    const trends = async () => {
      const res = await api.get('committee1', '/api/reports/trends');
      expect(res.status).toBe(200);
      const points = res.body.points as (FigureCounts & { session: { id: string } })[];
      return Object.fromEntries(points.map((p) => [p.session.id, p]));
    };
    const before = await trends();
    expect(await trends()).toEqual(before);
    const s2Figures = async () => (await figures(`sessionId=${d.s2}&by=department`)).total;
    expect(await s2Figures()).toMatchObject({ replied: 0, overdueNow: 2 });
    // a reply in the earlier session (no other change there)
    await api.ok('jwc.handler', d.ids.q1, 'SUBMIT_REPLY', { grade: 'A', content: '已整改实验室安全问题。' });
    await api.ok('jwc.head', d.ids.q1, 'APPROVE_REPLY');
    let after = await trends();
    expect(after[d.s2]).toMatchObject({ replied: 1, inHandling: 1, overdueNow: 1, gradeA: 1 });
    expect(await s2Figures()).toMatchObject({ replied: 1, inHandling: 1, overdueNow: 1, gradeA: 1 });
    expect(after[d.s1]).toEqual(before[d.s1]);
    // a new proposal in handling in that session, due in the future
    const p = await api.handling('hqc', { sessionId: d.s2 });
    after = await trends();
    expect(after[d.s2]).toMatchObject({ received: 3, inHandling: 2, overdueNow: 1 });
    expect(await s2Figures()).toMatchObject({ received: 3, inHandling: 2, overdueNow: 1 });
    expect(after[d.s1]).toEqual(before[d.s1]);
    // no write at all, only time: past its due date it is overdue
    const was = clock(t).now();
    clock(t).set(new Date(Date.parse(p.dueAt) + 60_000));
    try {
      expect((await trends())[d.s2].overdueNow).toBe(2);
      expect((await s2Figures()).overdueNow).toBe(2);
    } finally {
      clock(t).set(was);
    }
    expect((await trends())[d.s2].overdueNow).toBe(1);
    expect((await s2Figures()).overdueNow).toBe(1);
  });

  it('moves a session\'s figure stamp when what the figures read changes, and only then: a comment does not, a contact answer does', async () => {
    const stamp = async (session: string) =>
      ((await t.db.query(`SELECT stamp::text AS s FROM figure_stamps WHERE session_id = $1`, [session])) as { s: string }[])[0]?.s;
    const s1Total = async () => (await figures(`sessionId=${d.s1}`)).total;
    const before = await s1Total();
    const [s1, s2] = [await stamp(d.s1), await stamp(d.s2)];
    expect(s1).toEqual(expect.any(String));
    expect(s2).toEqual(expect.any(String));
    // a comment writes the proposal (version, history) but nothing a figure reads
    await api.ok('committee1', d.ids.pD, 'COMMENT', { content: '请尽快与提案人联系。', internal: true });
    expect(await stamp(d.s1)).toBe(s1);
    expect(await s1Total()).toEqual(before);
    // the proposer confirms the pending contact: only proposal_contacts changes, and the figures show it
    const pD = await api.get('delegate01', `/api/proposals/${d.ids.pD}`);
    const pending = (pD.body.contacts as { id: string; status: string }[]).find((x) => x.status === 'pending');
    expect(pending).toBeDefined();
    await api.ok('delegate01', d.ids.pD, 'CONFIRM_CONTACT', { contactId: pending?.id });
    expect(await stamp(d.s1)).not.toBe(s1);
    expect(await stamp(d.s2)).toBe(s2);
    expect(await s1Total()).toEqual({
      ...before,
      contactsPending: before.contactsPending - 1,
      contactsConfirmed: before.contactsConfirmed + 1,
    });
  });
});
