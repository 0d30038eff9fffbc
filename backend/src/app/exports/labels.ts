/** Chinese labels the printed exports use for state names, grades and evaluations. */
export const STATE_LABELS: Record<string, string> = {
  draft: '草稿',
  cosigning: '附议中',
  delegationReview: '代表团审核',
  submitted: '待审查',
  accepted: '已立案',
  classified: '已分类',
  'handling.drafting': '办理中',
  'handling.replyReview': '答复审核',
  'handling.leaderSignoff': '领导签批',
  'handling.committeeReplyCheck': '提案委审核答复',
  'handling.reassignmentRequested': '申请改办',
  replied: '已答复',
  disputed: '不满意待处理',
  closed: '已办结',
  rejected: '不予立案',
  merged: '已并案',
  withdrawn: '已撤回',
};

export const GRADE_LABELS: Record<string, string> = {
  A: 'A 已解决或基本解决',
  B: 'B 正在解决或列入计划',
  C: 'C 因条件限制暂不能解决',
};

export const EVALUATION_LABELS: Record<string, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  none: '未测评',
};

export const KIND_LABELS: Record<string, string> = { proposal: '提案', suggestion: '意见建议' };

export function label(map: Record<string, string>, key: string | null | undefined): string {
  return key ? (map[key] ?? key) : '';
}

/** 2026-03-05 in the university's time zone (Asia/Shanghai), or ''. */
export function day(d: Date | string | null | undefined): string {
  if (!d) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(d));
}

/** 0.8571 → '85.7%'; null → '—'. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
