import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { PERIOD_RULE_NAMES, type CongressSession, type SessionRulesView } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { AdminApiService } from './admin-api.service';
import { fieldMessages, orNull } from './shared/admin-form';
import { AdminEditor } from './shared/admin-editor';
import { RefusalAlertComponent } from './shared/refusal-alert.component';

/** The defaults of domain.md (DEFAULT_RULES of @congress/workflow): what a new session starts with. */
export const DEFAULT_SESSION_RULES: SessionRulesView = {
  minCosigners: 2,
  cosignWindowDays: 7,
  reviewTargetDays: 15,
  reassignmentWindowDays: 5,
  handlingDays: 60,
  maxExtensionDays: 60,
  delegationApproval: false,
  leaderSignoff: false,
  committeeReplyCheck: false,
  requireConfirmedContact: false,
  evaluationWindowDays: 15,
  unevaluatedOutcome: 'none',
  maxRehandle: 1,
  dayCounting: {
    cosignWindowDays: 'calendar',
    reviewTargetDays: 'calendar',
    reassignmentWindowDays: 'calendar',
    handlingDays: 'calendar',
    maxExtensionDays: 'calendar',
    evaluationWindowDays: 'calendar',
  },
};

/** The numeric rules with the bounds of the server (session-rules.dto.ts). */
export const NUMBER_RULES: readonly { name: keyof SessionRulesView; min: number; max: number; counted: boolean }[] = [
  { name: 'minCosigners', min: 0, max: 50, counted: false },
  { name: 'cosignWindowDays', min: 1, max: 365, counted: true },
  { name: 'reviewTargetDays', min: 1, max: 365, counted: true },
  { name: 'reassignmentWindowDays', min: 1, max: 365, counted: true },
  { name: 'handlingDays', min: 1, max: 365, counted: true },
  { name: 'maxExtensionDays', min: 0, max: 365, counted: true },
  { name: 'evaluationWindowDays', min: 1, max: 365, counted: true },
  { name: 'maxRehandle', min: 0, max: 10, counted: false },
];
export const FLAG_RULES = ['delegationApproval', 'leaderSignoff', 'committeeReplyCheck', 'requireConfirmedContact'] as const;
const OUTCOMES = ['none', 'satisfied', 'basicallySatisfied'] as const;

const FIELDS = ['term', 'meeting', 'title', 'titleEn', 'year', 'opensAt', 'closesAt', 'isCurrent', ...NUMBER_RULES.map((r) => `rules.${r.name}`)];

/** datetime-local value (local time) from an ISO instant, and back. */
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

function opensBeforeCloses(group: AbstractControl): ValidationErrors | null {
  const opens = group.get('opensAt')?.value as string;
  const closes = group.get('closesAt')?.value as string;
  return opens && closes && new Date(opens) >= new Date(closes) ? { closesBeforeOpens: true } : null;
}

const whole = Validators.pattern(/^\d+$/);

