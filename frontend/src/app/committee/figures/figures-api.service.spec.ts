import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FiguresApi } from './figures-api.service';

describe('the export links', () => {
  it('carry the filters that are set, encoded, and leave the empty ones out', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    const api = TestBed.inject(FiguresApi);
    expect(api.exportUrl('proposals.csv', { sessionId: 's1', state: 'handling', categoryId: null, departmentId: '', q: ' 食堂 ' })).toBe(
      `/api/exports/proposals.csv?sessionId=s1&state=handling&q=${encodeURIComponent('食堂')}`,
    );
    expect(api.exportUrl('report.pdf', {})).toBe('/api/exports/report.pdf');
  });
});
