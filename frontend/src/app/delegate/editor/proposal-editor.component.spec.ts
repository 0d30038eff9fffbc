import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../../testing/proposals';
import { provideTestTranslations } from '../../../testing/test-translations';
import { ProposalEditorComponent } from './proposal-editor.component';

describe('the proposal editor', () => {
  let fixture: ComponentFixture<ProposalEditorComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProposalEditorComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/sessions/current').flush({ id: 's1' });
    await settle();
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function fill(selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function click(testId: string): void {
    (el.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();
  }

  it('counts the characters of background and suggestions while typing', async () => {
    fill('#p-background', '图书馆晚上十点闭馆');
    fill('#p-suggestions', '延长开放时间');
    await settle();
    expect(el.querySelector('[data-testid="background-count"]')?.textContent).toContain('9 字（至少 50 字）');
    expect(el.querySelector('[data-testid="suggestions-count"]')?.textContent).toContain('6 字（至少 30 字）');
  });

  it('does not submit a proposal that breaks the rules, and says what is missing', async () => {
    fill('#p-title', '关于延长图书馆开放时间的提案');
    fill('#p-background', '太短');
    await settle();
    click('submit-proposal');
    await settle();
    expect(http.match((r) => r.url.startsWith('/api/proposals') && r.method === 'POST')).toHaveLength(0);
    expect(el.textContent).toContain('理由/情况分析至少50字，现有2字');
    expect(el.textContent).toContain('具体建议至少30字，现有0字');
  });

  it('saves a draft with only a title, but not without one', async () => {
    click('save-draft');
    await settle();
    expect(el.textContent).toContain('请填写案由');
    expect(http.match((r) => r.url === '/api/proposals')).toHaveLength(0);
    fill('#p-title', '关于食堂的提案');
    await settle();
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    const req = http.expectOne((r) => r.url === '/api/proposals' && r.method === 'POST');
    expect(req.request.body).toMatchObject({ sessionId: 's1', title: '关于食堂的提案', cosignerIds: [] });
  });

  it('creates the draft, submits it with the version it got, and opens the proposal', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fill('#p-title', '关于延长图书馆开放时间的提案');
    fill('#p-background', '馆'.repeat(50));
    fill('#p-suggestions', '议'.repeat(30));
    await settle();
    click('submit-proposal');
    http.expectOne((r) => r.url === '/api/proposals' && r.method === 'POST').flush(proposalWith({ id: 'p9', state: 'draft', version: 1 }));
    const submit = http.expectOne('/api/proposals/p9/events');
    expect(submit.request.body).toEqual({ type: 'SUBMIT', expectedVersion: 1 });
    submit.flush(proposalWith({ id: 'p9', state: 'cosigning', version: 2 }));
    expect(navigate).toHaveBeenCalledWith(['/proposals', 'p9']);
  });
});
