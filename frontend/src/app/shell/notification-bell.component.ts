import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { filter, interval, merge } from 'rxjs';
import { BELL_ICONS } from '../core/icons';
import { NotificationsService } from '../core/notifications.service';

/** How often the bell asks for the unread count besides on every navigation. */
const POLL_MS = 60_000;

/** The header's bell: the unread count of the inbox, a link to it. */
@Component({
  selector: 'app-notification-bell',
  imports: [RouterLink, NzBadgeModule, NzButtonModule, NzIconModule, TranslatePipe],
  template: `
    <a
      nz-button
      nzType="text"
      routerLink="/inbox"
      class="bell"
      data-testid="notification-bell"
      [attr.aria-label]="'inbox.bellLabel' | translate: { count: unread() }"
    >
      <nz-badge [nzCount]="unread()" nzSize="small" [nzOverflowCount]="99">
        <span nz-icon nzType="bell" aria-hidden="true" class="icon"></span>
      </nz-badge>
    </a>
  `,
  styles: `
    .bell {
      color: inherit;
    }
    .icon {
      font-size: 18px;
    }
  `,
  providers: [provideNzIconsPatch(BELL_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent implements OnInit {
  private readonly notifications = inject(NotificationsService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly unread = this.notifications.unread;

  ngOnInit(): void {
    this.notifications.refreshUnread();
    merge(interval(POLL_MS), this.router.events.pipe(filter((e) => e instanceof NavigationEnd)))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.notifications.refreshUnread());
  }
}
