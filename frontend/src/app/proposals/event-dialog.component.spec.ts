import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { sessionWith } from '../../testing/sessions';
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

  describe('before an assignment', () => {
    const working = sessionWith({
      rules: { ...sessionWith().rules, handlingDays: 40, dayCounting: { ...sessionWith().rules.dayCounting, handlingDays: 'working' } },
    });

    /** Renders and lets resources run (whenStable would wait for the unanswered deadline request). */
    async function tick(): Promise<void> {
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    }

    async function openAssign(): Promise<void> {
      fixture.componentRef.setInput('request', { type: 'ASSIGN' });
      await tick();
      http.match('/api/sessions').forEach((r) => r.flush([working]));
      http.match('/api/departments').forEach((r) => r.flush([]));
      http.match('/api/categories').forEach((r) => r.flush([]));
      await tick();
    }

    function preview(): HTMLElement | null {
      return overlay().querySelector('[data-testid="due-preview"]');
    }

    it("shows the due date the server computes with the admin's calendar", async () => {
      await openAssign();
      const req = http.expectOne((r) => r.url === '/api/calendar/deadline');
      expect(req.request.params.get('days')).toBe('40');
      expect(req.request.params.get('counting')).toBe('working');
      req.flush({ dueAt: '2027-02-26T15:59:59.999Z', dueDay: '2027-02-26' });
      await tick();
      expect(preview()?.dataset['source']).toBe('server');
      expect(preview()?.textContent).toContain('办理期限为 2027-02-26（自今日起 40 个工作日）');
      expect(preview()?.textContent).toContain('已计入工作日历中的节假日与调休');
    });

    it('falls back to counting weekdays itself when the server cannot be asked, and says so', async () => {
      await openAssign();
      http.expectOne((r) => r.url === '/api/calendar/deadline').flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
      await tick();
      expect(preview()?.dataset['source']).toBe('estimate');
      expect(preview()?.textContent).toMatch(/办理期限为 \d{4}-\d{2}-\d{2}/);
      expect(preview()?.textContent).toContain('按周一至周五估算，未计入节假日与调休');
    });

    it('asks nothing for other events', async () => {
      fixture.componentRef.setInput('request', { type: 'RETURN' });
      await tick();
      http.match('/api/sessions').forEach((r) => r.flush([working]));
      await tick();
      expect(http.match((r) => r.url === '/api/calendar/deadline')).toHaveLength(0);
      expect(preview()).toBeNull();
    });
  });
});
