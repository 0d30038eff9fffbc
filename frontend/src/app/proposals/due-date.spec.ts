import { previewDueDay, todayInShanghai } from './due-date';

describe('previewDueDay', () => {
  it('counts calendar days after the day itself', () => {
    expect(previewDueDay('2026-11-29', 60, 'calendar')).toBe('2027-01-28');
    expect(previewDueDay('2026-02-27', 2, 'calendar')).toBe('2026-03-01');
  });

  it('counts working days Monday to Friday', () => {
    // Friday + 1 working day = Monday; Friday + 5 = next Friday
    expect(previewDueDay('2026-11-27', 1, 'working')).toBe('2026-11-30');
    expect(previewDueDay('2026-11-27', 5, 'working')).toBe('2026-12-04');
    // Sunday + 1 = Monday
    expect(previewDueDay('2026-11-29', 1, 'working')).toBe('2026-11-30');
  });

  it("takes today's date in Shanghai", () => {
    expect(todayInShanghai(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
    expect(todayInShanghai(new Date('2026-11-29T15:00:00Z'))).toBe('2026-11-29');
  });
});
