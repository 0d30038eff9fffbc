import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Department, ProposalDetail, ProposalEvaluation, ProposalReply, ProposalSummary } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { OrganisationApi } from '../proposals/data/organisation-api.service';
import { ProposalsApi } from '../proposals/data/proposals-api.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { localName } from '../shared/local-name';

/** One disputed proposal with what the committee needs to rule on it (null detail: it could not be read). */
export interface DisputedRow {
  summary: ProposalSummary;
  detail: ProposalDetail | null;
}

/** What the proposer said: the evaluations of the latest round, the lead proposer's first. */
export function latestEvaluations(detail: ProposalDetail): ProposalEvaluation[] {
  const round = Math.max(0, ...detail.evaluations.map((e) => e.round));
  return detail.evaluations
    .filter((e) => e.round === round)
    .sort((a, b) => (a.role === b.role ? a.createdAt.localeCompare(b.createdAt) : a.role === 'lead' ? -1 : 1));
}

/** The reply the proposer judged: the latest approved one. */
export function judgedReply(detail: ProposalDetail): ProposalReply | null {
  const approved = detail.replies.filter((r) => r.status === 'approved');
  return approved.length ? approved.reduce((a, b) => (b.round > a.round || (b.round === a.round && b.createdAt > a.createdAt) ? b : a)) : null;
}

/**
 * 有异议的评价: proposals whose lead proposer was not satisfied with the reply (state `disputed`), with the
 * evaluations and the reply they judged; the committee re-handles or closes each on the proposal page.
 */
