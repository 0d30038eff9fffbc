import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProposalSummary } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { provideTestTranslations } from '../../testing/test-translations';
import { ProposalTableComponent } from './proposal-table.component';

describe('the proposal table', () => {
  let fixture: ComponentFixture<ProposalTableComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProposalTableComponent);
    fixture.componentRef.setInput('query', { state: 'handling' });
    el = fixture.nativeElement;
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  /** The elements that scroll sideways on a narrow screen (axe wants each one reachable by keyboard). */
  const scrollRegions = () =>
    Array.from(el.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')).filter((e) => e.style.overflowX === 'auto');

  it('has no sideways scroll region while it is empty (nothing in it could take the keyboard focus)', async () => {
    await settle();
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [], total: 0 });
    await settle();
    expect(el.textContent).toContain('没有提案');
    expect(scrollRegions()).toHaveLength(0);
  });

  it('scrolls sideways once it has rows, whose links take the focus', async () => {
    await settle();
    const { ...row } = proposalWith({ state: 'handling.drafting' }) as ProposalSummary;
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [row], total: 1 });
    await settle();
    const regions = scrollRegions();
    expect(regions).toHaveLength(1);
    expect(regions[0].querySelector('a[href="/proposals/p1"]')).not.toBeNull();
  });

  it('says so when a search stopped counting at the cap, and says nothing otherwise', async () => {
    await settle();
    const { ...row } = proposalWith({ state: 'handling.drafting' }) as ProposalSummary;
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [row], total: 1000, totalCapped: true });
    await settle();
    expect(el.querySelector('[role=status]')?.textContent).toContain('检索结果超过 1000 条');
    fixture.componentRef.setInput('query', { state: 'closed' });
    await settle();
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [row], total: 1 });
    await settle();
    expect(el.querySelector('[role=status]')).toBeNull();
  });
});
