import type { CalendarDayKind } from '@congress/api-types';

/**
 * China's public holidays and make-up working days (调休) as the State Council's General Office announced
 * them: 2025 (notice of 12 Nov 2024) and 2026 (notice of 4 Nov 2025). Seeded as demo data, marked so in
 * `note`; the admin keeps the calendar (the next year's notice usually comes out in November). Term breaks
 * differ per university and are not seeded.
 */
type Span = [from: string, to: string, festival: string];
interface YearPlan {
  holidays: Span[];
  workdays: [day: string, festival: string][];
  source: string;
}

export const PUBLIC_HOLIDAYS: Record<number, YearPlan> = {
  2025: {
    source: '国办发明电〔2024〕12号',
    holidays: [
      ['2025-01-01', '2025-01-01', '元旦'],
      ['2025-01-28', '2025-02-04', '春节'],
      ['2025-04-04', '2025-04-06', '清明节'],
      ['2025-05-01', '2025-05-05', '劳动节'],
      ['2025-05-31', '2025-06-02', '端午节'],
      ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
    ],
    workdays: [
      ['2025-01-26', '春节'],
      ['2025-02-08', '春节'],
      ['2025-04-27', '劳动节'],
      ['2025-09-28', '国庆节、中秋节'],
      ['2025-10-11', '国庆节、中秋节'],
    ],
  },
  2026: {
    source: '国务院办公厅 2025-11-04',
    holidays: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    workdays: [
      ['2026-01-04', '元旦'],
      ['2026-02-14', '春节'],
      ['2026-02-28', '春节'],
      ['2026-05-09', '劳动节'],
      ['2026-09-20', '国庆节'],
      ['2026-10-10', '国庆节'],
    ],
  },
};

/** The calendar rows of the given years that are known (unknown years give none). */
export function calendarRows(years: number[]): { day: string; kind: CalendarDayKind; note: string }[] {
  const rows: { day: string; kind: CalendarDayKind; note: string }[] = [];
  for (const year of years) {
    const plan = PUBLIC_HOLIDAYS[year];
    if (!plan) continue;
    for (const [from, to, festival] of plan.holidays) {
      for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        rows.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', note: `${festival}（演示数据 seeded demo data, ${plan.source}）` });
      }
    }
    for (const [day, festival] of plan.workdays) {
      rows.push({ day, kind: 'workday', note: `${festival}调休上班（演示数据 seeded demo data, ${plan.source}）` });
    }
  }
  return rows;
}
