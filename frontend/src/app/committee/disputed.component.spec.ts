import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProposalEvaluation, ProposalReply, ProposalSummary } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { proposalWith } from '../../testing/proposals';
import { provideTestTranslations } from '../../testing/test-translations';
import { DisputedComponent, judgedReply, latestEvaluations } from './disputed.component';

const lead = { id: 'u1', username: 'delegate01', displayName: '张伟' };
const cosigner = { id: 'u2', username: 'delegate02', displayName: '王芳' };

function evaluation(overrides: Partial<ProposalEvaluation>): ProposalEvaluation {
  return { id: 'e1', round: 1, evaluator: lead, role: 'lead', satisfaction: 'unsatisfied', comment: null, createdAt: '2026-11-20T02:00:00.000Z', ...overrides };
}

function reply(overrides: Partial<ProposalReply>): ProposalReply {
  return {
    id: 'r1',
    round: 1,
    departmentId: 'd1',
    author: { id: 'u9', username: 'jwc.handler', displayName: '林晓燕' },
    grade: 'C',
    content: '因经费限制，暂不能延长开放时间。',
    plannedAt: null,
    status: 'approved',
    decisionComment: null,
    decidedAt: null,
    createdAt: '2026-11-10T02:00:00.000Z',
    ...overrides,
  };
}

describe('the disputed evaluations page', () => {
  let fixture: ComponentFixture<DisputedComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DisputedComponent);
    el = fixture.nativeElement;
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  function summary(id: string, title: string): ProposalSummary {
    const { id: _i, title: _t, ...rest } = proposalWith({ state: 'disputed', number: '2026-003', leadDepartmentId: 'd1' });
    return { ...rest, id, title } as ProposalSummary;
  }

  it('lists the disputed proposals with what the proposer said, the reply judged and a link to act', async () => {
    await settle();
    const list = http.expectOne((r) => r.url === '/api/proposals');
    expect(list.request.params.get('state')).toBe('disputed');
    list.flush({ items: [summary('a', '关于食堂的提案'), summary('b', '关于停车的提案')], total: 2 });
    await settle();
    http.expectOne('/api/proposals/a').flush(
      proposalWith({
        id: 'a',
        state: 'disputed',
        availableEvents: ['REHANDLE', 'CLOSE', 'COMMENT'],
        replies: [reply({})],
        evaluations: [
          evaluation({ id: 'e2', role: 'cosigner', evaluator: cosigner, satisfaction: 'basicallySatisfied', comment: '可以接受' }),
          evaluation({ comment: '答复没有回应具体建议，希望重新办理。' }),
        ],
      }),
    );
    http.expectOne('/api/proposals/b').flush({ message: 'gone' }, { status: 500, statusText: 'Server Error' });
    await settle();

    const cards = el.querySelectorAll('[data-testid="disputed"] > li');
    expect(cards).toHaveLength(2);
    const first = cards[0].textContent ?? '';
    expect(first).toContain('2026-003 关于食堂的提案');
    expect(first).toContain('提案人的评价');
    expect(first).toContain('答复没有回应具体建议，希望重新办理。');
    expect(first.indexOf('张伟')).toBeLessThan(first.indexOf('王芳'));
    expect(first).toContain('因经费限制，暂不能延长开放时间。');
    expect(first).toContain('可以决定重新办理或办结。');
    expect(cards[0].querySelector('a[href="/proposals/a"]')).not.toBeNull();
    expect(cards[1].textContent).toContain('无法读取这件提案的评价');
    expect(cards[1].querySelector('a[href="/proposals/b"]')).not.toBeNull();
  });

  it('says when there is nothing to rule on', async () => {
    await settle();
    http.expectOne((r) => r.url === '/api/proposals').flush({ items: [], total: 0 });
    await settle();
    expect(el.textContent).toContain('没有不满意待处理的提案');
  });
});

describe('what the proposer said', () => {
  it('is the latest round of evaluations, the lead proposer first, judging the latest approved reply', () => {
    const detail = proposalWith({
      evaluations: [
        evaluation({ id: 'old', round: 1, comment: '第一次' }),
        evaluation({ id: 'co', round: 2, role: 'cosigner', evaluator: cosigner, createdAt: '2026-11-01T00:00:00.000Z' }),
        evaluation({ id: 'new', round: 2, comment: '第二次' }),
      ],
      replies: [reply({ id: 'r1', round: 1 }), reply({ id: 'r2', round: 2 }), reply({ id: 'r3', round: 2, status: 'sentBack', createdAt: '2026-12-01T00:00:00.000Z' })],
    });
    expect(latestEvaluations(detail).map((e) => e.id)).toEqual(['new', 'co']);
    expect(judgedReply(detail)?.id).toBe('r2');
    expect(judgedReply(proposalWith({}))).toBeNull();
  });
});
