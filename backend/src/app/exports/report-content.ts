import type { DepartmentEvaluationReport, FigureCounts, FiguresReport } from '@congress/api-types';
import type { Block } from './blocks';
import { day, percent } from './labels';

const n = (v: number) => String(v);
const days = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** The summary paragraph of a session's figures, in the words of a union report. */
export function summary(t: FigureCounts): string {
  return (
    `本次会议共收到提案${t.received}件，经提案工作委员会审查，立案${t.accepted}件（立案率${percent(t.acceptanceRate)}），` +
    `并案${t.merged}件，转为意见建议${t.converted}件，不予立案${t.rejected}件，撤回${t.withdrawn}件，尚待审查${t.pendingReview}件。` +
    `已交办${t.assigned}件，已答复${t.replied}件，其中按期答复${t.repliedOnTime}件（按期答复率${percent(t.onTimeRate)}），` +
    `目前逾期未答复${t.overdueNow}件；答复中A类（已解决或基本解决）${t.gradeA}件，B类（正在解决或列入计划）${t.gradeB}件，` +
    `C类（因条件限制暂不能解决）${t.gradeC}件。提案人测评${t.evaluated}件，其中满意${t.satisfied}件、基本满意${t.basicallySatisfied}件、` +
    `不满意${t.unsatisfied}件（满意率${percent(t.satisfactionRate)}），未测评${t.notEvaluated}件，待测评${t.awaitingEvaluation}件；` +
    `重新办理${t.rehandled}件。B类答复承诺已兑现${t.promisesFulfilled}件、尚未兑现${t.promisesOpen}件。` +
    `承办单位登记的沟通记录中，提案人确认${t.contactsConfirmed}次、提出异议${t.contactsDisputed}次。` +
    `从交办到答复用时中位数为${days(t.medianDaysToReply)}天。`
  );
}

const GROUP_HEADERS = ['收到', '立案', '立案率', '已答复', '按期率', '逾期', 'A', 'B', 'C', '满意率', '未测评', '重办'];
const groupCells = (g: FigureCounts) => [
  n(g.received), n(g.accepted), percent(g.acceptanceRate), n(g.replied), percent(g.onTimeRate), n(g.overdueNow),
  n(g.gradeA), n(g.gradeB), n(g.gradeC), percent(g.satisfactionRate), n(g.notEvaluated), n(g.rehandled),
];

/** 提案工作报告: the figures of a session as printed blocks: summary, totals, per category, per department, ranking. */
export function reportBlocks(byCategory: FiguresReport, byDepartment: FiguresReport, ranking: DepartmentEvaluationReport): Block[] {
  const t = byCategory.total;
  return [
    { kind: 'title', text: `${byCategory.session.title}提案工作报告` },
    { kind: 'subtitle', text: `提案工作委员会\u3000统计截至${day(byCategory.generatedAt)}` },
    { kind: 'heading', text: '一、提案工作总体情况' },
    { kind: 'para', text: summary(t) },
    {
      kind: 'table',
      headers: ['项目', '数量', '项目', '数量'],
      widths: [3, 1, 3, 1],
      rows: [
        ['收到提案', n(t.received), '立案', n(t.accepted)],
        ['立案率', percent(t.acceptanceRate), '并案', n(t.merged)],
        ['转为意见建议', n(t.converted), '不予立案', n(t.rejected)],
        ['已答复', n(t.replied), '按期答复', n(t.repliedOnTime)],
        ['按期答复率', percent(t.onTimeRate), '目前逾期', n(t.overdueNow)],
        ['A类答复', n(t.gradeA), 'B类答复', n(t.gradeB)],
        ['C类答复', n(t.gradeC), '重新办理', n(t.rehandled)],
        ['满意', n(t.satisfied), '基本满意', n(t.basicallySatisfied)],
        ['不满意', n(t.unsatisfied), '未测评', n(t.notEvaluated)],
        ['满意率', percent(t.satisfactionRate), '答复用时中位数（天）', days(t.medianDaysToReply)],
        ['B类承诺已兑现', n(t.promisesFulfilled), 'B类承诺未兑现', n(t.promisesOpen)],
        ['沟通经提案人确认', n(t.contactsConfirmed), '沟通被提出异议', n(t.contactsDisputed)],
      ],
    },
    { kind: 'heading', text: '二、分类统计' },
    {
      kind: 'table',
      headers: ['类别', ...GROUP_HEADERS],
      widths: [4, ...GROUP_HEADERS.map(() => 1.2)],
      rows: byCategory.groups.map((g) => [g.name ?? '未分类', ...groupCells(g)]),
    },
    { kind: 'heading', text: '三、承办单位办理情况' },
    {
      kind: 'table',
      headers: ['主办单位', '交办', '已答复', '按期率', '逾期', '用时中位数（天）', '满意率', '重办'],
      widths: [4, 1, 1, 1.4, 1, 1.6, 1.4, 1],
      rows: byDepartment.groups
        .filter((g) => g.id !== null)
        .map((g) => [g.name ?? '', n(g.assigned), n(g.replied), percent(g.onTimeRate), n(g.overdueNow), days(g.medianDaysToReply), percent(g.satisfactionRate), n(g.rehandled)]),
    },
    { kind: 'heading', text: '四、承办单位检查评议排名' },
    { kind: 'para', text: '排名依据：按期答复率（高者在前），其次满意率（高者在前），其次沟通异议数（少者在前），其次B类未兑现承诺数（少者在前）。' },
    {
      kind: 'table',
      headers: ['名次', '主办单位', '按期率', '满意率', '重办', '沟通确认', '沟通异议', 'B类已兑现', 'B类未兑现'],
      widths: [1, 4, 1.4, 1.4, 1, 1.2, 1.2, 1.2, 1.2],
      rows: ranking.rows.map((r) => [
        n(r.rank), r.name ?? '', percent(r.onTimeRate), percent(r.satisfactionRate), n(r.rehandled),
        n(r.contactsConfirmed), n(r.contactsDisputed), n(r.promisesFulfilled), n(r.promisesOpen),
      ]),
    },
  ];
}
