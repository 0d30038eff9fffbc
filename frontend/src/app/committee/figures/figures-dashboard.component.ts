import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { DepartmentEvaluationReport, FigureCounts, FigureGroup, FiguresBy, FiguresReport, TrendPoint } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, forkJoin, of } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { LanguageService } from '../../core/language.service';
import { OrganisationApi } from '../../proposals/data/organisation-api.service';
import { localName } from '../../shared/local-name';
import { gradeBars, groupBars, trendLines } from './chart-options';
import { FiguresApi } from './figures-api.service';

const percent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);

/** 提案工作统计: a session's figures per category or department, trends across sessions, the 检查评议 ranking, exports. */
@Component({
  selector: 'app-figures-dashboard',
  imports: [FormsModule, NgxEchartsDirective, NzButtonModule, NzInputModule, NzRadioModule, NzSelectModule, TranslatePipe],
  templateUrl: './figures-dashboard.component.html',
  styleUrl: './figures-dashboard.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FiguresDashboardComponent {
  private readonly api = inject(FiguresApi);
  private readonly lang = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  protected readonly sessions = toSignal(this.api.sessions().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly sessionId = signal<string | null>(null);
  protected readonly by = signal<FiguresBy>('department');
  protected readonly report = signal<FiguresReport | null>(null);
  protected readonly ranking = signal<DepartmentEvaluationReport | null>(null);
  protected readonly trends = toSignal(this.api.trends().pipe(catchError(() => of(null))), { initialValue: null });
  protected readonly error = signal(false);
  /** Exports are the committee's; a leader (same page, figures of its departments) sees none. */
  private readonly auth = inject(AuthService);
  protected readonly canExport = computed(() => this.auth.hasAnyRole(['committee']));

  /** The exports' filters: those of the proposal list (session above, state, category, department, words). */
  private readonly organisation = inject(OrganisationApi);
  protected readonly categories = toSignal(this.organisation.categories$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly departments = toSignal(this.organisation.departments$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly states = ['submitted', 'accepted', 'classified', 'handling', 'replied', 'disputed', 'closed', 'rejected', 'merged', 'withdrawn'];
  protected readonly exportState = signal<string | null>(null);
  protected readonly exportCategory = signal<string | null>(null);
  protected readonly exportDepartment = signal<string | null>(null);
  protected readonly exportQ = signal('');

  protected readonly cards: (keyof FigureCounts)[] = [
    'received', 'accepted', 'acceptanceRate', 'merged', 'rejected', 'converted', 'replied', 'onTimeRate', 'overdueNow',
    'satisfactionRate', 'notEvaluated', 'rehandled', 'medianDaysToReply', 'promisesFulfilled', 'promisesOpen', 'contactsDisputed',
  ];
  protected readonly columns: (keyof FigureCounts)[] = [
    'received', 'accepted', 'acceptanceRate', 'merged', 'rejected', 'converted', 'assigned', 'replied', 'repliedOnTime', 'onTimeRate',
    'overdueNow', 'gradeA', 'gradeB', 'gradeC', 'evaluated', 'satisfactionRate', 'notEvaluated', 'rehandled', 'medianDaysToReply',
    'promisesFulfilled', 'promisesOpen', 'contactsConfirmed', 'contactsDisputed',
  ];
  protected readonly exports = [
    ['proposals.xlsx', 'figures.exportXlsx'],
    ['proposals.csv', 'figures.exportCsv'],
    ['compilation.docx', 'figures.compilationDocx'],
    ['compilation.pdf', 'figures.compilationPdf'],
    ['report.docx', 'figures.reportDocx'],
    ['report.pdf', 'figures.reportPdf'],
  ] as const;

  /** Re-computed on a language switch, so the charts' labels follow it. */
  private readonly label = computed(() => {
    this.lang.current();
    return (k: string) => this.translate.instant(`figures.k.${k}`) as string;
  });
  private readonly groupName = computed(() => {
    const lang = this.lang.current();
    const none = this.translate.instant('figures.unclassified') as string;
    return (g: FigureGroup) => (g.id === null ? none : localName({ name: g.name ?? '', nameEn: g.nameEn }, lang));
  });
  protected readonly barOptions = computed(() => {
    const r = this.report();
    return r ? groupBars(r.groups, this.groupName(), this.label()) : null;
  });
  protected readonly gradeOptions = computed(() => {
    const r = this.report();
    return r ? gradeBars(r.groups, this.groupName(), this.label()) : null;
  });
  protected readonly trendOptions = computed(() => {
    const t = this.trends();
    const lang = this.lang.current();
    const name = (p: TrendPoint) => localName({ name: p.session.title, nameEn: p.session.titleEn }, lang);
    return t && t.points.length ? trendLines(t.points, name, this.label()) : null;
  });

  constructor() {
    effect((onCleanup) => {
      const sessionId = this.sessionId();
      const sub = forkJoin({ report: this.api.figures(sessionId, this.by()), ranking: this.api.departments(sessionId) }).subscribe({
        next: ({ report, ranking }) => {
          this.error.set(false);
          this.report.set(report);
          this.ranking.set(ranking);
          if (!this.sessionId()) this.sessionId.set(report.session.id);
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

  protected name(g: FigureGroup): string {
    return this.groupName()(g);
  }

  protected sessionName(s: { title: string; titleEn: string | null }): string {
    return localName({ name: s.title, nameEn: s.titleEn }, this.lang.current());
  }

  protected exportUrl(file: string): string {
    return this.api.exportUrl(file, {
      sessionId: this.sessionId(),
      state: this.exportState(),
      categoryId: this.exportCategory(),
      departmentId: this.exportDepartment(),
      q: this.exportQ(),
    });
  }

  protected optionName(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }

  protected print(): void {
    window.print();
  }
}
