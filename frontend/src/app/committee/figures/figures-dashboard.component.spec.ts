import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FigureCounts, FiguresReport } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { provideEchartsCore } from 'ngx-echarts';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../../testing/test-translations';
import { FiguresDashboardComponent } from './figures-dashboard.component';

const zero: FigureCounts = {
  received: 0, accepted: 0, merged: 0, rejected: 0, converted: 0, withdrawn: 0, pendingReview: 0, acceptanceRate: null, assigned: 0,
  inHandling: 0, replied: 0, repliedOnTime: 0, onTimeRate: null, overdueNow: 0, gradeA: 0, gradeB: 0, gradeC: 0, evaluated: 0,
  satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notEvaluated: 0, awaitingEvaluation: 0, satisfactionRate: null, rehandled: 0,
  medianDaysToReply: null, promisesFulfilled: 0, promisesOpen: 0, contactsConfirmed: 0, contactsDisputed: 0, contactsPending: 0,
};
const session = { id: 's1', title: '第五届教职工代表大会第三次会议', titleEn: null, year: 2026, term: 5, meeting: 3 };
const jwc = { ...zero, id: 'd1', name: '教务处', nameEn: null, received: 3, replied: 3, repliedOnTime: 2, onTimeRate: 2 / 3 };

/** A stand-in for ECharts: jsdom has no canvas. */
const fakeEcharts = {
  init: () => ({ setOption: jest.fn(), on: jest.fn(), off: jest.fn(), resize: jest.fn(), dispose: jest.fn(), showLoading: jest.fn(), hideLoading: jest.fn(), getOption: () => ({}), isDisposed: () => false }),
};

describe('the committee figures dashboard', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver, which ngx-echarts uses to follow the chart's size
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
      observe = jest.fn();
      unobserve = jest.fn();
      disconnect = jest.fn();
    };
  });

  it('shows the session totals, the groups and the ranking', async () => {
    TestBed.configureTestingModule({
      imports: [FiguresDashboardComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        provideEchartsCore({ echarts: fakeEcharts as never }),
      ],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FiguresDashboardComponent);
    await fixture.whenStable();
    http.expectOne('/api/public/sessions').flush([{ ...session, isCurrent: true, publishedCount: 2 }]);
    http.expectOne('/api/reports/trends').flush({ generatedAt: '', departmentIds: null, points: [] });
    http.match('/api/categories').forEach((r) => r.flush([]));
    http.match('/api/departments').forEach((r) => r.flush([]));
    const report: FiguresReport = {
      session, generatedAt: '', departmentIds: null, by: 'department',
      total: { ...zero, received: 10, accepted: 6, acceptanceRate: 0.6 },
      groups: [jwc],
    };
    http.expectOne((r) => r.url === '/api/reports/figures' && r.params.get('by') === 'department').flush(report);
    http.expectOne('/api/reports/departments').flush({ session, generatedAt: '', rankedBy: '', rows: [{ ...jwc, rank: 1 }] });
    await fixture.whenStable();
    // the session is now chosen: the figures are asked again for it
    http.match((r) => r.url.startsWith('/api/reports/')).forEach((r) =>
      r.flush(r.request.url === '/api/reports/figures' ? report : { session, generatedAt: '', rankedBy: '', rows: [{ ...jwc, rank: 1 }] }),
    );
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const text = page.textContent ?? '';
    expect(text).toContain('60.0%');
    expect(text).toContain('教务处');
    expect(text).toContain('66.7%');
    expect(text).toContain('承办单位检查评议排名');
  });
});
