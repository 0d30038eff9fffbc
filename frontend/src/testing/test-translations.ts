import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { EnvironmentProviders, Provider } from '@angular/core';
import { provideTranslateLoader, provideTranslateService, TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, of } from 'rxjs';
import en from '../assets/i18n/en.json';
import zhCN from '../assets/i18n/zh-CN.json';

// as app.config.ts does at start: dates in Chinese need Angular's locale data
registerLocaleData(localeZh, 'zh-CN');

export const DICTIONARIES: Record<string, TranslationObject> = { 'zh-CN': zhCN, en };

/** The real dictionaries, answered synchronously. */
class SyncTranslateLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(DICTIONARIES[lang] ?? zhCN);
  }
}

export function provideTestTranslations(lang: 'zh-CN' | 'en' = 'zh-CN'): (Provider | EnvironmentProviders)[] {
  return provideTranslateService({
    loader: provideTranslateLoader(SyncTranslateLoader),
    lang,
    fallbackLang: 'zh-CN',
  });
}
