import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { Category } from '@congress/api-types';
import { AdminPage, clearOverlays, openAdminPage } from '../../testing/admin-page';
import { CategoriesPageComponent } from './categories-page.component';

const teaching: Category = { id: 'c1', name: '教学与人才培养', nameEn: 'Teaching', sortOrder: 10, active: true, version: 3 };

describe('the categories page', () => {
  let fixture: ComponentFixture<CategoriesPageComponent>;
  let http: HttpTestingController;
  let page: AdminPage<CategoriesPageComponent>;

  beforeEach(async () => {
    page = await openAdminPage(CategoriesPageComponent, '/api/admin/categories', [teaching]);
    ({ fixture, http } = page);
  });

  afterEach(clearOverlays);

  const settle = () => page.settle();
  const overlay = () => page.overlay();
  const type = (selector: string, value: string, event?: string) => page.type(selector, value, event);
  const save = () => page.save();

  it('lists the categories with their state', () => {
    expect(fixture.nativeElement.textContent).toContain('教学与人才培养');
    expect(fixture.nativeElement.textContent).toContain('启用');
  });

  it('checks the name as the server does before sending', async () => {
    (fixture.nativeElement.querySelector('[data-testid="create"]') as HTMLButtonElement).click();
    await settle();
    await save();
    expect(http.match('/api/admin/categories')).toHaveLength(0);
    expect(overlay().textContent).toContain('必填');
    type('#cat-name', 'x'.repeat(101));
    await save();
    expect(overlay().textContent).toContain('最多 100 个字符');
    expect(http.match('/api/admin/categories')).toHaveLength(0);
  });

  it('sends the version read, shows the field messages of a 400', async () => {
    (fixture.nativeElement.querySelector('tbody button') as HTMLButtonElement).click();
    await settle();
    type('#cat-name', '教学');
    await save();
    const req = http.expectOne('/api/admin/categories/c1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ name: '教学', nameEn: 'Teaching', sortOrder: 10, active: true, version: 3 });
    req.flush(
      { statusCode: 400, error: 'Bad Request', message: 'bad', errors: [{ field: 'name', messages: ['name is taken'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(overlay().textContent).toContain('name is taken');
  });

  it('offers a reload after a 409 and puts the current values in the form', async () => {
    (fixture.nativeElement.querySelector('tbody button') as HTMLButtonElement).click();
    await settle();
    await save();
    http
      .expectOne('/api/admin/categories/c1')
      .flush({ statusCode: 409, error: 'Conflict', message: 'changed by someone else', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(overlay().textContent).toContain('此记录已被他人修改');
    (overlay().querySelector('[data-testid="admin-reload"]') as HTMLButtonElement).click();
    http.expectOne('/api/admin/categories').flush([{ ...teaching, name: '教学（新）', version: 4 }]);
    await settle();
    expect((overlay().querySelector('#cat-name') as HTMLInputElement).value).toBe('教学（新）');
    await save();
    expect(http.expectOne('/api/admin/categories/c1').request.body.version).toBe(4);
  });
});
