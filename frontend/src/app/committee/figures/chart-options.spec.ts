import type { FigureGroup, TrendPoint } from '@congress/api-types';
import { gradeBars, groupBars, trendLines } from './chart-options';

const zero = {
  received: 0, accepted: 0, merged: 0, rejected: 0, converted: 0, withdrawn: 0, pendingReview: 0, acceptanceRate: null, assigned: 0,
  inHandling: 0, replied: 0, repliedOnTime: 0, onTimeRate: null, overdueNow: 0, gradeA: 0, gradeB: 0, gradeC: 0, evaluated: 0,
  satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notEvaluated: 0, awaitingEvaluation: 0, satisfactionRate: null, rehandled: 0,
  medianDaysToReply: null, promisesFulfilled: 0, promisesOpen: 0, contactsConfirmed: 0, contactsDisputed: 0, contactsPending: 0,
};
const label = (k: string) => `L:${k}`;
type Series = { name: string; data: (number | null)[]; stack?: string; yAxisIndex?: number };

describe('the dashboard charts', () => {
  const groups: FigureGroup[] = [
    { ...zero, id: 'd1', name: '教务处', nameEn: null, received: 3, accepted: 3, replied: 2, gradeA: 1, gradeB: 1, satisfied: 1 },
    { ...zero, id: null, name: null, nameEn: null, received: 2 },
  ];

  it('draws received, accepted and replied per group', () => {
    const o = groupBars(groups, (g) => g.name ?? '—', label) as { xAxis: { data: string[] }; series: Series[] };
    expect(o.xAxis.data).toEqual(['教务处', '—']);
    expect(o.series.find((s) => s.name === 'L:received')?.data).toEqual([3, 2]);
    expect(o.series.find((s) => s.name === 'L:replied')?.data).toEqual([2, 0]);
  });

  it('stacks grades apart from evaluations', () => {
    const o = gradeBars(groups, (g) => g.name ?? '—', label) as { series: Series[] };
    expect(o.series.filter((s) => s.stack === 'grade').map((s) => s.data[0])).toEqual([1, 1, 0]);
    expect(o.series.filter((s) => s.stack === 'evaluation').map((s) => s.name)).toContain('L:notEvaluated');
  });

  it('plots the rates across sessions in percent, gaps where nothing was evaluated', () => {
    const points = [
      { ...zero, session: { id: 's1', title: 'A', titleEn: null, year: 2025, term: 5, meeting: 2 }, received: 2, onTimeRate: null },
      { ...zero, session: { id: 's2', title: 'B', titleEn: null, year: 2026, term: 5, meeting: 3 }, received: 10, onTimeRate: 5 / 6 },
    ] as TrendPoint[];
    const o = trendLines(points, (p) => p.session.title, label) as { series: Series[] };
    expect(o.series.find((s) => s.name === 'L:onTimeRate')).toMatchObject({ yAxisIndex: 1, data: [null, 83.3] });
  });
});
