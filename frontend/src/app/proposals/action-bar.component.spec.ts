import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { ActionBarComponent } from './action-bar.component';
import { actionBarEvents } from './event-forms';

describe('the action bar', () => {
  let fixture: ComponentFixture<ActionBarComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    fixture = TestBed.createComponent(ActionBarComponent);
  });

  function show(events: string[]): string[] {
    fixture.componentRef.setInput('availableEvents', events);
    fixture.detectChanges();
    const buttons = fixture.nativeElement.querySelectorAll('button') as NodeListOf<HTMLButtonElement>;
    return Array.from(buttons).map((b) => b.textContent?.trim() ?? '');
  }

  it('offers exactly the events the server lists as available, by name', () => {
    expect(show(['ACCEPT', 'RETURN', 'REJECT', 'URGE'])).toEqual(['退回修改', '立案', '不予立案', '催办']);
  });

  it('offers nothing else: a delegate on a submitted proposal sees no committee button', () => {
    const labels = show(['WITHDRAW', 'COMMENT']);
    expect(labels).toEqual(['撤回', '批示/留言']);
    expect(labels).not.toContain('立案');
    expect(fixture.nativeElement.textContent).not.toContain('不予立案');
  });

  it('says so when there is nothing to do', () => {
    expect(show([])).toEqual([]);
    expect(fixture.nativeElement.textContent).toContain('目前没有需要您处理的操作');
  });

  it('leaves out deadline events, per-contact answers and names it does not know', () => {
    expect(actionBarEvents(['COSIGN_DEADLINE', 'EVALUATION_DEADLINE', 'CONFIRM_CONTACT', 'DISPUTE_CONTACT', 'HACK', 'EVALUATE'])).toEqual([
      'EVALUATE',
    ]);
  });

  it('tells which event the user chose', () => {
    const chosen: string[] = [];
    fixture.componentInstance.act.subscribe((type) => chosen.push(type));
    show(['COSIGN', 'DECLINE_COSIGN']);
    (fixture.nativeElement.querySelector('[data-event="DECLINE_COSIGN"]') as HTMLButtonElement).click();
    expect(chosen).toEqual(['DECLINE_COSIGN']);
  });
});
