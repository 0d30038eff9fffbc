import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import type { UserRef } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, debounceTime, distinctUntilChanged, map, of, Subject, switchMap } from 'rxjs';
import { AdminApiService } from '../admin-api.service';

/**
 * Picks one user (`multiple` false: value id | null) or several (value id[]) from the accounts, searching by
 * username or name as one types. `known` gives the names of the users already chosen.
 */
@Component({
  selector: 'app-user-picker',
  imports: [FormsModule, NzSelectModule, TranslatePipe],
  template: `
    <nz-select
      [nzId]="inputId()"
      [nzMode]="multiple() ? 'multiple' : 'default'"
      nzShowSearch
      nzServerSearch
      [nzAllowClear]="!multiple()"
      [nzPlaceHolder]="'admin.form.pickUser' | translate"
      [nzDisabled]="disabled()"
      [ngModel]="value()"
      (ngModelChange)="change($event)"
      (nzOnSearch)="search$.next($event)"
      (nzOpenChange)="$event && search$.next('')"
      (nzBlur)="onTouched()"
    >
      @for (u of options(); track u.id) {
        <nz-option [nzValue]="u.id" [nzLabel]="u.displayName + ' (' + u.username + ')'" />
      }
    </nz-select>
  `,
  styles: `
    nz-select {
      width: 100%;
    }
  `,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => UserPickerComponent), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPickerComponent implements ControlValueAccessor {
  private readonly api = inject(AdminApiService);

  readonly multiple = input(false);
  readonly inputId = input<string>('');
  readonly known = input<UserRef[]>([]);

  protected readonly value = signal<string | string[] | null>(null);
  protected readonly disabled = signal(false);
  private readonly found = signal<UserRef[]>([]);
  protected readonly search$ = new Subject<string>();

  protected readonly options = computed(() => {
    const byId = new Map<string, UserRef>();
    for (const u of [...this.known(), ...this.found()]) byId.set(u.id, u);
    return [...byId.values()];
  });

  private onChange: (value: string | string[] | null) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  constructor() {
    this.search$
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          this.api.users({ q: q.trim(), page: 1, pageSize: 20 }).pipe(
            map((page) => page.items.map(({ id, username, displayName }) => ({ id, username, displayName }))),
            catchError(() => of<UserRef[]>([])),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((users) => {
        // Keep the chosen ones' names when a search does not find them.
        const chosen = new Set(Array.isArray(this.value()) ? (this.value() as string[]) : [this.value()]);
        const keep = this.found().filter((u) => chosen.has(u.id));
        this.found.set([...keep, ...users]);
      });
  }

  protected change(value: string | string[] | null): void {
    this.value.set(value ?? (this.multiple() ? [] : null));
    this.onChange(this.value());
  }

  writeValue(value: string | string[] | null): void {
    this.value.set(value ?? (this.multiple() ? [] : null));
  }
  registerOnChange(fn: (value: string | string[] | null) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }
  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
