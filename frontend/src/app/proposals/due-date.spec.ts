import { of, throwError } from 'rxjs';
import { dueDatePreview, previewDueDay, todayInShanghai } from './due-date';

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

describe('dueDatePreview', () => {
  it("takes the server's due day (the admin's calendar counted)", (done) => {
    dueDatePreview(of({ dueAt: '2026-10-09T15:59:59.999Z', dueDay: '2026-10-09' }), 5, 'working', () => '2026-09-29').subscribe((p) => {
      expect(p).toEqual({ day: '2026-10-09', days: 5, counting: 'working', source: 'server' });
      done();
    });
  });

  it('counts weekdays itself when the server cannot be asked, and marks it as an estimate', (done) => {
    dueDatePreview(throwError(() => new Error('offline')), 5, 'working', () => '2026-11-27').subscribe((p) => {
      expect(p).toEqual({ day: '2026-12-04', days: 5, counting: 'working', source: 'estimate' });
      done();
    });
  });
});
