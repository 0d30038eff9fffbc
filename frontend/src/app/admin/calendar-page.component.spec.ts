import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CalendarDay } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { AdminApiService } from './admin-api.service';
import { CalendarPageComponent } from './calendar-page.component';

const year = new Date().getFullYear();
const days: CalendarDay[] = [
  { day: `${year}-10-08`, kind: 'holiday', note: '国庆节' },
  { day: `${year}-01-01`, kind: 'holiday', note: '元旦' },
  { day: `${year}-09-28`, kind: 'workday', note: '调休' },
];

describe('the calendar page', () => {
  let fixture: ComponentFixture<CalendarPageComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), AdminApiService],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarPageComponent);
    el = fixture.nativeElement;
    await settle();
    const req = http.expectOne((r) => r.url === '/api/admin/calendar');
    expect(req.request.params.get('year')).toBe(String(year));
    req.flush(days);
    await settle();
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((o) => (o.innerHTML = '')));

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const errors = () => Array.from(el.querySelectorAll('form .error')).map((e) => e.textContent?.trim());

  function type(selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function save(): Promise<void> {
    (el.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await settle();
  }

  it("lists the year's special days in date order with their kind", () => {
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('元旦');
    expect(rows[1]).toContain('调休上班日');
    expect(rows[2]).toContain('法定节假日');
    expect(rows[2]).toContain('国庆节');
  });

  it('asks for the day and keeps the note short before sending', async () => {
    await save();
    expect(errors()).toEqual(['必填。']);
    type('#cal-day', `${year}-05-01`);
    type('#cal-note', 'x'.repeat(201));
    await save();
    expect(errors()).toEqual(['最多 200 个字符。']);
    expect(http.match((r) => r.url.startsWith('/api/admin/calendar/'))).toHaveLength(0);
  });

  it('puts the day with its kind and note, then shows the year of that day', async () => {
    type('#cal-day', `${year + 1}-05-01`);
    type('#cal-note', ' 劳动节 ');
    await save();
    const put = http.expectOne(`/api/admin/calendar/${year + 1}-05-01`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ kind: 'holiday', note: '劳动节' });
    put.flush({ day: `${year + 1}-05-01`, kind: 'holiday', note: '劳动节' });
    await settle();
    const reload = http.expectOne((r) => r.url === '/api/admin/calendar');
    expect(reload.request.params.get('year')).toBe(String(year + 1));
    reload.flush([{ day: `${year + 1}-05-01`, kind: 'holiday', note: '劳动节' }]);
    await settle();
    expect(el.textContent).toContain(`${year + 1} 年`);
    expect(el.textContent).toContain('劳动节');
    expect((el.querySelector('#cal-day') as HTMLInputElement).value).toBe('');
  });

  it('shows what the server refused: field messages of a 400, the message of a 403', async () => {
    type('#cal-day', `${year}-02-28`);
    await save();
    http
      .expectOne(`/api/admin/calendar/${year}-02-28`)
      .flush({ statusCode: 400, error: 'Bad Request', message: 'bad', errors: [{ field: 'day', messages: ['day is outside the supported years'] }] }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(errors()).toContain('day is outside the supported years');
    expect(el.querySelector('[data-testid="admin-refusal"]')?.textContent).toContain('请更正标出的字段');

    type('#cal-day', `${year}-03-02`);
    await save();
    http
      .expectOne(`/api/admin/calendar/${year}-03-02`)
      .flush({ statusCode: 403, error: 'Forbidden', message: 'Only administrators keep the calendar' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(el.querySelector('[data-testid="admin-refusal"]')?.textContent).toContain('Only administrators keep the calendar');
  });
});
