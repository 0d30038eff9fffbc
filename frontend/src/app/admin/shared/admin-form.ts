import type { WritableSignal } from '@angular/core';
import type { Observable } from 'rxjs';
import { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { Refusal } from '../../proposals/data/api-error';

/** The code rule of the server (common.dto.ts): 2–32 letters, digits, "_" or "-", starting with a letter. */
export const CODE_PATTERN = /^[a-z][a-z0-9_-]{1,31}$/i;

/** Names the client-side error of a control for the user, in the interface language. */
export function clientMessages(errors: ValidationErrors | null, translate: TranslateService): string[] {
  if (!errors) return [];
  return Object.entries(errors).map(([key, value]) => {
    const params = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    switch (key) {
      case 'required':
        return translate.instant('admin.form.required') as string;
      case 'pattern':
        return translate.instant('admin.form.code') as string;
      case 'maxlength':
        return translate.instant('admin.form.maxLength', { max: params['requiredLength'] }) as string;
      case 'min':
        return translate.instant('admin.form.min', { min: params['min'] }) as string;
      case 'max':
        return translate.instant('admin.form.max', { max: params['max'] }) as string;
      default:
        return translate.instant(`admin.form.${key}`) as string;
    }
  });
}

/**
 * The messages to show under a field: the client's checks once the field was touched (or the form sent),
 * then what the server said about it in its last 400 (field names as the server gives them, e.g. `rules.handlingDays`).
 */
export function fieldMessages(
  form: FormGroup,
  path: string,
  refusal: Refusal | null,
  translate: TranslateService,
  serverField = path,
): string[] {
  const control: AbstractControl | null = form.get(path);
  const client = control && control.invalid && (control.touched || control.dirty) ? clientMessages(control.errors, translate) : [];
  const server = refusal?.kind === 'invalid' ? (refusal.fields[serverField] ?? []) : [];
  return [...client, ...server];
}

/** The field messages of a 400 that no field on the form shows. */
export function otherFieldMessages(refusal: Refusal | null, shown: readonly string[]): string[] {
  if (refusal?.kind !== 'invalid') return [];
  return Object.entries(refusal.fields)
    .filter(([field]) => !shown.includes(field))
    .flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
}

/** Empty text becomes null (clears an optional value on the server). */
export function orNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed ? trimmed : null;
}

/**
 * Loads a page's rows: sets `loading` while the request runs, then the rows (through `map` where given) or
 * `failed`. One place for the list pages of the admin area.
 */
export function loadInto<T, R = T>(
  source: Observable<T>,
  target: WritableSignal<R>,
  state: { loading: WritableSignal<boolean>; failed: WritableSignal<boolean> },
  map: (value: T) => R = (value) => value as unknown as R,
): void {
  state.loading.set(true);
  source.subscribe({
    next: (value) => {
      target.set(map(value));
      state.loading.set(false);
      state.failed.set(false);
    },
    error: () => {
      state.loading.set(false);
      state.failed.set(true);
    },
  });
}
