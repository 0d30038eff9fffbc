import { resolveRules, type Reminder } from '@congress/workflow';
import type { WorkingCalendar } from '../organisation/working-days';
import { isSuperseded, planOccurrences, PlanInput } from './reminder-plan';

const P = '6f1f7a8e-7d0c-4d8e-9a59-1c1f2a3b4c5d';
/** The end of 2026-06-30 in Shanghai, as the calendar computes deadlines. */
const DUE = '2026-06-30T15:59:59.999Z';
const NONE: WorkingCalendar = new Map();

function plan(reminder: Reminder, anchor: string, extra: Partial<PlanInput> = {}) {
  return planOccurrences({
    proposalId: P,
    reminder,
    anchor,
    rules: resolveRules(),
    calendar: NONE,
    timeZone: 'Asia/Shanghai',
    hour: 9,
    since: new Date('2026-01-01T00:00:00Z'),
    now: new Date('2026-05-01T00:00:00Z'),
    ...extra,
  });
}
const times = (os: { step: string; runAt: Date }[]) => os.map((o) => [o.step, o.runAt.toISOString()]);

describe('reminder plan', () => {
  it('reminds the handler 14 and 3 days before the due date, on it, then a week overdue, at 09:00 local time', () => {
    const os = plan('handlingDue', DUE);
    expect(times(os)).toEqual([
      ['before14', '2026-06-16T01:00:00.000Z'],
      ['before3', '2026-06-27T01:00:00.000Z'],
      ['due', '2026-06-30T01:00:00.000Z'],
      ['overdue1', '2026-07-07T01:00:00.000Z'],
    ]);
    expect(os[0].jobId).toBe(`handlingDue-${P}-${Date.parse(DUE)}-before14`);
    expect(os.every((o) => !o.jobId.includes(':'))).toBe(true);
  });

  it('counts working days where the session counts handling in working days, skipping weekends and holidays', () => {
    const rules = resolveRules({ dayCounting: { handlingDays: 'working' } });
    // due Monday 2026-06-29; Friday 2026-06-26 is a holiday: 3 working days before is Tuesday the 23rd
    const holiday: WorkingCalendar = new Map([['2026-06-26', 'holiday']]);
    const os = plan('handlingDue', '2026-06-29T15:59:59.999Z', { rules, calendar: holiday });
    expect(times(os).find(([s]) => s === 'before3')).toEqual(['before3', '2026-06-23T01:00:00.000Z']);
  });

  it('goes on every 7 days overdue up to the next one, dropping those older than a week', () => {
    const os = plan('handlingDue', DUE, { now: new Date('2026-07-25T00:00:00Z') });
    expect(times(os).map(([step]) => step)).toEqual(['before14', 'before3', 'due', 'overdue3', 'overdue4']);
    expect(times(os).slice(-2)).toEqual([
      ['overdue3', '2026-07-21T01:00:00.000Z'],
      ['overdue4', '2026-07-28T01:00:00.000Z'],
    ]);
  });

  it('plans nothing that was already past when the deadline was set, except the deadline jobs', () => {
    const since = new Date('2026-06-20T00:00:00Z');
    expect(times(plan('handlingDue', DUE, { since })).map(([s]) => s)).toEqual(['before3', 'due', 'overdue1']);
    expect(times(plan('cosignDeadline', DUE, { since: new Date('2027-01-01T00:00:00Z') }))).toEqual([['deadline', DUE]]);
  });

  it('times the other reminders from their anchors', () => {
    expect(times(plan('cosignReminder', DUE))).toEqual([['before2', '2026-06-28T01:00:00.000Z']]);
    expect(times(plan('evaluationReminder', DUE))).toEqual([['before3', '2026-06-27T01:00:00.000Z']]);
    expect(times(plan('plannedDate', '2026-09-01T00:00:00.000Z'))).toEqual([['on', '2026-09-01T01:00:00.000Z']]);
    // submitted 2026-06-01 10:00 local; target 15 days → end of 06-16; reminded on 06-17 at 09:00
    expect(times(plan('reviewOverdue', '2026-06-01T02:00:00.000Z'))).toEqual([['after', '2026-06-17T01:00:00.000Z']]);
    expect(plan('cosignDeadline', DUE)[0].jobId).toBe(`cosignDeadline-${P}-${Date.parse(DUE)}`);
  });

  it('skips a reminder whose later sibling is due as well (after an outage only the latest goes out)', () => {
    const os = plan('handlingDue', DUE);
    expect(isSuperseded(os[0], os, new Date('2026-06-20T00:00:00Z'))).toBe(false);
    expect(isSuperseded(os[0], os, new Date('2026-06-28T00:00:00Z'))).toBe(true);
    const deadline = plan('evaluationDeadline', DUE);
    expect(isSuperseded(deadline[0], deadline, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
