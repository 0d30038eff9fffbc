import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { FigureCounts, PublicFiguresReport, PublicResponseTimeRow } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, forkJoin, of } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { localName } from '../shared/local-name';
import { PortalApi, percent } from './portal-api.service';

/** Per-session figures and the departments' response times, as the committee reports them (same definitions). */
@Component({
  selector: 'app-portal-figures',
  imports: [FormsModule, NzSelectModule, TranslatePipe],
  template: `
    <h1>{{ 'portal.nav.figures' | translate }}</h1>
    <label class="session">
      <span>{{ 'portal.session' | translate }}</span>
      <nz-select [ngModel]="sessionId()" (ngModelChange)="sessionId.set($event)" [nzPlaceHolder]="'portal.session' | translate">
        @for (s of sessions(); track s.id) {
          <nz-option [nzValue]="s.id" [nzLabel]="sessionName(s)" />
        }
      </nz-select>
    </label>
    @if (error()) {
      <p role="alert">{{ 'common.networkError' | translate }}</p>
    } @else if (data(); as d) {
      <h2>{{ sessionName(d.figures.session) }}</h2>
      <div class="cards">
        @for (k of headline; track k) {
          <div class="card">
            <div class="value">{{ show(d.figures.total, k) }}</div>
            <div class="label">{{ 'figures.k.' + k | translate }}</div>
          </div>
        }
      </div>

      <h2>{{ 'figures.byCategory' | translate }}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'portal.category' | translate }}</th>
              @for (k of columns; track k) {
                <th scope="col">{{ 'figures.k.' + k | translate }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (g of d.figures.byCategory; track g.id) {
              <tr>
                <th scope="row">{{ g.id ? name(g) : ('figures.unclassified' | translate) }}</th>
                @for (k of columns; track k) {
                  <td>{{ show(g, k) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h2>{{ 'portal.responseTimes' | translate }}</h2>
      <p class="intro">{{ 'portal.responseIntro' | translate }}</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'portal.department' | translate }}</th>
              <th scope="col">{{ 'figures.k.assigned' | translate }}</th>
              <th scope="col">{{ 'figures.k.replied' | translate }}</th>
              <th scope="col">{{ 'figures.k.medianDaysToReply' | translate }}</th>
              <th scope="col">{{ 'figures.k.repliedOnTime' | translate }}</th>
              <th scope="col">{{ 'figures.k.onTimeRate' | translate }}</th>
              <th scope="col">{{ 'figures.k.overdueNow' | translate }}</th>
              <th scope="col">{{ 'figures.k.satisfactionRate' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of d.times; track r.departmentId) {
              <tr>
                <th scope="row">{{ name(r) }}</th>
                <td>{{ r.assigned }}</td>
                <td>{{ r.replied }}</td>
                <td>{{ r.medianDaysToReply ?? '—' }}</td>
                <td>{{ r.repliedOnTime }}</td>
                <td>{{ pct(r.onTimeRate) }}</td>
                <td [class.warn]="r.overdueNow > 0">{{ r.overdueNow }}</td>
                <td>{{ pct(r.satisfactionRate) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .session { display: inline-flex; flex-direction: column; gap: 4px; min-width: 280px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 12px; margin: 12px 0 24px; }
    .card { background: #fff; border: 1px solid #f0f0f0; border-radius: 8px; padding: 12px; }
    .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .label { color: rgb(0 0 0 / 55%); font-size: 13px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; background: #fff; font-variant-numeric: tabular-nums; }
    th, td { border: 1px solid #f0f0f0; padding: 6px 8px; text-align: right; white-space: nowrap; }
    th[scope='row'], thead th:first-child { text-align: left; }
    thead th { background: #fafafa; }
    .warn { color: #cf1322; font-weight: 600; }
    .intro { color: rgb(0 0 0 / 55%); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalFiguresComponent {
  private readonly api = inject(PortalApi);
  private readonly lang = inject(LanguageService);
  protected readonly headline: (keyof FigureCounts)[] = [
    'received', 'accepted', 'acceptanceRate', 'replied', 'onTimeRate', 'overdueNow', 'satisfactionRate', 'notEvaluated',
    'gradeA', 'gradeB', 'gradeC', 'promisesFulfilled', 'promisesOpen', 'medianDaysToReply',
  ];
  protected readonly columns: (keyof FigureCounts)[] = [
    'received', 'accepted', 'merged', 'rejected', 'converted', 'replied', 'onTimeRate', 'overdueNow', 'gradeA', 'gradeB', 'gradeC', 'satisfactionRate', 'rehandled',
  ];
  protected readonly sessions = toSignal(this.api.sessions().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly sessionId = signal<string | null>(null);
  protected readonly data = signal<{ figures: PublicFiguresReport; times: PublicResponseTimeRow[] } | null>(null);
  protected readonly error = signal(false);

  constructor() {
    effect((onCleanup) => {
      const id = this.sessionId();
      const sub = forkJoin({ figures: this.api.figures(id), times: this.api.responseTimes(id) }).subscribe({
        next: (d) => {
          this.error.set(false);
          this.data.set(d);
          if (!this.sessionId()) this.sessionId.set(d.figures.session.id);
        },
        error: () => this.error.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected show(c: FigureCounts, k: keyof FigureCounts): string {
    const v = c[k];
    if (k.endsWith('Rate')) return percent(v);
    return v === null ? '—' : String(v);
  }

  protected pct(v: number | null): string {
    return percent(v);
  }

  protected name(item: { name: string | null; nameEn: string | null }): string {
    return localName({ name: item.name ?? '', nameEn: item.nameEn }, this.lang.current());
  }

  protected sessionName(s: { title: string; titleEn: string | null }): string {
    return localName({ name: s.title, nameEn: s.titleEn }, this.lang.current());
  }
}
