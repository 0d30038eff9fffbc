import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { NotificationItem } from '@congress/api-types';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { NotificationsService } from '../core/notifications.service';
import { InboxPageComponent } from './inbox-page.component';

function item(overrides: Partial<NotificationItem>): NotificationItem {
  return {
    id: 'n1',
    kind: 'notice',
    topic: 'assigned',
    proposalId: 'p1',
    title: '新交办的提案',
    body: '请在期限内办理',
    link: '/proposals/p1',
    createdAt: '2026-03-01T08:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

describe('the inbox', () => {
  let fixture: ComponentFixture<InboxPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxPageComponent);
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function answerInbox(items: NotificationItem[], unread: number): Promise<void> {
    await settle();
    http.expectOne((r) => r.url === '/api/notifications').flush({ items, total: items.length, unread });
    await settle();
  }

  it('lists the messages and keeps the unread count the bell shows', async () => {
    await answerInbox([item({}), item({ id: 'n2', title: '催办', kind: 'reminder', readAt: '2026-03-02T08:00:00.000Z' })], 1);
    expect(fixture.nativeElement.textContent).toContain('新交办的提案');
    expect(fixture.nativeElement.textContent).toContain('未读 1 条');
    expect(TestBed.inject(NotificationsService).unread()).toBe(1);
  });

  it('marks everything read, and the count follows', async () => {
    await answerInbox([item({})], 1);
    (fixture.nativeElement.querySelector('[data-testid="read-all"]') as HTMLButtonElement).click();
    const req = http.expectOne('/api/notifications/read-all');
    expect(req.request.method).toBe('POST');
    req.flush({ updated: 1, unread: 0 });
    expect(TestBed.inject(NotificationsService).unread()).toBe(0);
    await answerInbox([item({ readAt: '2026-03-03T08:00:00.000Z' })], 0);
    expect((fixture.nativeElement.querySelector('[data-testid="read-all"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('opening a message marks it read and goes to its proposal', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await answerInbox([item({})], 1);
    (fixture.nativeElement.querySelector('a.title') as HTMLAnchorElement).click();
    http.expectOne('/api/notifications/n1/read').flush(item({ readAt: '2026-03-03T08:00:00.000Z' }));
    expect(navigate).toHaveBeenCalledWith('/proposals/p1');
  });
});
