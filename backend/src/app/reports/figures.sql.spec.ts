import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT_COLUMNS, FIGURE_COLUMNS } from '../../database/migrations/1765400000000-figure-stamps';
import { emptyCounts, withRates } from './figures.sql';

describe('the rates of the figures', () => {
  it('divide by their own denominators and are null where nothing was counted', () => {
    const r = withRates({ ...emptyCounts(), received: 9, accepted: 5, replied: 6, repliedOnTime: 5, evaluated: 3, satisfied: 1, basicallySatisfied: 1 });
    expect(r.acceptanceRate).toBe(0.5556);
    expect(r.onTimeRate).toBe(0.8333);
    expect(r.satisfactionRate).toBe(0.6667);
    expect(emptyCounts()).toMatchObject({ acceptanceRate: null, onTimeRate: null, satisfactionRate: null, medianDaysToReply: null });
  });
});

describe('the figure stamps', () => {
  // cached figures are reused while their session's stamp holds; the stamp triggers (migration 1765400000000)
  // fire on the columns they list, so every column the figures' SQL reads must be among them (a new one needs a
  // migration that adds it to the triggers)
  const sources = ['figures.sql.ts', 'figures.service.ts'].map((f) => readFileSync(join(__dirname, f), 'utf8')).join('\n');
  const read = (alias: string) => [...new Set([...sources.matchAll(new RegExp(`\\b${alias}\\.([a-z_]+)\\b`, 'g'))].map((m) => m[1]))];

  it('move with every proposals column the figures read (the id aside, which never changes)', () => {
    const columns = read('p').filter((c) => c !== 'id');
    expect(columns).toEqual(expect.arrayContaining(['state', 'grade', 'session_id', 'lead_department_id']));
    expect(columns.filter((c) => !FIGURE_COLUMNS.includes(c))).toEqual([]);
  });

  it('move with every proposal_contacts column the figures read', () => {
    const columns = read('pc');
    expect(columns).toContain('status');
    expect(columns.filter((c) => !CONTACT_COLUMNS.includes(c))).toEqual([]);
  });
});