/** 届次/会议 and their rules: list, create and edit (every rule, and how each period counts days), the current one. */
@Component({
  selector: 'app-sessions-page',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    RefusalAlertComponent,
    LocalDatePipe,
    TranslatePipe,
  ],
  template: `
    <section class="page" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{{ 'areas.sessions.title' | translate }}</h1>
      <p class="intro">{{ 'areas.sessions.intro' | translate }}</p>
      <p><button nz-button nzType="primary" type="button" data-testid="create" (click)="open(null)">{{ 'admin.sessions.create' | translate }}</button></p>
      @if (editor.failed()) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table #table nzSize="middle" [nzData]="editor.rows()" [nzLoading]="editor.loading()" [nzFrontPagination]="false" [nzScroll]="editor.rows().length ? { x: '760px' } : {}">
        <thead>
          <tr>
            <th scope="col">{{ 'admin.sessions.titleField' | translate }}</th>
            <th scope="col">{{ 'admin.sessions.year' | translate }}</th>
            <th scope="col">{{ 'admin.sessions.window' | translate }}</th>
            <th scope="col">{{ 'admin.sessions.keyRules' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (s of table.data; track s.id) {
            <tr>
              <td>
                {{ s.title }}
                @if (s.isCurrent) {
                  <nz-tag nzColor="success">{{ 'admin.sessions.current' | translate }}</nz-tag>
                }
                @if (s.titleEn) {<br /><small>{{ s.titleEn }}</small>}
              </td>
              <td>{{ s.year }}</td>
              <td>{{ s.opensAt | localDate }} – {{ s.closesAt | localDate }}</td>
              <td>
                {{ 'admin.sessions.summary' | translate: { handling: s.rules.handlingDays, cosigners: s.rules.minCosigners, counting: ('admin.sessions.counting.' + s.rules.dayCounting.handlingDays | translate) } }}
              </td>
              <td>
                <button nz-button nzSize="small" type="button" (click)="open(s)" [attr.aria-label]="('admin.form.edit' | translate) + ' ' + s.title">
                  {{ 'admin.form.edit' | translate }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>

    <nz-modal
      [nzVisible]="editor.editing() !== undefined"
      [nzTitle]="(editor.editing() ? 'admin.sessions.edit' : 'admin.sessions.create') | translate"
      [nzFooter]="footer"
      [nzMaskClosable]="false"
      [nzWidth]="760"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <app-refusal-alert [refusal]="editor.refusal()" [others]="editor.others()" (reload)="reload()" />
        <form id="session-form" class="admin-form" [formGroup]="form" (submit)="save($event)" novalidate>
          <div class="grid">
            <div>
              <label for="ses-term" class="required">{{ 'admin.sessions.term' | translate }}</label>
              <input nz-input id="ses-term" type="number" min="1" max="99" formControlName="term" />
              @for (m of msgs('term'); track $index) {<div class="error">{{ m }}</div>}
            </div>
            <div>
              <label for="ses-meeting" class="required">{{ 'admin.sessions.meeting' | translate }}</label>
              <input nz-input id="ses-meeting" type="number" min="1" max="99" formControlName="meeting" />
              @for (m of msgs('meeting'); track $index) {<div class="error">{{ m }}</div>}
            </div>
            <div>
              <label for="ses-year" class="required">{{ 'admin.sessions.year' | translate }}</label>
              <input nz-input id="ses-year" type="number" min="2000" max="2200" formControlName="year" />
              <p class="hint">{{ 'admin.sessions.yearHelp' | translate }}</p>
              @for (m of msgs('year'); track $index) {<div class="error">{{ m }}</div>}
            </div>
          </div>
          <label for="ses-title" class="required">{{ 'admin.sessions.titleField' | translate }}</label>
          <input nz-input id="ses-title" formControlName="title" />
          @for (m of msgs('title'); track $index) {<div class="error">{{ m }}</div>}
          <label for="ses-title-en">{{ 'admin.sessions.titleEn' | translate }}</label>
          <input nz-input id="ses-title-en" formControlName="titleEn" lang="en" />
          @for (m of msgs('titleEn'); track $index) {<div class="error">{{ m }}</div>}
          <div class="grid">
            <div>
              <label for="ses-opens" class="required">{{ 'admin.sessions.opensAt' | translate }}</label>
              <input nz-input id="ses-opens" type="datetime-local" formControlName="opensAt" />
              @for (m of msgs('opensAt'); track $index) {<div class="error">{{ m }}</div>}
            </div>
            <div>
              <label for="ses-closes" class="required">{{ 'admin.sessions.closesAt' | translate }}</label>
              <input nz-input id="ses-closes" type="datetime-local" formControlName="closesAt" />
              @for (m of msgs('closesAt'); track $index) {<div class="error">{{ m }}</div>}
              @if (form.hasError('closesBeforeOpens')) {
                <div class="error">{{ 'admin.sessions.closesBeforeOpens' | translate }}</div>
              }
            </div>
          </div>
          <label nz-checkbox formControlName="isCurrent">{{ 'admin.sessions.makeCurrent' | translate }}</label>

          <fieldset formGroupName="rules">
            <legend>{{ 'admin.sessions.periods' | translate }}</legend>
            <p class="hint">{{ 'admin.sessions.periodsHelp' | translate }}</p>
            <div class="grid">
              @for (r of numberRules; track r.name) {
                <div>
                  <label [for]="'rule-' + r.name">{{ 'admin.sessions.rule.' + r.name | translate }}</label>
                  <input nz-input type="number" step="1" [id]="'rule-' + r.name" [min]="r.min" [max]="r.max" [formControlName]="r.name" />
                  <p class="hint">{{ 'admin.sessions.range' | translate: { min: r.min, max: r.max } }}</p>
                  @for (m of msgs('rules.' + r.name); track $index) {<div class="error">{{ m }}</div>}
                  @if (r.counted) {
                    <ng-container formGroupName="dayCounting">
                      <label class="visually-hidden" [for]="'count-' + r.name">
                        {{ 'admin.sessions.countingOf' | translate: { rule: ('admin.sessions.rule.' + r.name | translate) } }}
                      </label>
                      <select nz-input [id]="'count-' + r.name" [formControlName]="r.name">
                        <option value="calendar">{{ 'admin.sessions.counting.calendar' | translate }}</option>
                        <option value="working">{{ 'admin.sessions.counting.working' | translate }}</option>
                      </select>
                    </ng-container>
                  }
                </div>
              }
            </div>
          </fieldset>
          <fieldset formGroupName="rules">
            <legend>{{ 'admin.sessions.steps' | translate }}</legend>
            @for (f of flagRules; track f) {
              <label nz-checkbox [formControlName]="f">{{ 'admin.sessions.rule.' + f | translate }}</label>
            }
            <label for="rule-unevaluatedOutcome">{{ 'admin.sessions.rule.unevaluatedOutcome' | translate }}</label>
            <select nz-input id="rule-unevaluatedOutcome" formControlName="unevaluatedOutcome">
              @for (o of outcomes; track o) {
                <option [value]="o">{{ 'admin.sessions.outcome.' + o | translate }}</option>
              }
            </select>
          </fieldset>
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="close()">{{ 'common.cancel' | translate }}</button>
        <button nz-button nzType="primary" type="submit" form="session-form" [nzLoading]="editor.saving()" data-testid="save">
          {{ 'admin.form.save' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styleUrl: './shared/admin-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsPageComponent {
  private readonly api = inject(AdminApiService);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly numberRules = NUMBER_RULES;
  protected readonly flagRules = FLAG_RULES;
  protected readonly outcomes = OUTCOMES;

  protected readonly editor = new AdminEditor<CongressSession>(() => this.api.sessions(), FIELDS);

  protected readonly form = this.fb.group(
    {
      term: [1, [Validators.required, Validators.min(1), Validators.max(99), whole]],
      meeting: [1, [Validators.required, Validators.min(1), Validators.max(99), whole]],
      title: ['', [Validators.required, Validators.maxLength(200)]],
      titleEn: ['', [Validators.maxLength(300)]],
      year: [new Date().getFullYear(), [Validators.required, Validators.min(2000), Validators.max(2200), whole]],
      opensAt: ['', [Validators.required]],
      closesAt: ['', [Validators.required]],
      isCurrent: [false],
      rules: this.fb.group({
        ...Object.fromEntries(
          NUMBER_RULES.map((r) => [r.name, [0, [Validators.required, Validators.min(r.min), Validators.max(r.max), whole]]]),
        ),
        ...Object.fromEntries(FLAG_RULES.map((f) => [f, [false]])),
        unevaluatedOutcome: ['none'],
        dayCounting: this.fb.group(Object.fromEntries(PERIOD_RULE_NAMES.map((p) => [p, ['calendar']]))),
      }),
    },
    { validators: opensBeforeCloses },
  );

  constructor() {
    this.load();
  }

  protected msgs(field: string): string[] {
    return fieldMessages(this.form, field, this.editor.refusal(), this.translate);
  }

  private load(): void {
    this.editor.load();
  }

  protected open(s: CongressSession | null): void {
    this.editor.begin(s);
    const rules = s?.rules ?? DEFAULT_SESSION_RULES;
    this.form.reset({
      term: s?.term ?? 1,
      meeting: s?.meeting ?? 1,
      title: s?.title ?? '',
      titleEn: s?.titleEn ?? '',
      year: s?.year ?? new Date().getFullYear(),
      opensAt: toLocalInput(s?.opensAt),
      closesAt: toLocalInput(s?.closesAt),
      isCurrent: s?.isCurrent ?? false,
      rules: { ...rules, dayCounting: { ...rules.dayCounting } },
    } as never);
  }

  protected close(): void {
    this.editor.close();
  }

  protected reload(): void {
    const s = this.editor.editing();
    if (!s) return;
    this.api.session(s.id).subscribe((fresh) => {
      this.open(fresh);
      this.load();
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue() as unknown as {
      term: number;
      meeting: number;
      title: string;
      titleEn: string;
      year: number;
      opensAt: string;
      closesAt: string;
      isCurrent: boolean;
      rules: SessionRulesView;
    };
    const rules = { ...v.rules } as SessionRulesView;
    for (const r of NUMBER_RULES) (rules as unknown as Record<string, number>)[r.name] = Number(rules[r.name]);
    const body = {
      term: Number(v.term),
      meeting: Number(v.meeting),
      title: v.title.trim(),
      titleEn: orNull(v.titleEn),
      year: Number(v.year),
      opensAt: fromLocalInput(v.opensAt),
      closesAt: fromLocalInput(v.closesAt),
      isCurrent: v.isCurrent,
      rules,
    };
    const s = this.editor.editing();
    this.editor.submit(s ? this.api.updateSession(s.id, { ...body, version: s.version }) : this.api.createSession(body));
  }
}
