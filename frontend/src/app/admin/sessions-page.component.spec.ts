import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { sessionWith } from '../../testing/sessions';
import { AdminPage, clearOverlays, openAdminPage } from '../../testing/admin-page';
import { SessionsPageComponent } from './sessions-page.component';

const current = sessionWith();

describe('the sessions page', () => {
  let fixture: ComponentFixture<SessionsPageComponent>;
  let http: HttpTestingController;
  let page: AdminPage<SessionsPageComponent>;

  beforeEach(async () => {
    page = await openAdminPage(SessionsPageComponent, '/api/admin/sessions', [current]);
    ({ fixture, http } = page);
  });

  afterEach(clearOverlays);

  const settle = () => page.settle();
  const overlay = () => page.overlay();
  const errors = () => page.errors();
  const type = (selector: string, value: string, event?: string) => page.type(selector, value, event);
  const openEdit = () => page.openEdit();
  const save = () => page.save();

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
