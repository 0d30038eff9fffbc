import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProposalRequestItem } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../../testing/proposals';
import { provideTestTranslations } from '../../../testing/test-translations';
import { ageInDays, decisionsFor, ProposalRequestsPageComponent } from './proposal-requests-page.component';

const JWC = { id: 'd1', name: '教务处', nameEn: 'Office of Academic Affairs' };

function requestWith(overrides: Partial<ProposalRequestItem> = {}): ProposalRequestItem {
  return {
    id: 'r1',
    kind: 'extension',
    departmentId: 'd1',
    department: JWC,
    requestedBy: { id: 'u9', username: 'jwc.handler', displayName: '林晓燕' },
    reason: '需要与后勤处协调施工时间',
    requestedDueAt: '2026-12-31T15:59:59.999Z',
    extensionDays: 20,
    status: 'pending',
    decisionComment: null,
    decidedAt: null,
    createdAt: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    proposal: {
      id: 'p1',
      number: '2026-007',
      title: '关于延长图书馆开放时间的提案',
      state: 'handling.drafting',
      version: 9,
      dueAt: '2026-12-11T15:59:59.999Z',
      leadDepartment: JWC,
    },
    ...overrides,
  };
}

describe('the requests page', () => {
  let fixture: ComponentFixture<ProposalRequestsPageComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProposalRequestsPageComponent);
    el = fixture.nativeElement;
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const listRequests = (): TestRequest[] => http.match((r) => r.url === '/api/proposal-requests');

  async function showList(mode: 'committee' | 'department', items: ProposalRequestItem[]): Promise<void> {
    fixture.componentRef.setInput('mode', mode);
    await settle();
    http.match('/api/departments').forEach((r) => r.flush([{ ...JWC, code: 'jwc', active: true }]));
    const [req] = listRequests();
    req.flush({ items, total: items.length, page: 1, pageSize: 20 });
    await settle();
  }

  it('asks for the pending requests first, then for what the filters say', async () => {
    fixture.componentRef.setInput('mode', 'committee');
    await settle();
    const [first] = listRequests();
    expect(first.request.params.get('status')).toBe('pending');
    expect(first.request.params.has('kind')).toBe(false);
    first.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    expect(el.textContent).toContain('没有符合条件的申请');

    const controls = fixture.componentInstance as unknown as { kind: { set(v: string): void }; status: { set(v: string): void } };
    controls.kind.set('reassignment');
    controls.status.set('denied');
    await settle();
    const [second] = listRequests();
    expect(second.request.params.get('kind')).toBe('reassignment');
    expect(second.request.params.get('status')).toBe('denied');
    expect(second.request.params.get('page')).toBe('1');
  });

  it('shows each request with its proposal, department, requester, reason, dates and age', async () => {
    await showList('committee', [requestWith()]);
    const row = el.querySelector('[data-testid="request-row"]') as HTMLElement;
    const text = row.textContent ?? '';
    expect(text).toContain('关于延长图书馆开放时间的提案');
    expect(text).toContain('2026-007');
    expect(text).toContain('延期');
    expect(text).toContain('教务处');
    expect(text).toContain('林晓燕');
    expect(text).toContain('需要与后勤处协调施工时间');
    expect(text).toContain('延长 20 天');
    expect(text).toContain('2026年12月31日');
    expect(text).toContain('2026年12月11日');
    expect(text).toContain('已等待 4 天');
    expect(row.querySelector('[data-testid="open-request"]')).not.toBeNull();
  });

  it('offers, for the request opened, the decisions of its kind the proposal takes now, and sends one with the version read', async () => {
    await showList('committee', [requestWith()]);
    (el.querySelector('[data-testid="open-request"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne('/api/proposals/p1')
      .flush(proposalWith({ state: 'handling.drafting', version: 9, availableEvents: ['APPROVE_EXTENSION', 'DENY_EXTENSION', 'REASSIGN', 'URGE', 'COMMENT'] }));
    await settle();
    const panel = el.querySelector('[data-testid="request-panel"]') as HTMLElement;
    const offered = Array.from(panel.querySelectorAll('[data-event]')).map((b) => (b as HTMLElement).dataset['event']);
    expect(offered).toEqual(['APPROVE_EXTENSION', 'DENY_EXTENSION']);

    (panel.querySelector('[data-event="APPROVE_EXTENSION"]') as HTMLButtonElement).click();
    await settle();
    const comment = overlay().querySelector('#ev-comment') as HTMLTextAreaElement;
    comment.value = '同意延期';
    comment.dispatchEvent(new Event('input'));
    (overlay().querySelector('[data-testid="event-submit"]') as HTMLButtonElement).click();
    await settle();
    const sent = http.expectOne('/api/proposals/p1/events');
    expect(sent.request.body).toEqual({ type: 'APPROVE_EXTENSION', comment: '同意延期', expectedVersion: 9 });
    sent.flush(proposalWith({ version: 10, state: 'handling.drafting' }));
    await settle();
    expect(el.querySelector('[data-testid="request-decided"]')?.textContent).toContain('已批准延期：关于延长图书馆开放时间的提案');
    expect(el.querySelector('[data-testid="request-panel"]')).toBeNull();
    listRequests()[0].flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('says so when the proposal no longer takes a decision on the request', async () => {
    await showList('committee', [requestWith({ kind: 'reassignment', requestedDueAt: null, extensionDays: null })]);
    (el.querySelector('[data-testid="open-request"]') as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/proposals/p1').flush(proposalWith({ state: 'handling.drafting', availableEvents: ['REASSIGN', 'URGE'] }));
    await settle();
    const panel = el.querySelector('[data-testid="request-panel"]') as HTMLElement;
    // REASSIGN alone (the committee may reassign at any time) is offered; DENY_REASSIGNMENT is not available
    expect(Array.from(panel.querySelectorAll('[data-event]')).map((b) => (b as HTMLElement).dataset['event'])).toEqual(['REASSIGN']);

    (panel.querySelector('button') as HTMLButtonElement).click(); // close
    await settle();
    (el.querySelector('[data-testid="open-request"]') as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/proposals/p1').flush(proposalWith({ state: 'replied', availableEvents: ['COMMENT'] }));
    await settle();
    expect(el.querySelector('[data-testid="request-panel"]')?.textContent).toContain('这件提案现在不接受对此申请的决定（当前状态：已答复）');
  });

  it('shows that the proposal changed on a 409 and reloads the proposal and the list', async () => {
    await showList('committee', [requestWith()]);
    (el.querySelector('[data-testid="open-request"]') as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/proposals/p1').flush(proposalWith({ state: 'handling.drafting', version: 9, availableEvents: ['APPROVE_EXTENSION', 'DENY_EXTENSION'] }));
    await settle();
    (el.querySelector('[data-event="DENY_EXTENSION"]') as HTMLButtonElement).click();
    await settle();
    (overlay().querySelector('[data-testid="event-submit"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne('/api/proposals/p1/events')
      .flush({ statusCode: 409, error: 'Conflict', message: 'changed', currentVersion: 11 }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(overlay().textContent).toContain('提案已经发生变化，操作没有执行');
    expect(overlay().textContent).toContain('您看到的是第 9 版，现在已是第 11 版');
    (overlay().querySelector('[data-testid="reload"]') as HTMLButtonElement).click();
    await settle();
    expect(http.match('/api/proposals/p1')).toHaveLength(1);
    expect(listRequests()).toHaveLength(1);
  });

  it("shows a department its requests and their outcome, without decisions", async () => {
    await showList('department', [
      requestWith({ status: 'denied', decisionComment: '请按期办理', decidedAt: '2026-11-20T02:00:00.000Z' }),
    ]);
    const text = el.textContent ?? '';
    expect(text).toContain('本部门提出的延期和改派申请');
    expect(text).toContain('已驳回');
    expect(text).toContain('请按期办理');
    expect(text).toContain('决定于 2026年11月20日');
    expect(el.querySelector('[data-testid="open-request"]')).toBeNull();
  });
});

describe('the decisions on a request', () => {
  it('are those of its kind that the proposal takes now', () => {
    expect(decisionsFor('extension', ['DENY_EXTENSION', 'APPROVE_EXTENSION', 'REASSIGN'])).toEqual(['APPROVE_EXTENSION', 'DENY_EXTENSION']);
    expect(decisionsFor('reassignment', ['DENY_REASSIGNMENT', 'REASSIGN', 'APPROVE_EXTENSION'])).toEqual(['REASSIGN', 'DENY_REASSIGNMENT']);
    expect(decisionsFor('reassignment', ['COMMENT'])).toEqual([]);
  });

  it('count the age of a request in whole days', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(ageInDays('2026-11-29T01:00:00Z', now)).toBe(0);
    expect(ageInDays('2026-11-26T11:00:00Z', now)).toBe(3);
    expect(ageInDays('2026-11-30T00:00:00Z', now)).toBe(0);
  });
});
