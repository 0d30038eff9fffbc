import type { DayCounting, DeadlinePreview } from '@congress/api-types';
import { catchError, map, Observable, of } from 'rxjs';

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
 * The due day of a period of `days` starting after `from` (the day itself does not count), computed in the
 * browser: calendar days, or working days by the weekday rule only. Without the admin's calendar (holidays,
 * make-up workdays) a preview in working days may be off by those days: only the fallback of `dueDatePreview`.
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

/** What the ASSIGN / REASSIGN form says about the due date it will get. */
export interface DuePreview {
  /** YYYY-MM-DD on the university's clock. */
  day: string;
  days: number;
  counting: DayCounting;
  /** `server`: `GET /api/calendar/deadline`, the admin's calendar counted; `estimate`: computed here (the call failed). */
  source: 'server' | 'estimate';
}

/**
 * The due day of a period starting today, as the server computes it (`deadline$`, i.e. `GET /api/calendar/deadline`);
 * when that call fails, the browser's own count (`previewDueDay`), marked as an estimate.
 */
export function dueDatePreview(
  deadline$: Observable<DeadlinePreview>,
  days: number,
  counting: DayCounting,
  today: () => string = () => todayInShanghai(),
): Observable<DuePreview> {
  return deadline$.pipe(
    map((answer): DuePreview => ({ day: answer.dueDay, days, counting, source: 'server' })),
    catchError(() => of<DuePreview>({ day: previewDueDay(today(), days, counting), days, counting, source: 'estimate' })),
  );
}
