import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicProposalSummary } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { PortalProposalsComponent } from './portal-proposals.component';

const proposal: PublicProposalSummary = {
  id: 'p1',
  number: '2026-001',
  title: '关于改善学校食堂伙食质量的提案',
  kind: 'proposal',
  state: 'closed',
  session: { id: 's1', title: '第五届教职工代表大会第三次会议', titleEn: null, year: 2026 },
  category: { id: 'c1', name: '后勤与校园建设', nameEn: 'Logistics' },
  leadDepartment: { id: 'd1', name: '后勤管理处', nameEn: null },
  coDepartments: [],
  leadProposerName: '张伟',
  collective: false,
  delegationName: null,
  grade: 'A',
  evaluation: 'satisfied',
  excellent: false,
  publishedAt: '2026-03-01T00:00:00Z',
};

describe('the public portal list', () => {
  it('shows published proposals with grade and evaluation, asks only /api/public, and searches', async () => {
    TestBed.configureTestingModule({
      imports: [PortalProposalsComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PortalProposalsComponent);
    await fixture.whenStable();
    http.expectOne('/api/public/sessions').flush([]);
    http.expectOne('/api/public/figures').flush({ byCategory: [], byDepartment: [] });
    http.expectOne((r) => r.url === '/api/public/proposals' && !r.params.has('q')).flush({ items: [proposal], total: 1 });
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('2026-001');
    expect(text).toContain('关于改善学校食堂伙食质量的提案');
    expect(text).toContain('A 已解决或基本解决');
    expect(text).toContain('满意');

    const page = fixture.nativeElement as HTMLElement;
    const input = page.querySelector('input[name=q]') as HTMLInputElement;
    input.value = '食堂';
    input.dispatchEvent(new Event('input'));
    (page.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const search = http.expectOne((r) => r.url === '/api/public/proposals' && r.params.get('q') === '食堂');
    expect(search.request.headers.has('Authorization')).toBe(false);
    search.flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('没有符合条件的公开提案');
    http.verify();
  });
});
