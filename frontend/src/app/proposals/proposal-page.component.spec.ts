import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProposalDetail } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { provideTestTranslations } from '../../testing/test-translations';
import { ProposalPageComponent } from './proposal-page.component';

describe('the proposal page', () => {
  let fixture: ComponentFixture<ProposalPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProposalPageComponent);
    fixture.componentRef.setInput('id', 'p1');
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  /** Renders and lets effects and resources run (whenStable would wait for the unanswered requests). */
  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function answer(proposal: ProposalDetail): Promise<void> {
    await settle();
    http.expectOne('/api/proposals/p1').flush(proposal);
    for (const req of http.match('/api/proposals/p1/history')) req.flush([]);
    await settle();
  }

  function buttons(): string[] {
    const bar = fixture.nativeElement.querySelector('[role="toolbar"]') as HTMLElement | null;
    return Array.from(bar?.querySelectorAll('button') ?? []).map((b) => (b as HTMLElement).dataset['event'] ?? '');
  }

  function overlay(): HTMLElement {
    return document.querySelector('.cdk-overlay-container') as HTMLElement;
  }

  it('shows the proposal with its state and a button for each available event', async () => {
    await answer(proposalWith({ state: 'submitted', availableEvents: ['ACCEPT', 'REJECT', 'COMMENT'] }));
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('关于延长图书馆开放时间的提案');
    expect(text).toContain('已提交');
    expect(buttons()).toEqual(['ACCEPT', 'REJECT', 'COMMENT']);
    expect(fixture.nativeElement.querySelector('[aria-current="step"]')?.textContent).toContain('已提交');
  });

  it('after a conflict, reloads the proposal and rebuilds the buttons from what the server says now', async () => {
    await answer(proposalWith({ state: 'submitted', version: 4, availableEvents: ['ACCEPT'] }));
    (fixture.nativeElement.querySelector('[data-event="ACCEPT"]') as HTMLButtonElement).click();
    await settle();
    (overlay().querySelector('[data-testid="event-submit"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne('/api/proposals/p1/events')
      .flush({ statusCode: 409, message: 'stale', currentVersion: 5 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(overlay().textContent).toContain('现在已是第 5 版');
    (overlay().querySelector('[data-testid="reload"]') as HTMLButtonElement).click();
    await answer(proposalWith({ state: 'accepted', version: 5, number: '2026-001', availableEvents: ['CLASSIFY'] }));
    expect(buttons()).toEqual(['CLASSIFY']);
    expect(fixture.nativeElement.querySelector('[data-testid="proposal-number"]')?.textContent).toContain('2026-001');
  });

  it('says so when the proposal is not one the user may see', async () => {
    await settle();
    http.expectOne('/api/proposals/p1').flush({ message: 'not found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('找不到这件提案');
  });
});
