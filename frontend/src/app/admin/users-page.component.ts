import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AdminUser, Page } from '../core/models';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { ScrollRegionDirective } from '../shared/scroll-region.directive';
import { AdminApiService } from './admin-api.service';

type Load = { status: 'loading' } | { status: 'error' } | { status: 'ok'; page: Page<AdminUser> };

@Component({
  selector: 'app-users-page',
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzInputModule,
    NzTableModule,
    NzTagModule,
    LocalDatePipe,
    ScrollRegionDirective,
    TranslatePipe,
  ],
  templateUrl: './users-page.component.html',
  styles: `
    .search {
      display: flex;
      gap: 8px;
      max-width: 480px;
      margin-bottom: 16px;
    }
    nz-alert {
      display: block;
      margin-bottom: 16px;
    }
    nz-tag {
      margin-block: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  private readonly api = inject(AdminApiService);

  protected readonly q = signal('');
  protected readonly pageIndex = signal(1);
  protected readonly pageSize = signal(20);
  private readonly attempt = signal(0);

  private readonly query = computed(() => ({
    q: this.q(),
    page: this.pageIndex(),
    pageSize: this.pageSize(),
    attempt: this.attempt(),
  }));

  private readonly load = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ attempt: _, ...query }) =>
        this.api.users(query).pipe(
          map((page): Load => ({ status: 'ok', page })),
          catchError(() => of<Load>({ status: 'error' })),
          startWith<Load>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as Load },
  );

  protected readonly loading = computed(() => this.load().status === 'loading');
  protected readonly failed = computed(() => this.load().status === 'error');
  /** The last page received stays on screen while the next one loads or fails. */
  protected readonly page = linkedSignal<Load, Page<AdminUser>>({
    source: this.load,
    computation: (load, previous) =>
      load.status === 'ok' ? load.page : (previous?.value ?? { items: [], total: 0 }),
  });

  protected search(event: Event, value: string): void {
    event.preventDefault();
    this.pageIndex.set(1);
    this.q.set(value.trim());
  }

  protected changePage(index: number): void {
    this.pageIndex.set(index);
  }

  protected changePageSize(size: number): void {
    this.pageSize.set(size);
    this.pageIndex.set(1);
  }

  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }
}
