import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { FormGroup } from '@angular/forms';
import type { Delegation } from '@congress/api-types';
import { AdminPage, clearOverlays, openAdminPage } from '../../testing/admin-page';
import { DelegationsPageComponent } from './delegations-page.component';

const zhang = { id: 'u1', username: 'delegate01', displayName: '张伟' };
const wang = { id: 'u2', username: 'delegate02', displayName: '王芳' };
const li = { id: 'u3', username: 'delegate03', displayName: '李娜' };
const wxy: Delegation = { id: 'g1', code: 'wxy', name: '文学院代表团', nameEn: null, head: zhang, delegates: [zhang, wang, li], version: 3 };

describe('the delegations page', () => {
  let fixture: ComponentFixture<DelegationsPageComponent>;
  let http: HttpTestingController;
  let page: AdminPage<DelegationsPageComponent>;

  beforeEach(async () => {
    page = await openAdminPage(DelegationsPageComponent, '/api/admin/delegations', [wxy]);
    ({ fixture, http } = page);
  });

  afterEach(clearOverlays);

  const settle = () => page.settle();
  const overlay = () => page.overlay();
  const errors = () => page.errors();
  const openEdit = () => page.openEdit();
  const save = () => page.save();

  const form = () => (fixture.componentInstance as unknown as { form: FormGroup }).form;

  it('lists each delegation with its head and the number of delegates', () => {
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('文学院代表团');
    expect(text).toContain('张伟');
    expect(text).toContain('3 名代表');
  });

  it('asks for code and name and keeps the head among the delegates before sending', async () => {
    (fixture.nativeElement.querySelector('[data-testid="create"]') as HTMLButtonElement).click();
    await settle();
    await save();
    expect(errors()).toEqual(['必填。', '必填。']);
    form().patchValue({ code: 'wxy2', name: '新代表团', headId: 'u9', userIds: ['u2'] });
    await save();
    expect(errors()).toEqual(['团长必须是本团代表之一。']);
    expect(http.match((r) => r.url.startsWith('/api/admin/delegations'))).toHaveLength(0);
  });

  it('saves the names with the version read, then the delegates', async () => {
    await openEdit();
    form().patchValue({ name: '文学院代表团（新）', userIds: ['u1', 'u2'] });
    await save();
    const patch = http.expectOne('/api/admin/delegations/g1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ code: 'wxy', name: '文学院代表团（新）', nameEn: null, version: 3 });
    patch.flush({ ...wxy, name: '文学院代表团（新）', version: 4 });
    const put = http.expectOne('/api/admin/delegations/g1/delegates');
    expect(put.request.body).toEqual({ userIds: ['u1', 'u2'] });
    put.flush({ ...wxy, delegates: [zhang, wang], version: 5 });
    await settle();
    http.expectOne('/api/admin/delegations').flush([{ ...wxy, version: 5 }]);
  });

  it('changes the head in the order the server accepts: delegates with the old head, the new head, then without him', async () => {
    await openEdit();
    form().patchValue({ headId: 'u2', userIds: ['u2', 'u3'] });
    await save();
    http.expectOne('/api/admin/delegations/g1').flush({ ...wxy, version: 4 });
    const withOld = http.expectOne('/api/admin/delegations/g1/delegates');
    expect(withOld.request.body).toEqual({ userIds: ['u2', 'u3', 'u1'] });
    withOld.flush({ ...wxy, version: 5 });
    const headChange = http.expectOne('/api/admin/delegations/g1');
    expect(headChange.request.body).toEqual({ headId: 'u2', version: 5 });
    headChange.flush({ ...wxy, head: wang, version: 6 });
    const without = http.expectOne('/api/admin/delegations/g1/delegates');
    expect(without.request.body).toEqual({ userIds: ['u2', 'u3'] });
    without.flush({ ...wxy, head: wang, delegates: [wang, li], version: 7 });
    await settle();
    http.expectOne('/api/admin/delegations').flush([]);
  });

  it('shows a 409 with a reload that puts the current values in the form', async () => {
    await openEdit();
    await save();
    http
      .expectOne('/api/admin/delegations/g1')
      .flush({ statusCode: 409, error: 'Conflict', message: 'changed by someone else', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne('/api/admin/delegations').flush([wxy]);
    await settle();
    expect(overlay().textContent).toContain('此记录已被他人修改');
    expect(http.match('/api/admin/delegations/g1/delegates')).toHaveLength(0);
    (overlay().querySelector('[data-testid="admin-reload"]') as HTMLButtonElement).click();
    http.expectOne('/api/admin/delegations/g1').flush({ ...wxy, name: '文学院代表团（改）', version: 4 });
    await settle();
    http.expectOne('/api/admin/delegations').flush([{ ...wxy, version: 4 }]);
    await settle();
    expect((overlay().querySelector('#del-name') as HTMLInputElement).value).toBe('文学院代表团（改）');
    await save();
    expect(http.expectOne('/api/admin/delegations/g1').request.body.version).toBe(4);
  });

  it('shows the messages of a 400', async () => {
    await openEdit();
    await save();
    http
      .expectOne('/api/admin/delegations/g1')
      .flush({ statusCode: 400, error: 'Bad Request', message: 'bad', errors: [{ field: 'name', messages: ['name is taken'] }] }, { status: 400, statusText: 'Bad Request' });
    await settle();
    http.expectOne('/api/admin/delegations').flush([wxy]);
    await settle();
    expect(errors()).toContain('name is taken');
    expect(overlay().textContent).toContain('请更正标出的字段');
  });
});
