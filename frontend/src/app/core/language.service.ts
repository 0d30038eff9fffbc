import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { firstValueFrom } from 'rxjs';
import { Language } from './models';

export const LANGUAGE_STORAGE_KEY = 'congress.language';
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/**
 * The interface language: ngx-translate's dictionaries, ng-zorro's locale, `<html lang>`
 * and the locale date pipes use. The user's choice is kept in localStorage.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  private readonly lang = signal<Language>(this.stored() ?? DEFAULT_LANGUAGE);

  readonly current = this.lang.asReadonly();
  readonly other = computed<Language>(() => (this.lang() === 'zh-CN' ? 'en' : 'zh-CN'));
  /** Locale id for Angular's `date`/`number` pipes (both registered at start). */
  readonly locale = computed(() => (this.lang() === 'zh-CN' ? 'zh-CN' : 'en-US'));

  /** Loads the start language; used by the app initializer. */
  init(): Promise<unknown> {
    return this.apply(this.lang());
  }

  /** Whether the user has picked a language on this device. */
  hasChoice(): boolean {
    return this.stored() !== null;
  }

  use(lang: Language, remember = true): Promise<unknown> {
    if (remember) this.store(lang);
    this.lang.set(lang);
    return this.apply(lang);
  }

  toggle(): Promise<unknown> {
    return this.use(this.other());
  }

  private apply(lang: Language): Promise<unknown> {
    this.nzI18n.setLocale(lang === 'zh-CN' ? zh_CN : en_US);
    this.document.documentElement.lang = lang;
    return firstValueFrom(this.translate.use(lang));
  }

  private stored(): Language | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }

  private store(lang: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      /* private mode or storage full: the choice lasts for this visit only */
    }
  }
}
