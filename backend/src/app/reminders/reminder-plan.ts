import type { Reminder, SessionRules } from '@congress/workflow';
import {
  addDays,
  DayCounting,
  isWorkingDay,
  localDay,
  shiftDay,
  startOfDay,
  WorkingCalendar,
} from '../organisation/working-days';

/**
 * When each reminder runs (domain.md, Reminders), pure: from the date it hangs on (its anchor), the proposal's
 * rules and the working-day calendar. Day-based reminders go out at REMINDER_HOUR (local time) of their day;
 * the deadline jobs (cosignDeadline, evaluationDeadline) run at the deadline itself.
 *
 * - cosignReminder: 2 days before the co-sign window ends (days as the window counts them);
 * - reviewOverdue: the day after the committee's review target passed;
 * - handlingDue: 14 and 3 days before dueAt, on the due day, then every 7 days overdue (escalating);
 * - evaluationReminder: 3 days before the evaluation window ends;
 * - plannedDate: on the grade-B reply's planned date.
 */
export const COSIGN_REMINDER_DAYS = 2;
export const HANDLING_REMINDER_DAYS = [14, 3] as const;
export const OVERDUE_EVERY_DAYS = 7;
export const EVALUATION_REMINDER_DAYS = 3;
/** The deadline jobs: they send COSIGN_DEADLINE / EVALUATION_DEADLINE instead of a reminder. */
export const DEADLINE_JOBS: readonly Reminder[] = ['cosignDeadline', 'evaluationDeadline'];

export interface Occurrence {
  /** `<reminder>-<proposalId>-<anchor epoch ms>[-<step>]`: deterministic, no `:`. */
  jobId: string;
  reminder: Reminder;
  proposalId: string;
  anchor: string;
  runAt: Date;
  /** `deadline`, `before2`, `before14`, `before3`, `due`, `overdue1`, `overdue2`…, `after`, `on`. */
  step: string;
}

export interface PlanInput {
  proposalId: string;
  reminder: Reminder;
  anchor: string;
  rules: SessionRules;
  calendar: WorkingCalendar;
  timeZone: string;
  /** Local hour of day-based reminders. */
  hour: number;
  /** Occurrences before this are not planned (they were past when the anchor was set). Deadlines always are. */
  since: Date;
  now: Date;
}

export function jobIdOf(reminder: Reminder, proposalId: string, anchor: string, step: string): string {
  const base = `${reminder}-${proposalId}-${Date.parse(anchor)}`;
  return step === 'deadline' ? base : `${base}-${step}`;
}

/** The day `n` days before `day`, in calendar days or working days (a working-day count lands on a working day). */
export function daysBefore(day: string, n: number, counting: DayCounting, calendar: WorkingCalendar, timeZone: string): string {
  if (counting === 'calendar') return shiftDay(day, -n);
  let d = day;
  for (let counted = 0, steps = 0; counted < n; steps++) {
    if (steps > 20_000) throw new RangeError(`no ${n} working days before ${day}`);
    d = shiftDay(d, -1);
    if (isWorkingDay(d, calendar, timeZone)) counted++;
  }
  return d;
}

/** The planned occurrences of one reminder, in time order. */
export function planOccurrences(i: PlanInput): Occurrence[] {
  const anchorMs = Date.parse(i.anchor);
  if (Number.isNaN(anchorMs)) return [];
  const at = (day: string) => new Date(startOfDay(day, i.timeZone).getTime() + i.hour * 3_600_000);
  const anchorDay = localDay(new Date(anchorMs), i.timeZone);
  const before = (n: number, counting: DayCounting) => daysBefore(anchorDay, n, counting, i.calendar, i.timeZone);
  const make = (step: string, runAt: Date): Occurrence => ({
    jobId: jobIdOf(i.reminder, i.proposalId, i.anchor, step),
    reminder: i.reminder,
    proposalId: i.proposalId,
    anchor: new Date(anchorMs).toISOString(),
    runAt,
    step,
  });
  const counting = i.rules.dayCounting;
  let all: Occurrence[];
  switch (i.reminder) {
    case 'cosignDeadline':
    case 'evaluationDeadline':
      return [make('deadline', new Date(anchorMs))];
    case 'cosignReminder':
      all = [make(`before${COSIGN_REMINDER_DAYS}`, at(before(COSIGN_REMINDER_DAYS, counting.cosignWindowDays)))];
      all = all.filter((o) => o.runAt.getTime() < anchorMs);
      break;
    case 'evaluationReminder':
      all = [make(`before${EVALUATION_REMINDER_DAYS}`, at(before(EVALUATION_REMINDER_DAYS, counting.evaluationWindowDays)))];
      all = all.filter((o) => o.runAt.getTime() < anchorMs);
      break;
    case 'reviewOverdue': {
      const target = addDays(new Date(anchorMs), i.rules.reviewTargetDays, counting.reviewTargetDays, i.calendar, i.timeZone);
      const next = addDays(target, 1, counting.reviewTargetDays, i.calendar, i.timeZone);
      all = [make('after', at(localDay(next, i.timeZone)))];
      break;
    }
    case 'plannedDate':
      all = [make('on', at(anchorDay))];
      break;
    case 'handlingDue':
      all = [
        ...HANDLING_REMINDER_DAYS.map((n) => make(`before${n}`, at(before(n, counting.handlingDays)))),
        make('due', at(anchorDay)),
        ...overdue(i, anchorDay, at, make),
      ];
      break;
    default:
      return [];
  }
  return all.filter((o) => o.runAt.getTime() >= i.since.getTime()).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** Every 7 days after the due day, up to and including the first one after `now` (older than a cycle: dropped). */
function overdue(i: PlanInput, dueDay: string, at: (day: string) => Date, make: (s: string, r: Date) => Occurrence): Occurrence[] {
  const out: Occurrence[] = [];
  for (let k = 1; k <= 1000; k++) {
    const runAt = at(shiftDay(dueDay, OVERDUE_EVERY_DAYS * k));
    if (runAt.getTime() >= i.now.getTime() - OVERDUE_EVERY_DAYS * 86_400_000) out.push(make(`overdue${k}`, runAt));
    if (runAt.getTime() > i.now.getTime()) break;
  }
  return out;
}

/**
 * A day-based occurrence whose moment came after a later one of the same chain also came is not sent: after an
 * outage only the latest due reminder goes out. Deadlines are never superseded.
 */
export function isSuperseded(o: Occurrence, plan: readonly Occurrence[], now: Date): boolean {
  if (DEADLINE_JOBS.includes(o.reminder)) return false;
  return plan.some((p) => p.runAt.getTime() > o.runAt.getTime() && p.runAt.getTime() <= now.getTime());
}
