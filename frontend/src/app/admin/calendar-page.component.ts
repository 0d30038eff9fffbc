import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CALENDAR_DAY_KINDS, type CalendarDay } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Refusal, toRefusal } from '../proposals/data/api-error';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { AdminApiService } from './admin-api.service';
import { fieldMessages, orNull, otherFieldMessages, loadInto } from './shared/admin-form';
import { RefusalAlertComponent } from './shared/refusal-alert.component';

const KIND_COLORS: Record<string, string> = { holiday: 'red', workday: 'blue', break: 'orange' };

/** The working-day calendar of one year: the special days (holiday, make-up workday, term break), add and remove. */
@Component({
  selector: 'app-calendar-page',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    RefusalAlertComponent,
    LocalDatePipe,
    TranslatePipe,
  ],
  template: `
    <section class="page" aria-labelledby="calendar-title">
      <h1 id="calendar-title">{{ 'areas.calendar.title' | translate }}</h1>
      <p class="intro">{{ 'areas.calendar.intro' | translate }}</p>
      <div class="toolbar" role="group" [attr.aria-label]="'admin.calendar.year' | translate">
        <button nz-button type="button" (click)="changeYear(-1)" [attr.aria-label]="'admin.calendar.previousYear' | translate">‹</button>
        <strong aria-live="polite">{{ 'admin.calendar.yearTitle' | translate: { year: year() } }}</strong>
        <button nz-button type="button" (click)="changeYear(1)" [attr.aria-label]="'admin.calendar.nextYear' | translate">›</button>
      </div>

      <h2>{{ 'admin.calendar.add' | translate }}</h2>
      <app-refusal-alert [refusal]="refusal()" [others]="others()" />
      <form class="admin-form grid" [formGroup]="form" (submit)="save($event)" novalidate>
        <div>
          <label for="cal-day" class="required">{{ 'admin.calendar.day' | translate }}</label>
          <input nz-input id="cal-day" type="date" formControlName="day" />
          @for (m of msgs('day'); track $index) {<div class="error">{{ m }}</div>}
        </div>
        <div>
          <label for="cal-kind" class="required">{{ 'admin.calendar.kind' | translate }}</label>
          <nz-select nzId="cal-kind" formControlName="kind">
            @for (k of kinds; track k) {
              <nz-option [nzValue]="k" [nzLabel]="'admin.calendar.kinds.' + k | translate" />
            }
          </nz-select>
          @for (m of msgs('kind'); track $index) {<div class="error">{{ m }}</div>}
        </div>
        <div>
          <label for="cal-note">{{ 'admin.calendar.note' | translate }}</label>
          <input nz-input id="cal-note" formControlName="note" [placeholder]="'admin.calendar.notePlaceholder' | translate" />
          @for (m of msgs('note'); track $index) {<div class="error">{{ m }}</div>}
        </div>
        <div>
          <span class="label">&nbsp;</span>
          <button nz-button nzType="primary" type="submit" [nzLoading]="saving()" data-testid="save">{{ 'admin.form.save' | translate }}</button>
        </div>
      </form>
      <p class="hint">{{ 'admin.calendar.help' | translate }}</p>

      <h2>{{ 'admin.calendar.listTitle' | translate }}</h2>
      @if (failed()) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table #table nzSize="small" [nzData]="days()" [nzLoading]="loading()" [nzFrontPagination]="false" [nzNoResult]="'admin.calendar.empty' | translate">
        <thead>
          <tr>
            <th scope="col">{{ 'admin.calendar.day' | translate }}</th>
            <th scope="col">{{ 'admin.calendar.kind' | translate }}</th>
            <th scope="col">{{ 'admin.calendar.note' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (d of table.data; track d.day) {
            <tr>
              <td><time [attr.datetime]="d.day">{{ d.day | localDate }}</time></td>
              <td><nz-tag [nzColor]="color(d.kind)">{{ 'admin.calendar.kinds.' + d.kind | translate }}</nz-tag></td>
              <td>{{ d.note ?? '' }}</td>
              <td>
                <button
                  nz-button
                  nzSize="small"
                  nzDanger
                  type="button"
                  nz-popconfirm
                  [nzPopconfirmTitle]="'admin.calendar.removeConfirm' | translate"
                  (nzOnConfirm)="remove(d)"
                  [attr.aria-label]="('admin.calendar.remove' | translate) + ' ' + d.day"
                >
                  {{ 'admin.calendar.remove' | translate }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
  styleUrl: './shared/admin-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPageComponent {
  private readonly api = inject(AdminApiService);
  private readonly translate = inject(TranslateService);

  protected readonly kinds = CALENDAR_DAY_KINDS;
  protected readonly year = signal(new Date().getFullYear());
  protected readonly days = signal<CalendarDay[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly saving = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly others = signal<string[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    day: ['', [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
    kind: ['holiday' as CalendarDay['kind'], [Validators.required]],
    note: ['', [Validators.maxLength(200)]],
  });

  constructor() {
    this.load();
  }

  protected color(kind: string): string {
    return KIND_COLORS[kind] ?? 'default';
  }

  protected msgs(field: string): string[] {
    return fieldMessages(this.form, field, this.refusal(), this.translate);
  }

  protected changeYear(step: number): void {
    this.year.update((y) => y + step);
    this.load();
  }

  private load(): void {
    loadInto(this.api.calendar(this.year()), this.days, { loading: this.loading, failed: this.failed }, (days) => [...days].sort((a, b) => a.day.localeCompare(b.day)));
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.refusal.set(null);
    this.api.putCalendarDay(v.day, { kind: v.kind, note: orNull(v.note) }).subscribe({
      next: () => {
        this.saving.set(false);
        this.form.reset({ day: '', kind: v.kind, note: '' });
        const y = Number(v.day.slice(0, 4));
        if (y !== this.year()) this.year.set(y);
        this.load();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const refusal = toRefusal(err);
        this.refusal.set(refusal);
        this.others.set(otherFieldMessages(refusal, ['day', 'kind', 'note']));
      },
    });
  }

  protected remove(d: CalendarDay): void {
    this.api.removeCalendarDay(d.day).subscribe({
      next: () => this.load(),
      error: (err: unknown) => this.refusal.set(toRefusal(err)),
    });
  }
}
