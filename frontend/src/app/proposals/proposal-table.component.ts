import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Department, Page, ProposalListQuery, ProposalSummary } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { localName } from '../shared/local-name';
import { OrganisationApi } from './data/organisation-api.service';
import { ProposalsApi } from './data/proposals-api.service';
import { StateTagComponent } from './state-tag.component';

const EMPTY: Page<ProposalSummary> = { items: [], total: 0 };

/** A paged list of proposals for a query (`GET /api/proposals`); each title opens the proposal page. */
@Component({
  selector: 'app-proposal-table',
  imports: [NzAlertModule, NzButtonModule, NzTableModule, NzTagModule, RouterLink, StateTagComponent, LocalDatePipe, TranslatePipe],
  template: `
    @if (list.error()) {
      <div role="alert">
        <nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" [nzAction]="retry" />
      </div>
      <ng-template #retry>
        <button nz-button nzSize="small" type="button" (click)="list.reload()">{{ 'common.retry' | translate }}</button>
      </ng-template>
    }
    @if (page().totalCapped) {
      <p class="capped" role="status">{{ 'common.totalCapped' | translate: { total: page().total } }}</p>
    }
    <nz-table
      #table
      nzSize="middle"
      [nzData]="page().items"
      [nzTotal]="page().total"
      [nzFrontPagination]="false"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="pageSize"
      [nzLoading]="list.isLoading()"
      [nzNoResult]="emptyKey() | translate"
      [nzScroll]="page().items.length ? { x: '640px' } : {}"
      (nzPageIndexChange)="pageIndex.set($event)"
    >
      <thead>
        <tr>
          @if (selectable()) {
            <th
              scope="col"
              [nzChecked]="allChecked()"
              [nzIndeterminate]="someChecked()"
              [nzLabel]="'lists.selectAll' | translate"
              (nzCheckedChange)="checkAll($event)"
            ></th>
          }
          <th scope="col">{{ 'lists.title' | translate }}</th>
          <th scope="col">{{ 'lists.number' | translate }}</th>
          <th scope="col">{{ 'lists.state' | translate }}</th>
          @if (showDepartment()) {
            <th scope="col">{{ 'lists.department' | translate }}</th>
          }
          <th scope="col">{{ showDue() ? ('lists.dueAt' | translate) : ('lists.updatedAt' | translate) }}</th>
        </tr>
      </thead>
      <tbody>
        @for (p of table.data; track p.id) {
          <tr>
            @if (selectable()) {
              <td
                [nzChecked]="selected().has(p.id)"
                [nzLabel]="'lists.select' | translate: { title: p.title }"
                (nzCheckedChange)="check(p, $event)"
              ></td>
            }
            <td>
              <a [routerLink]="['/proposals', p.id]">{{ p.title }}</a>
              <div class="who">{{ p.leadProposer.displayName }}</div>
            </td>
            <td>{{ p.number ?? '—' }}</td>
            <td><app-state-tag [state]="p.state" /></td>
            @if (showDepartment()) {
              <td>{{ department(p.leadDepartmentId) }}</td>
            }
            <td>
              @if (showDue()) {
                {{ (p.dueAt | localDate) ?? '—' }}
                @if (p.overdue) {
                  <nz-tag nzColor="red">{{ 'proposal.overdue' | translate }}</nz-tag>
                }
              } @else {
                {{ p.updatedAt | localDate }}
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .who {
      color: #595959;
      font-size: 12px;
    }
    nz-alert {
      display: block;
      margin-bottom: 12px;
    }
    .capped {
      margin: 0 0 12px;
      color: #595959;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalTableComponent {
  private readonly api = inject(ProposalsApi);
  private readonly lang = inject(LanguageService);

  readonly query = input.required<ProposalListQuery>();
  readonly showDue = input(false);
  readonly showDepartment = input(false);
  readonly emptyKey = input('lists.empty');
  /** Rows get checkboxes (bulk actions); the choice is reported with `selectionChange`. */
  readonly selectable = input(false);
  readonly selectionChange = output<ProposalSummary[]>();
  protected readonly selected = signal<Map<string, ProposalSummary>>(new Map());
  protected readonly allChecked = computed(() => {
    const items = this.page().items;
    return items.length > 0 && items.every((p) => this.selected().has(p.id));
  });
  protected readonly someChecked = computed(() => this.selected().size > 0 && !this.allChecked());

  protected readonly pageSize = 20;
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({ source: this.query, computation: () => 1 });

  protected readonly list = rxResource({
    params: () => ({ ...this.query(), page: this.pageIndex(), pageSize: this.pageSize }),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = linkedSignal<Page<ProposalSummary>, Page<ProposalSummary>>({
    source: () => (this.list.hasValue() ? this.list.value() : EMPTY),
    computation: (value, previous) => (this.list.isLoading() && previous ? previous.value : value),
  });

  private readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
  private readonly names = computed(() => {
    const lang = this.lang.current();
    return new Map(this.departments().map((d) => [d.id, localName(d, lang)]));
  });

  constructor() {
    // a new page or new filters start with nothing chosen
    effect(() => {
      this.page();
      this.selected.set(new Map());
      this.selectionChange.emit([]);
    });
  }

  protected check(p: ProposalSummary, checked: boolean): void {
    const next = new Map(this.selected());
    if (checked) next.set(p.id, p);
    else next.delete(p.id);
    this.selected.set(next);
    this.selectionChange.emit([...next.values()]);
  }

  protected checkAll(checked: boolean): void {
    const next = new Map(checked ? this.page().items.map((p) => [p.id, p] as const) : []);
    this.selected.set(next);
    this.selectionChange.emit([...next.values()]);
  }

  protected department(id: string | null): string {
    return id ? (this.names().get(id) ?? '') : '—';
  }

  /** Fetches the list again (after something changed elsewhere on the page). */
  reload(): void {
    this.list.reload();
  }
}
