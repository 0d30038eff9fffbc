import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { AdminDepartment } from '@congress/api-types';
import { AdminPage, clearOverlays, openAdminPage } from '../../testing/admin-page';
import { DepartmentsPageComponent } from './departments-page.component';

const handler = { id: 'u2', username: 'jwc.handler', displayName: '林晓燕' };
const head = { id: 'u3', username: 'jwc.head', displayName: '周建国' };
const leader = { id: 'u4', username: 'leader1', displayName: '郑国华' };
const jwc: AdminDepartment = {
  id: 'd1',
  code: 'jwc',
  name: '教务处',
  nameEn: 'Office of Academic Affairs',
  leader,
  active: true,
  handlers: [handler],
  heads: [head],
  version: 3,
};

describe('the departments page', () => {
  let fixture: ComponentFixture<DepartmentsPageComponent>;
  let http: HttpTestingController;
  let page: AdminPage<DepartmentsPageComponent>;

  beforeEach(async () => {
    page = await openAdminPage(DepartmentsPageComponent, '/api/admin/departments', [jwc]);
    ({ fixture, http } = page);
  });

  afterEach(clearOverlays);

  const settle = () => page.settle();
  const overlay = () => page.overlay();
  const errors = () => page.errors();
  const type = (selector: string, value: string, event?: string) => page.type(selector, value, event);
  const openEdit = () => page.openEdit();
  const save = () => page.save();

  it('lists each department with its leader, handlers and heads', () => {
    const text = fixture.nativeElement.textContent as string;
    for (const word of ['jwc', '教务处', 'Office of Academic Affairs', '郑国华', '林晓燕', '周建国', '启用']) expect(text).toContain(word);
  });

  it('checks the code and the name as the server does before sending', async () => {
    (fixture.nativeElement.querySelector('[data-testid="create"]') as HTMLButtonElement).click();
    await settle();
    await save();
    expect(errors()).toEqual(['必填。', '必填。']);
    type('#dep-code', '9x');
    type('#dep-name', 'x'.repeat(101));
    await save();
    expect(errors()).toEqual(['2–32 位字母、数字、“_”或“-”，以字母开头。', '最多 100 个字符。']);
    expect(http.match((r) => r.url.startsWith('/api/admin/departments'))).toHaveLength(0);
  });

  it('saves the names with the version read, then the members, then lists the departments again', async () => {
    await openEdit();
    expect((overlay().querySelector('#dep-code') as HTMLInputElement).value).toBe('jwc');
    type('#dep-name', ' 教务处（本科生院） ');
    await save();
    const patch = http.expectOne('/api/admin/departments/d1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({
      code: 'jwc',
      name: '教务处（本科生院）',
      nameEn: 'Office of Academic Affairs',
      leaderId: 'u4',
      active: true,
      version: 3,
    });
    patch.flush({ ...jwc, name: '教务处（本科生院）', version: 4 });
    const members = http.expectOne('/api/admin/departments/d1/members');
    expect(members.request.method).toBe('PUT');
    expect(members.request.body).toEqual({ handlerIds: ['u2'], headIds: ['u3'] });
    members.flush({ ...jwc, version: 4 });
    await settle();
    http.expectOne('/api/admin/departments').flush([{ ...jwc, name: '教务处（本科生院）', version: 4 }]);
    await settle();
    expect(fixture.nativeElement.textContent).toContain('教务处（本科生院）');
  });

  it('shows the field messages of a 400 under their field', async () => {
    await openEdit();
    await save();
    http
      .expectOne('/api/admin/departments/d1')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'bad', errors: [{ field: 'code', messages: ['code is taken'] }, { field: 'other', messages: ['other problem'] }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(errors()).toContain('code is taken');
    expect(overlay().querySelector('[data-testid="admin-refusal"]')?.textContent).toContain('other: other problem');
  });

  it('offers a reload after a 409 and saves again with the version read anew', async () => {
    await openEdit();
    await save();
    http
      .expectOne('/api/admin/departments/d1')
      .flush({ statusCode: 409, error: 'Conflict', message: 'changed by someone else', currentVersion: 5 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(overlay().textContent).toContain('此记录已被他人修改');
    expect(http.match('/api/admin/departments/d1/members')).toHaveLength(0);
    (overlay().querySelector('[data-testid="admin-reload"]') as HTMLButtonElement).click();
    http.expectOne('/api/admin/departments/d1').flush({ ...jwc, name: '教务处（新）', version: 5 });
    await settle();
    http.expectOne('/api/admin/departments').flush([{ ...jwc, name: '教务处（新）', version: 5 }]);
    await settle();
    expect((overlay().querySelector('#dep-name') as HTMLInputElement).value).toBe('教务处（新）');
    await save();
    expect(http.expectOne('/api/admin/departments/d1').request.body.version).toBe(5);
  });
});
