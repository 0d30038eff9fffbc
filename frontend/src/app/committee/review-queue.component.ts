import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { Category, CongressSession, ProposalListQuery, ProposalSummary } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, concatMap, from, map, of, toArray } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { toRefusal } from '../proposals/data/api-error';
import { OrganisationApi } from '../proposals/data/organisation-api.service';
import { ProposalsApi } from '../proposals/data/proposals-api.service';
import { ProposalTableComponent } from '../proposals/proposal-table.component';
import { localName } from '../shared/local-name';

/** What the committee works through before handing a proposal to departments. */
export const REVIEW_STATES = ['submitted', 'accepted', 'classified'] as const;

/** The committee's review queue: submitted proposals (and accepted or classified ones to assign), filtered. */
@Component({
  selector: 'app-review-queue',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzSelectModule, ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="queue-title">
      <h1 id="queue-title">{{ 'areas.committee.title' | translate }}</h1>
      <p>{{ 'areas.committee.intro' | translate }}</p>
      <form class="filters" role="search" (submit)="$event.preventDefault(); q.set(qBox.value.trim())">
        <div>
          <label for="f-state">{{ 'lists.state' | translate }}</label>
          <nz-select nzId="f-state" name="state" [ngModel]="state()" (ngModelChange)="state.set($event)">
            @for (s of states; track s) {
              <nz-option [nzValue]="s" [nzLabel]="'state.' + s | translate" />
            }
          </nz-select>
        </div>
        <div>
          <label for="f-session">{{ 'lists.session' | translate }}</label>
          <nz-select nzId="f-session" name="session" nzAllowClear [nzPlaceHolder]="'lists.all' | translate" [ngModel]="sessionId()" (ngModelChange)="sessionId.set($event)">
            @for (s of sessions(); track s.id) {
              <nz-option [nzValue]="s.id" [nzLabel]="sessionName(s)" />
            }
          </nz-select>
        </div>
        <div>
          <label for="f-category">{{ 'lists.category' | translate }}</label>
          <nz-select nzId="f-category" name="category" nzAllowClear [nzPlaceHolder]="'lists.all' | translate" [ngModel]="categoryId()" (ngModelChange)="categoryId.set($event)">
            @for (c of categories(); track c.id) {
              <nz-option [nzValue]="c.id" [nzLabel]="name(c)" />
            }
          </nz-select>
        </div>
        <div class="grow">
          <label for="f-q">{{ 'lists.q' | translate }}</label>
          <input #qBox nz-input id="f-q" name="q" type="search" [value]="q()" />
        </div>
        <button nz-button nzType="primary" type="submit">{{ 'common.search' | translate }}</button>
      </form>
      @if (state() === 'accepted') {
        <div class="bulk" role="group" aria-labelledby="bulk-label">
          <span id="bulk-label">{{ 'committee.bulkLabel' | translate: { count: chosen().length } }}</span>
          <nz-select
            nzId="bulk-category"
            [nzPlaceHolder]="'committee.bulkCategory' | translate"
            [attr.aria-label]="'committee.bulkCategory' | translate"
            [ngModel]="bulkCategoryId()"
            (ngModelChange)="bulkCategoryId.set($event)"
          >
            @for (c of categories(); track c.id) {
              <nz-option [nzValue]="c.id" [nzLabel]="name(c)" />
            }
          </nz-select>
          <button
            nz-button
            nzType="primary"
            type="button"
            data-testid="bulk-classify"
            [disabled]="!chosen().length || !bulkCategoryId()"
            [nzLoading]="classifying()"
            (click)="classifyChosen()"
          >
            {{ 'committee.bulkClassify' | translate }}
          </button>
        </div>
      }
      @if (bulkResult(); as r) {
        <div role="status">
          <nz-alert
            [nzType]="r.failed.length ? 'warning' : 'success'"
            nzShowIcon
            nzCloseable
            [nzMessage]="'committee.bulkDone' | translate: { done: r.done, failed: r.failed.length }"
            [nzDescription]="failures"
          />
          <ng-template #failures>
            @for (f of r.failed; track f.title) {
              <div>{{ f.title }}{{ 'common.colon' | translate }}{{ f.message }}</div>
            }
          </ng-template>
        </div>
      }
      <app-proposal-table
        #table
        [query]="query()"
        [selectable]="state() === 'accepted'"
        emptyKey="committee.emptyQueue"
        (selectionChange)="chosen.set($event)"
      />
    </section>
  `,
  styleUrl: './filters.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueueComponent {
  private readonly org = inject(OrganisationApi);
  private readonly lang = inject(LanguageService);

  protected readonly states = REVIEW_STATES;
  protected readonly state = signal<string>('submitted');
  protected readonly sessionId = signal<string | null>(null);
  protected readonly categoryId = signal<string | null>(null);
  protected readonly q = signal('');
  protected readonly chosen = signal<ProposalSummary[]>([]);
  protected readonly bulkCategoryId = signal<string | null>(null);
  protected readonly classifying = signal(false);
  protected readonly bulkResult = signal<{ done: number; failed: { title: string; message: string }[] } | null>(null);
  private readonly api = inject(ProposalsApi);
  private readonly table = viewChild<ProposalTableComponent>('table');

  protected readonly sessions = toSignal(this.org.sessions$.pipe(catchError(() => of([] as CongressSession[]))), { initialValue: [] as CongressSession[] });
  protected readonly categories = toSignal(this.org.categories$.pipe(catchError(() => of([] as Category[]))), { initialValue: [] as Category[] });

  protected readonly query = computed<ProposalListQuery>(() => ({
    state: this.state(),
    sessionId: this.sessionId() ?? undefined,
    categoryId: this.categoryId() ?? undefined,
    q: this.q() || undefined,
    sort: 'submittedAt',
  }));

  protected name(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }

  /** Classifies the chosen accepted proposals one after the other; each refusal is reported, the rest go on. */
  protected classifyChosen(): void {
    const categoryId = this.bulkCategoryId();
    const chosen = this.chosen();
    if (!categoryId || !chosen.length || this.classifying()) return;
    this.classifying.set(true);
    this.bulkResult.set(null);
    from(chosen)
      .pipe(
        concatMap((p) =>
          this.api.send(p.id, { type: 'CLASSIFY', categoryId }, p.version).pipe(
            map(() => null),
            catchError((err: unknown) => of({ title: p.title, message: toRefusal(err).message })),
          ),
        ),
        toArray(),
      )
      .subscribe((results) => {
        const failed = results.filter((r): r is { title: string; message: string } => r !== null);
        this.classifying.set(false);
        this.bulkResult.set({ done: results.length - failed.length, failed });
        this.table()?.reload();
      });
  }

  protected sessionName(s: CongressSession): string {
    return this.lang.current() === 'en' && s.titleEn ? s.titleEn : s.title;
  }
}
