import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { provideTestTranslations } from '../../testing/test-translations';
import { EventDialogComponent } from './event-dialog.component';

describe('the event dialog', () => {
  let fixture: ComponentFixture<EventDialogComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting()] });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EventDialogComponent);
    fixture.componentRef.setInput('proposal', proposalWith({ version: 4, availableEvents: ['RETURN', 'ACCEPT'] }));
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  async function open(type: string): Promise<void> {
    fixture.componentRef.setInput('request', { type });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function overlay(): HTMLElement {
    return document.querySelector('.cdk-overlay-container') as HTMLElement;
  }

  function type(selector: string, value: string): void {
    const input = overlay().querySelector(selector) as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function send(): Promise<void> {
    (overlay().querySelector('[data-testid="event-submit"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function eventRequests() {
    return http.match((req) => req.url === '/api/proposals/p1/events');
  }

  it('asks for the required reason before it sends anything', async () => {
    await open('RETURN');
    await send();
    expect(eventRequests()).toHaveLength(0);
    expect(overlay().textContent).toContain('此项必填');
  });

  it('posts the type, the version it showed and the payload', async () => {
    await open('RETURN');
    type('#ev-comment', '  请补充情况分析  ');
    await send();
    const [req] = eventRequests();
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ type: 'RETURN', expectedVersion: 4, comment: '请补充情况分析' });
    const done: unknown[] = [];
    fixture.componentInstance.done.subscribe((p) => done.push(p));
    req.flush(proposalWith({ version: 5, state: 'draft' }));
    expect(done).toEqual([expect.objectContaining({ version: 5, state: 'draft' })]);
  });

  it('shows what changed on a stale version and offers a reload', async () => {
    await open('RETURN');
    type('#ev-comment', '请修改');
    await send();
    eventRequests()[0].flush(
      { statusCode: 409, error: 'Conflict', message: 'changed', currentVersion: 6 },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const text = overlay().textContent ?? '';
    expect(text).toContain('提案已经发生变化，操作没有执行');
    expect(text).toContain('您看到的是第 4 版，现在已是第 6 版');
    let reloaded = false;
    fixture.componentInstance.reload.subscribe(() => (reloaded = true));
    (overlay().querySelector('[data-testid="reload"]') as HTMLButtonElement).click();
    expect(reloaded).toBe(true);
  });

  it('names the state the proposal is in now when it no longer takes the event', async () => {
    await open('ACCEPT');
    await send();
    eventRequests()[0].flush(
      { statusCode: 409, error: 'Conflict', message: 'no', state: 'rejected', accepts: [] },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(overlay().textContent).toContain('提案现在的状态是「不予立案」');
  });

  it('shows the server field messages under their field', async () => {
    await open('RETURN');
    type('#ev-comment', 'x');
    await send();
    eventRequests()[0].flush(
      { statusCode: 400, error: 'Bad Request', message: 'comment: too short', errors: [{ field: 'comment', messages: ['comment must say why'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(overlay().textContent).toContain('comment must say why');
  });
});
