import type { DayCounting } from '@congress/api-types';

/** The date (YYYY-MM-DD) `day` plus `n` days. */
function shift(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Monday–Friday. */
function isWeekday(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w !== 0 && w !== 6;
}

/** Today's date (YYYY-MM-DD) on the university's clock (Asia/Shanghai), as the server counts. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The due day of a period of `days` starting after `from` (the day itself does not count), as the server
 * computes it (working-days.ts): calendar days, or working days by the weekday rule. The admin's calendar
 * (holidays, make-up workdays) is not public, so a preview in working days may be off by those days; the
 * server sets the real date.
 */
export function previewDueDay(from: string, days: number, counting: DayCounting): string {
  if (counting === 'calendar') return shift(from, days);
  let day = from;
  let left = days;
  while (left > 0) {
    day = shift(day, 1);
    if (isWeekday(day)) left--;
  }
  return day;
}
