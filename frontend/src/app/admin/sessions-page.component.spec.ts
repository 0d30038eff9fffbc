import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { sessionWith } from '../../testing/sessions';
import { provideTestTranslations } from '../../testing/test-translations';
import { AdminApiService } from './admin-api.service';
import { SessionsPageComponent } from './sessions-page.component';

const current = sessionWith();

describe('the sessions page', () => {
  let fixture: ComponentFixture<SessionsPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), AdminApiService],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionsPageComponent);
    await settle();
    http.expectOne('/api/admin/sessions').flush([current]);
    await settle();
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const errors = () => Array.from(overlay().querySelectorAll('.error')).map((e) => e.textContent?.trim());

  function type(selector: string, value: string, event = 'input'): void {
    const input = overlay().querySelector(selector) as HTMLInputElement | HTMLSelectElement;
    input.value = value;
    input.dispatchEvent(new Event(event));
  }

  async function openEdit(): Promise<void> {
    (fixture.nativeElement.querySelector('tbody button[aria-label^="编辑"]') as HTMLButtonElement).click();
    await settle();
  }

  async function save(): Promise<void> {
    (overlay().querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await settle();
  }

  it('lists the sessions with the current one and its key rules', () => {
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('第五届教职工代表大会第三次会议');
    expect(text).toContain('当前');
    expect(text).toContain('60');
  });

  it('checks the rules within the bounds of the server and the collection window before sending', async () => {
    await openEdit();
    type('#rule-handlingDays', '0');
    type('#rule-minCosigners', '51');
    type('#ses-title', '');
    type('#ses-closes', '2026-02-01T00:00');
    await save();
    const shown = errors();
    expect(shown).toContain('必填。');
    expect(shown).toContain('不小于 1。');
    expect(shown).toContain('不大于 50。');
    expect(shown).toContain('征集截止时间须晚于开始时间。');
    expect(http.match((r) => r.url.startsWith('/api/admin/sessions'))).toHaveLength(0);
  });

  it('saves every rule as a number, with how each period counts days and the version read', async () => {
    await openEdit();
    type('#rule-handlingDays', '40');
    type('#count-handlingDays', 'working', 'change');
    await save();
    const patch = http.expectOne('/api/admin/sessions/s1');
    expect(patch.request.method).toBe('PATCH');
    const body = patch.request.body;
    expect(body.version).toBe(2);
    expect(body.title).toBe('第五届教职工代表大会第三次会议');
    expect(body.rules.handlingDays).toBe(40);
    expect(body.rules.minCosigners).toBe(2);
    expect(body.rules.dayCounting.handlingDays).toBe('working');
    expect(body.rules.dayCounting.cosignWindowDays).toBe('calendar');
    expect(new Date(body.opensAt).toISOString()).toBe(current.opensAt);
    patch.flush({ ...current, version: 3 });
    await settle();
    http.expectOne('/api/admin/sessions').flush([{ ...current, version: 3 }]);
  });

  it("shows the server's message about a rule under that rule", async () => {
    await openEdit();
    await save();
    http.expectOne('/api/admin/sessions/s1').flush(
      { statusCode: 400, error: 'Bad Request', message: 'bad', errors: [{ field: 'rules.maxExtensionDays', messages: ['maxExtensionDays must not exceed handlingDays'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const field = overlay().querySelector('#rule-maxExtensionDays')?.parentElement as HTMLElement;
    expect(field.textContent).toContain('maxExtensionDays must not exceed handlingDays');
  });

  it('offers a reload after a 409 and saves again with the version read anew', async () => {
    await openEdit();
    await save();
    http
      .expectOne('/api/admin/sessions/s1')
      .flush({ statusCode: 409, error: 'Conflict', message: 'changed by someone else', currentVersion: 3 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(overlay().textContent).toContain('此记录已被他人修改');
    (overlay().querySelector('[data-testid="admin-reload"]') as HTMLButtonElement).click();
    http.expectOne('/api/admin/sessions/s1').flush({ ...current, rules: { ...current.rules, handlingDays: 45 }, version: 3 });
    await settle();
    http.expectOne('/api/admin/sessions').flush([{ ...current, version: 3 }]);
    await settle();
    expect((overlay().querySelector('#rule-handlingDays') as HTMLInputElement).value).toBe('45');
    await save();
    expect(http.expectOne('/api/admin/sessions/s1').request.body.version).toBe(3);
  });
});
