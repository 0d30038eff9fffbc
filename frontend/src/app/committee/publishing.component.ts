import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { Page, ProposalSummary } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { RouterLink } from '@angular/router';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { Refusal, toRefusal } from '../proposals/data/api-error';
import { ProposalsApi } from '../proposals/data/proposals-api.service';
import { LocalDatePipe } from '../shared/local-date.pipe';

export type Filter = 'all' | 'published' | 'unpublished';
/** The server's `published` filter of `GET /api/proposals` for a choice of the radio group. */
export function publishedFilter(filter: Filter): boolean | undefined {
  return filter === 'all' ? undefined : filter === 'published';
}

type Load = { status: 'loading' } | { status: 'error' } | { status: 'ok'; page: Page<ProposalSummary> };

/** Publishing (公开): closed proposals, published or not; PUBLISH and UNPUBLISH are lifecycle events. */
@Component({
  selector: 'app-publishing',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzRadioModule, NzTableModule, NzTagModule, LocalDatePipe, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="publishing-title">
      <h1 id="publishing-title">{{ 'committee.publishing.title' | translate }}</h1>
      <p>{{ 'committee.publishing.intro' | translate }}</p>
      <nz-radio-group [ngModel]="filter()" (ngModelChange)="setFilter($event)" role="radiogroup" [attr.aria-label]="'committee.publishing.filter' | translate">
        <label nz-radio-button nzValue="all">{{ 'lists.all' | translate }}</label>
        <label nz-radio-button nzValue="unpublished">{{ 'committee.publishing.unpublished' | translate }}</label>
        <label nz-radio-button nzValue="published">{{ 'committee.publishing.published' | translate }}</label>
      </nz-radio-group>
      @if (refusal(); as r) {
        <div role="alert" class="alert">
          <nz-alert nzType="error" nzShowIcon [nzMessage]="'committee.publishing.refused' | translate" [nzDescription]="r.message" />
        </div>
      }
      @if (failed()) {
        <div role="alert" class="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table
        #table
        nzSize="middle"
        [nzData]="rows()"
        [nzTotal]="total()"
        [nzFrontPagination]="false"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="pageSize"
        [nzLoading]="loading()"
        [nzNoResult]="'committee.publishing.empty' | translate"
        [nzScroll]="rows().length ? { x: '640px' } : {}"
        (nzPageIndexChange)="pageIndex.set($event)"
      >
        <thead>
          <tr>
            <th scope="col">{{ 'lists.title' | translate }}</th>
            <th scope="col">{{ 'lists.number' | translate }}</th>
            <th scope="col">{{ 'lists.updatedAt' | translate }}</th>
            <th scope="col">{{ 'committee.publishing.status' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (p of table.data; track p.id) {
            <tr>
              <td><a [routerLink]="['/proposals', p.id]">{{ p.title }}</a></td>
              <td>{{ p.number ?? '—' }}</td>
              <td>{{ p.updatedAt | localDate }}</td>
              <td>
                @if (p.published) {
                  <nz-tag nzColor="success">{{ 'committee.publishing.published' | translate }}</nz-tag>
                } @else {
                  <nz-tag>{{ 'committee.publishing.unpublished' | translate }}</nz-tag>
                }
              </td>
              <td>
                @if (p.published) {
                  <button nz-button nzSize="small" nzDanger type="button" [nzLoading]="busy() === p.id" (click)="send(p, 'UNPUBLISH')">
                    {{ 'event.name.UNPUBLISH' | translate }}
                  </button>
                } @else {
                  <button nz-button nzSize="small" nzType="primary" type="button" [nzLoading]="busy() === p.id" (click)="send(p, 'PUBLISH')">
                    {{ 'event.name.PUBLISH' | translate }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
  styles: `
    nz-radio-group {
      margin-bottom: 16px;
    }
    .alert {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublishingComponent {
  private readonly api = inject(ProposalsApi);

  protected readonly filter = signal<Filter>('all');
  protected readonly pageIndex = signal(1);
  protected readonly pageSize = 20;
  protected readonly busy = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  private readonly attempt = signal(0);

  private readonly load = toSignal(
    toObservable(computed(() => ({ filter: this.filter(), page: this.pageIndex(), attempt: this.attempt() }))).pipe(
      switchMap(({ filter, page }) =>
        this.api.list({ state: 'closed', published: publishedFilter(filter), page, pageSize: this.pageSize, sort: '-updatedAt' }).pipe(
          map((result): Load => ({ status: 'ok', page: result })),
          catchError(() => of<Load>({ status: 'error' })),
          startWith<Load>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as Load },
  );

  protected readonly loading = computed(() => this.load().status === 'loading');
  protected readonly failed = computed(() => this.load().status === 'error');
  private readonly page = computed(() => {
    const load = this.load();
    return load.status === 'ok' ? load.page : { items: [], total: 0 };
  });
  protected readonly rows = computed(() => this.page().items);
  protected readonly total = computed(() => this.page().total);

  protected setFilter(f: Filter): void {
    this.filter.set(f);
    this.pageIndex.set(1);
  }

  protected send(p: ProposalSummary, type: 'PUBLISH' | 'UNPUBLISH'): void {
    this.busy.set(p.id);
    this.refusal.set(null);
    this.api.send(p.id, { type } as never, p.version).subscribe({
      next: () => {
        this.busy.set(null);
        this.attempt.update((n) => n + 1);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.refusal.set(toRefusal(err));
        this.attempt.update((n) => n + 1);
      },
    });
  }
}
