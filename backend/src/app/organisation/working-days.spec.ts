import { addDays, endOfDay, isDayKey, isWorkingDay, localDay, startOfDay, WorkingCalendar } from './working-days';

const none: WorkingCalendar = new Map();
/** 2026 National Day golden week: holidays 1–7 Oct, make-up working days Sun 20 Sep and Sat 10 Oct. */
const autumn2026: WorkingCalendar = new Map([
  ['2026-09-20', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
  ['2026-10-10', 'workday'],
]);
/** Shanghai wall-clock time → instant. */
const sh = (iso: string) => new Date(`${iso}+08:00`);

describe('working days', () => {
  it('knows weekends from weekdays when the calendar says nothing', () => {
    expect(isWorkingDay('2026-11-27', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', none)).toBe(false); // Sunday
  });

  it('lets the calendar override the week: holidays and breaks are off, make-up days are on', () => {
    expect(isWorkingDay('2026-10-05', autumn2026)).toBe(false); // Monday, National Day
    expect(isWorkingDay('2026-10-10', autumn2026)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-07-20', new Map([['2026-07-20', 'break']]))).toBe(false); // Monday in the summer break
  });

  it('takes the date of an instant in the time zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday 07:30 in Shanghai
    expect(isWorkingDay(new Date('2026-11-27T23:30:00Z'), none)).toBe(false);
    expect(localDay(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
  });

  it('skips the weekend: 3 working days from a Thursday end on Tuesday night', () => {
    expect(addDays(sh('2026-11-26T10:00:00'), 3, 'working', none)).toEqual(sh('2026-12-01T23:59:59.999'));
  });

  it('skips public holidays and counts the make-up working day', () => {
    // from Wed 30 Sep: Thu 1 – Wed 7 Oct are holidays, Thu 8, Fri 9, Sat 10 (调休), Mon 12
    expect(addDays(sh('2026-09-30T09:00:00'), 1, 'working', autumn2026)).toEqual(sh('2026-10-08T23:59:59.999'));
    expect(addDays(sh('2026-09-30T09:00:00'), 3, 'working', autumn2026)).toEqual(sh('2026-10-10T23:59:59.999'));
    expect(addDays(sh('2026-09-30T09:00:00'), 4, 'working', autumn2026)).toEqual(sh('2026-10-12T23:59:59.999'));
  });

  it('counts a make-up Sunday before the holiday', () => {
    // from Fri 18 Sep: Sun 20 Sep is a working day
    expect(addDays(sh('2026-09-18T16:00:00'), 1, 'working', autumn2026)).toEqual(sh('2026-09-20T23:59:59.999'));
  });

  it('skips a term break', () => {
    const breakWeek: WorkingCalendar = new Map(
      ['2026-07-20', '2026-07-21', '2026-07-22', '2026-07-23', '2026-07-24'].map((d) => [d, 'break'] as const),
    );
    expect(addDays(sh('2026-07-17T12:00:00'), 1, 'working', breakWeek)).toEqual(sh('2026-07-27T23:59:59.999'));
  });

  it('counts calendar days straight through weekends and holidays', () => {
    expect(addDays(sh('2026-09-30T09:00:00'), 7, 'calendar', autumn2026)).toEqual(sh('2026-10-07T23:59:59.999'));
    expect(addDays(sh('2026-11-29T03:00:00'), 60, 'calendar', none)).toEqual(sh('2027-01-28T23:59:59.999'));
  });

  it('puts a deadline at the end of the day in the time zone, whatever the hour of the event', () => {
    const late = addDays(new Date('2026-11-26T15:59:00Z'), 1, 'calendar', none); // 23:59 Shanghai, Thu
    const early = addDays(new Date('2026-11-26T16:01:00Z'), 1, 'calendar', none); // 00:01 Shanghai, Fri
    expect(late.toISOString()).toBe('2026-11-27T15:59:59.999Z');
    expect(early.toISOString()).toBe('2026-11-28T15:59:59.999Z');
  });

  it('handles other time zones, daylight saving included', () => {
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });

  it('gives zero days as the end of the same day and refuses negative or fractional days', () => {
    expect(addDays(sh('2026-11-28T10:00:00'), 0, 'working', none)).toEqual(sh('2026-11-28T23:59:59.999'));
    expect(() => addDays(new Date(), -1, 'working', none)).toThrow(RangeError);
    expect(() => addDays(new Date(), 1.5, 'calendar', none)).toThrow(RangeError);
  });

  it('recognises real dates only', () => {
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('2026-2-3')).toBe(false);
  });
});
