import type { FigureGroup, TrendPoint } from '@congress/api-types';
import type { EChartsCoreOption } from 'echarts/core';

type Label = (key: string) => string;

/** Received, accepted and replied per group, with the on-time count: grouped bars. */
export function groupBars(groups: FigureGroup[], name: (g: FigureGroup) => string, t: Label): EChartsCoreOption {
  const keys = ['received', 'accepted', 'replied', 'repliedOnTime', 'overdueNow'] as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: groups.map(name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({ name: t(k), type: 'bar', data: groups.map((g) => g[k]) })),
  };
}

/** Reply grades A/B/C and the evaluation results per group: stacked bars. */
export function gradeBars(groups: FigureGroup[], name: (g: FigureGroup) => string, t: Label): EChartsCoreOption {
  const grades = ['gradeA', 'gradeB', 'gradeC'] as const;
  const evaluations = ['satisfied', 'basicallySatisfied', 'unsatisfied', 'notEvaluated'] as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: groups.map(name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...grades.map((k) => ({ name: t(k), type: 'bar', stack: 'grade', data: groups.map((g) => g[k]) })),
      ...evaluations.map((k) => ({ name: t(k), type: 'bar', stack: 'evaluation', data: groups.map((g) => g[k]) })),
    ],
  };
}

/** Across sessions: received and accepted (bars) and the three rates in percent (lines). */
export function trendLines(points: TrendPoint[], name: (p: TrendPoint) => string, t: Label): EChartsCoreOption {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: points.map(name) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: t('received'), type: 'bar', data: points.map((p) => p.received) },
      { name: t('accepted'), type: 'bar', data: points.map((p) => p.accepted) },
      ...(['acceptanceRate', 'onTimeRate', 'satisfactionRate'] as const).map((k) => ({
        name: t(k),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: points.map((p) => pct(p[k])),
      })),
    ],
  };
}
