import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Page, PublicProposalSummary } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { localName } from '../shared/local-name';
import { PortalApi, PortalOption } from './portal-api.service';

/** Published proposals: search, filters by session, category and department, paged. */
@Component({
  selector: 'app-portal-proposals',
  imports: [FormsModule, NzButtonModule, NzInputModule, NzPaginationModule, NzSelectModule, NzTagModule, RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'portal.nav.proposals' | translate }}</h1>
    <p class="intro">{{ 'portal.intro' | translate }}</p>
    <form class="filters" (ngSubmit)="search()">
      <label>
        <span>{{ 'portal.session' | translate }}</span>
        <nz-select nzAllowClear [nzPlaceHolder]="'portal.all' | translate" [ngModel]="sessionId()" (ngModelChange)="sessionId.set($event); page.set(1)" name="session">
          @for (s of sessions(); track s.id) {
            <nz-option [nzValue]="s.id" [nzLabel]="sessionName(s)" />
          }
        </nz-select>
      </label>
      <label>
        <span>{{ 'portal.category' | translate }}</span>
        <nz-select nzAllowClear [nzPlaceHolder]="'portal.all' | translate" [ngModel]="categoryId()" (ngModelChange)="categoryId.set($event); page.set(1)" name="category">
          @for (c of categories(); track c.id) {
            <nz-option [nzValue]="c.id" [nzLabel]="name(c)" />
          }
        </nz-select>
      </label>
      <label>
        <span>{{ 'portal.department' | translate }}</span>
        <nz-select nzAllowClear [nzPlaceHolder]="'portal.all' | translate" [ngModel]="departmentId()" (ngModelChange)="departmentId.set($event); page.set(1)" name="department">
          @for (d of departments(); track d.id) {
            <nz-option [nzValue]="d.id" [nzLabel]="name(d)" />
          }
        </nz-select>
      </label>
      <label class="q">
        <span>{{ 'common.search' | translate }}</span>
        <input nz-input name="q" [placeholder]="'portal.search' | translate" [(ngModel)]="text" />
      </label>
      <button nz-button nzType="primary" type="submit">{{ 'common.search' | translate }}</button>
    </form>

    @if (error()) {
      <p role="alert">{{ 'common.networkError' | translate }}</p>
    } @else if (result(); as r) {
      <p class="total" role="status">{{ (r.totalCapped ? 'common.totalCapped' : 'common.total') | translate: { total: r.total } }}</p>
      @if (r.items.length === 0) {
        <p>{{ 'portal.empty' | translate }}</p>
      }
      <ul class="list">
        @for (p of r.items; track p.id) {
          <li>
            <a [routerLink]="['/portal/proposals', p.id]" class="title">
              @if (p.number) {
                <span class="number">{{ p.number }}</span>
              }
              {{ p.title }}
            </a>
            <div class="meta">
              <span>{{ 'portal.proposer' | translate }}：{{ p.leadProposerName }}</span>
              @if (p.category) {
                <span>{{ name(p.category) }}</span>
              }
              @if (p.leadDepartment) {
                <span>{{ name(p.leadDepartment) }}</span>
              }
              <nz-tag>{{ 'state.' + p.state | translate }}</nz-tag>
              @if (p.grade) {
                <nz-tag nzColor="blue">{{ 'portal.grades.' + p.grade | translate }}</nz-tag>
              }
              @if (p.evaluation) {
                <nz-tag [nzColor]="p.evaluation === 'unsatisfied' ? 'red' : 'green'">{{ 'portal.evaluations.' + p.evaluation | translate }}</nz-tag>
              }
              @if (p.excellent) {
                <nz-tag nzColor="gold">{{ 'portal.excellent' | translate }}</nz-tag>
              }
            </div>
          </li>
        }
      </ul>
      @if (r.total > 20) {
        <nz-pagination [nzPageIndex]="page()" [nzTotal]="r.total" [nzPageSize]="20" (nzPageIndexChange)="page.set($event)" />
      }
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .intro { color: rgb(0 0 0 / 65%); }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin: 16px 0; }
    .filters label { display: flex; flex-direction: column; gap: 4px; min-width: 180px; }
    .filters label.q { flex: 1; min-width: 220px; }
    .list { list-style: none; padding: 0; margin: 0; }
    .list li { padding: 12px 0; border-bottom: 1px solid #f0f0f0; }
    .title { font-size: 16px; font-weight: 500; }
    .number { color: rgb(0 0 0 / 45%); margin-right: 8px; font-variant-numeric: tabular-nums; }
    .meta { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; color: rgb(0 0 0 / 55%); font-size: 13px; align-items: center; }
    .total { color: rgb(0 0 0 / 45%); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalProposalsComponent {
  private readonly api = inject(PortalApi);
  private readonly lang = inject(LanguageService);

  protected readonly sessions = toSignal(this.api.sessions().pipe(catchError(() => of([]))), { initialValue: [] });
  /** Categories and departments to filter by: the figures name them all, without a login. */
  private readonly figures = toSignal(this.api.figures().pipe(catchError(() => of(null))), { initialValue: null });
  protected readonly categories = computed<PortalOption[]>(() => (this.figures()?.byCategory ?? []).filter((g): g is typeof g & PortalOption => g.id !== null && g.name !== null));
  protected readonly departments = computed<PortalOption[]>(() => (this.figures()?.byDepartment ?? []).filter((g): g is typeof g & PortalOption => g.id !== null && g.name !== null));

  protected readonly sessionId = signal<string | null>(null);
  protected readonly categoryId = signal<string | null>(null);
  protected readonly departmentId = signal<string | null>(null);
  protected readonly q = signal('');
  protected readonly page = signal(1);
  protected text = '';

  protected readonly result = signal<Page<PublicProposalSummary> | null>(null);
  protected readonly error = signal(false);

  constructor() {
    effect((onCleanup) => {
      const query = { sessionId: this.sessionId(), categoryId: this.categoryId(), departmentId: this.departmentId(), q: this.q(), page: this.page() };
      const sub = this.api.proposals(query).subscribe({
        next: (r) => {
          this.error.set(false);
          this.result.set(r);
        },
        error: () => this.error.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected search(): void {
    this.page.set(1);
    this.q.set(this.text.trim());
  }

  protected name(item: PortalOption): string {
    return localName(item, this.lang.current());
  }

  protected sessionName(s: { title: string; titleEn: string | null }): string {
    return localName({ name: s.title, nameEn: s.titleEn }, this.lang.current());
  }
}
