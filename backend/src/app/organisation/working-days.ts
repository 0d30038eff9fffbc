/**
 * Working-day arithmetic, pure (no Nest, no database): the lifecycle computes due dates and windows with it
 * through WorkingCalendarService, which supplies the admin-kept calendar.
 *
 * - A day is a working day when the calendar marks it `workday` (调休, a make-up working day), or when it is
 *   Monday–Friday and the calendar does not mark it `holiday` or `break`.
 * - Periods start the day after the event (the event's own day does not count, as in 期间开始的当日不计算在内).
 * - A deadline is the end of the resulting day (23:59:59.999) in the given time zone.
 */
export type DayKind = 'holiday' | 'workday' | 'break';
export type DayCounting = 'working' | 'calendar';
/** 'YYYY-MM-DD' → kind; days not listed follow the weekday rule. */
export type WorkingCalendar = ReadonlyMap<string, DayKind>;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const MAX_STEPS = 20_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function parseKey(day: string): [number, number, number] {
  const m = DAY_KEY.exec(day);
  const parsed = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !parsed || parsed.toISOString().slice(0, 10) !== day) throw new RangeError(`not a date: "${day}"`);
  return [+m[1], +m[2], +m[3]];
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isDayKey(day: string): boolean {
  try {
    parseKey(day);
    return true;
  } catch {
    return false;
  }
}

/** The date (YYYY-MM-DD) an instant falls on in the time zone. */
export function localDay(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The date `n` days after (or before) a date. */
export function shiftDay(day: string, n: number): string {
  const [y, m, d] = parseKey(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The first instant of a date in the time zone. */
export function startOfDay(day: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const [y, m, d] = parseKey(day);
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetMs(guess, timeZone);
  const again = offsetMs(t, timeZone);
  if (again !== offsetMs(guess, timeZone)) t = guess - again;
  return new Date(t);
}

/** The last millisecond of a date in the time zone. */
export function endOfDay(day: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(startOfDay(shiftDay(day, 1), timeZone).getTime() - 1);
}

/** Whether a date (or the date an instant falls on in the time zone) is a working day. */
export function isWorkingDay(day: string | Date, calendar: WorkingCalendar, timeZone = DEFAULT_TIME_ZONE): boolean {
  const key = typeof day === 'string' ? day : localDay(day, timeZone);
  const kind = calendar.get(key);
  if (kind === 'workday') return true;
  if (kind === 'holiday' || kind === 'break') return false;
  const [y, m, d] = parseKey(key);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `days` days after `from`: the end of the resulting day in the time zone. Working days skip
 * weekends, public holidays and term breaks, but count make-up working days. `days = 0` is the end of `from`'s
 * own day.
 */
export function addDays(
  from: Date,
  days: number,
  counting: DayCounting,
  calendar: WorkingCalendar,
  timeZone = DEFAULT_TIME_ZONE,
): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, got ${days}`);
  if (Number.isNaN(from.getTime())) throw new RangeError('from is not a valid date');
  let day = localDay(from, timeZone);
  if (counting === 'calendar') return endOfDay(shiftDay(day, days), timeZone);
  if (counting !== 'working') throw new RangeError(`counting must be 'working' or 'calendar', got "${counting}"`);
  let counted = 0;
  for (let steps = 0; counted < days; steps++) {
    if (steps > MAX_STEPS) throw new RangeError(`no ${days} working days found after ${localDay(from, timeZone)}`);
    day = shiftDay(day, 1);
    if (isWorkingDay(day, calendar, timeZone)) counted++;
  }
  return endOfDay(day, timeZone);
}

/** Whole days between two instants' dates (b − a) in the time zone; handy for "n days left". */
export function daysBetween(a: Date, b: Date, timeZone = DEFAULT_TIME_ZONE): number {
  const [ya, ma, da] = parseKey(localDay(a, timeZone));
  const [yb, mb, db] = parseKey(localDay(b, timeZone));
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}
