import { formatDate } from '@angular/common';
import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService } from '../core/language.service';

/**
 * Angular's date formatting in the interface language: `{{ proposal.dueAt | localDate }}`.
 * Impure so it follows a language switch; it formats again only when value, format or language change.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);
  private lastKey = '';
  private lastResult: string | null = null;

  transform(value: Date | string | number | null | undefined, format = 'mediumDate', timezone?: string): string | null {
    if (value === null || value === undefined || value === '') return null;
    const locale = this.language.locale();
    const key = `${value instanceof Date ? value.getTime() : value}|${format}|${locale}|${timezone ?? ''}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastResult = formatDate(value, format, locale, timezone);
    }
    return this.lastResult;
  }
}
