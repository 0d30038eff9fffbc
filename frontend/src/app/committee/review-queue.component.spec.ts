import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { WritableSignal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProposalSummary } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { provideTestTranslations } from '../../testing/test-translations';
import { ReviewQueueComponent } from './review-queue.component';

type Controls = { state: WritableSignal<string>; bulkCategoryId: WritableSignal<string | null> };

describe('the review queue', () => {
  let fixture: ComponentFixture<ReviewQueueComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewQueueComponent);
    el = fixture.nativeElement;
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  function summary(id: string, title: string, version: number): ProposalSummary {
    const { id: _i, title: _t, version: _v, ...rest } = proposalWith({ state: 'accepted' });
    return { ...rest, id, title, version } as ProposalSummary;
  }

  it('asks for submitted proposals first, in order of submission', async () => {
    await settle();
    const req = http.expectOne((r) => r.url === '/api/proposals');
    expect(req.request.params.get('state')).toBe('submitted');
    expect(req.request.params.get('sort')).toBe('submittedAt');
  });

  it('classifies the chosen accepted proposals one by one and reports the ones refused', async () => {
    const controls = fixture.componentInstance as unknown as Controls;
    await settle();
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [], total: 0 });
    controls.state.set('accepted');
    await settle();
    http
      .expectOne((r) => r.url === '/api/proposals' && r.params.get('state') === 'accepted')
      .flush({ items: [summary('a', '提案甲', 3), summary('b', '提案乙', 7)], total: 2 });
    await settle();
    const boxes = el.querySelectorAll('tbody input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    boxes.forEach((box) => (box as HTMLInputElement).click());
    controls.bulkCategoryId.set('c1');
    await settle();
    (el.querySelector('[data-testid="bulk-classify"]') as HTMLButtonElement).click();

    const first = http.expectOne('/api/proposals/a/events');
    expect(first.request.body).toEqual({ type: 'CLASSIFY', categoryId: 'c1', expectedVersion: 3 });
    first.flush(proposalWith({ id: 'a', state: 'classified' }));
    const second = http.expectOne('/api/proposals/b/events');
    expect(second.request.body).toEqual({ type: 'CLASSIFY', categoryId: 'c1', expectedVersion: 7 });
    second.flush({ message: 'changed by someone else', currentVersion: 8 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(el.textContent).toContain('已分类 1 件，1 件未能分类');
    expect(el.textContent).toContain('提案乙：changed by someone else');
  });
});
