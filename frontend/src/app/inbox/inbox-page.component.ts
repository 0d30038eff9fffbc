import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { NotificationItem, NotificationPage } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NotificationsService } from '../core/notifications.service';
import { LocalDatePipe } from '../shared/local-date.pipe';

const EMPTY: NotificationPage = { items: [], total: 0, unread: 0 };

/** The inbox: notices and reminders, newest first; opening one marks it read and goes to its proposal. */
@Component({
  selector: 'app-inbox-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCheckboxModule, NzPaginationModule, NzTagModule, LocalDatePipe, TranslatePipe],
  templateUrl: './inbox-page.component.html',
  styleUrl: './inbox-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPageComponent {
  private readonly notifications = inject(NotificationsService);
  private readonly router = inject(Router);

  protected readonly pageIndex = signal(1);
  protected readonly pageSize = 20;
  protected readonly unreadOnly = signal(false);
  protected readonly unread = this.notifications.unread;
  protected readonly failed = signal(false);

  protected readonly inbox = rxResource({
    params: () => ({ page: this.pageIndex(), pageSize: this.pageSize, unreadOnly: this.unreadOnly() }),
    stream: ({ params }) => this.notifications.page(params),
    defaultValue: EMPTY,
  });

  protected setUnreadOnly(value: boolean): void {
    this.pageIndex.set(1);
    this.unreadOnly.set(value);
  }

  protected open(item: NotificationItem): void {
    const go = () => {
      if (item.link?.startsWith('/')) void this.router.navigateByUrl(item.link);
      else if (item.proposalId) void this.router.navigate(['/proposals', item.proposalId]);
    };
    if (item.readAt) return go();
    this.notifications.markRead(item.id).subscribe({ next: go, error: go });
  }

  protected markRead(item: NotificationItem): void {
    this.failed.set(false);
    this.notifications.markRead(item.id).subscribe({
      next: () => this.inbox.reload(),
      error: () => this.failed.set(true),
    });
  }

  protected markAllRead(): void {
    this.failed.set(false);
    this.notifications.markAllRead().subscribe({
      next: () => this.inbox.reload(),
      error: () => this.failed.set(true),
    });
  }
}