@Component({
  selector: 'app-disputed',
  imports: [RouterLink, NzAlertModule, NzButtonModule, NzPaginationModule, NzSpinModule, NzTagModule, LocalDatePipe, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="disputed-title">
      <h1 id="disputed-title">{{ 'disputed.title' | translate }}</h1>
      <p>{{ 'disputed.intro' | translate }}</p>
      @if (list.error()) {
        <div role="alert">
          <nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" [nzAction]="retry" />
        </div>
        <ng-template #retry>
          <button nz-button nzSize="small" type="button" (click)="list.reload()">{{ 'common.retry' | translate }}</button>
        </ng-template>
      }
      @if (list.isLoading() && !rows().length) {
        <nz-spin nzSimple [nzTip]="'common.loading' | translate" />
      } @else if (!list.error() && !rows().length) {
        <p class="empty" role="status">{{ 'disputed.empty' | translate }}</p>
      }
      <ul class="cards" data-testid="disputed">
        @for (row of rows(); track row.summary.id) {
          @let p = row.summary;
          <li class="card">
            <div class="head">
              <h2 [id]="'d-' + p.id">
                <a [routerLink]="['/proposals', p.id]">{{ p.number ? p.number + ' ' : '' }}{{ p.title }}</a>
              </h2>
              @if (p.overdue) {
                <nz-tag nzColor="red">{{ 'proposal.overdue' | translate }}</nz-tag>
              }
            </div>
            <p class="meta">
              {{ 'proposal.leadProposer' | translate }}{{ 'common.colon' | translate }}{{ p.leadProposer.displayName }}
              · {{ 'lists.department' | translate }}{{ 'common.colon' | translate }}{{ department(p.leadDepartmentId) }}
              @if (row.detail?.repliedAt; as repliedAt) {
                · {{ 'disputed.repliedAt' | translate }}{{ 'common.colon' | translate }}{{ repliedAt | localDate }}
              }
              @if (row.detail?.rehandleCount) {
                · {{ 'disputed.rehandled' | translate: { count: row.detail?.rehandleCount } }}
              }
            </p>
            @if (row.detail; as d) {
              <h3>{{ 'disputed.said' | translate }}</h3>
              <ul class="records">
                @for (e of evaluations(d); track e.id) {
                  <li>
                    <nz-tag [nzColor]="e.satisfaction === 'unsatisfied' ? 'red' : 'green'">
                      {{ 'event.option.satisfaction.' + e.satisfaction | translate }}
                    </nz-tag>
                    <span class="meta">
                      {{ e.evaluator.displayName }} ({{ 'proposal.evaluatorRole.' + e.role | translate }}) · {{ e.createdAt | localDate: 'medium' }}
                    </span>
                    <p class="text">{{ e.comment || ('disputed.noComment' | translate) }}</p>
                  </li>
                } @empty {
                  <li class="meta">{{ 'disputed.noEvaluation' | translate }}</li>
                }
              </ul>
              @if (reply(d); as r) {
                <h3>{{ 'disputed.reply' | translate }}</h3>
                <p class="meta">
                  <nz-tag nzColor="blue">{{ 'event.option.grade.' + r.grade | translate }}</nz-tag>
                  {{ department(r.departmentId) }} · {{ r.author.displayName }} · {{ r.createdAt | localDate }}
                </p>
                <p class="text clamp">{{ r.content }}</p>
              }
              <div class="act">
                <a nz-button nzType="primary" [routerLink]="['/proposals', p.id]" [attr.aria-label]="'disputed.actLabel' | translate: { title: p.title }">
                  {{ 'disputed.act' | translate }}
                </a>
                <span class="meta">{{ options(d) | translate }}</span>
              </div>
            } @else {
              <div role="alert">
                <nz-alert nzType="warning" nzShowIcon [nzMessage]="'disputed.detailFailed' | translate" />
              </div>
              <a nz-button [routerLink]="['/proposals', p.id]">{{ 'disputed.act' | translate }}</a>
            }
          </li>
        }
      </ul>
      @if (total() > pageSize) {
        <nz-pagination [nzPageIndex]="pageIndex()" [nzPageSize]="pageSize" [nzTotal]="total()" (nzPageIndexChange)="pageIndex.set($event)" />
      }
    </section>
  `,
  styles: `
    .cards,
    .records {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .card {
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    h2 {
      font-size: 17px;
      margin: 0;
    }
    h3 {
      font-size: 15px;
      margin: 12px 0 6px;
    }
    .records > li {
      border-left: 3px solid #cf1322;
      padding: 4px 10px;
      margin-bottom: 8px;
    }
    .meta,
    .empty {
      color: #595959;
      font-size: 13px;
    }
    .text {
      white-space: pre-wrap;
      margin: 4px 0 0;
    }
    .clamp {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .act {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-top: 12px;
    }
    nz-alert {
      display: block;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisputedComponent {
  private readonly api = inject(ProposalsApi);
  private readonly lang = inject(LanguageService);

  protected readonly pageSize = 10;
  protected readonly pageIndex = signal(1);

  /** A page of disputed proposals, each with its detail (evaluations, replies, what the caller may do). */
  protected readonly list = rxResource({
    params: () => ({ state: 'disputed', page: this.pageIndex(), pageSize: this.pageSize, sort: 'updatedAt' }),
    stream: ({ params }) =>
      this.api.list(params).pipe(
        switchMap((page) => {
          const rows$: Observable<DisputedRow[]> = page.items.length
            ? forkJoin(
                page.items.map((summary) =>
                  this.api.get(summary.id).pipe(
                    map((detail): DisputedRow => ({ summary, detail })),
                    catchError(() => of<DisputedRow>({ summary, detail: null })),
                  ),
                ),
              )
            : of([]);
          return rows$.pipe(map((rows) => ({ rows, total: page.total })));
        }),
      ),
  });
  private readonly shown = linkedSignal<{ rows: DisputedRow[]; total: number } | undefined, { rows: DisputedRow[]; total: number }>({
    source: () => (this.list.hasValue() ? this.list.value() : undefined),
    computation: (value, previous) => value ?? previous?.value ?? { rows: [], total: 0 },
  });
  protected readonly rows = computed(() => this.shown().rows);
  protected readonly total = computed(() => this.shown().total);

  private readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
  private readonly names = computed(() => {
    const lang = this.lang.current();
    return new Map(this.departments().map((d) => [d.id, localName(d, lang)]));
  });

  protected department(id: string | null): string {
    return id ? (this.names().get(id) ?? '—') : '—';
  }

  protected evaluations(detail: ProposalDetail): ProposalEvaluation[] {
    return latestEvaluations(detail);
  }

  protected reply(detail: ProposalDetail): ProposalReply | null {
    return judgedReply(detail);
  }

  /** Which rulings the server offers the caller now (REHANDLE is gone once the session's maximum is reached). */
  protected options(detail: ProposalDetail): string {
    const rehandle = detail.availableEvents.includes('REHANDLE');
    const close = detail.availableEvents.includes('CLOSE');
    return rehandle && close ? 'disputed.canBoth' : close ? 'disputed.canClose' : rehandle ? 'disputed.canRehandle' : 'disputed.canNone';
  }
}
