import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { from, map, Observable } from 'rxjs';
import { Language } from './models';

type Dictionary = { default: TranslationObject };

/** Dictionaries ship with the app as lazy chunks: no extra server route, works offline. */
const DICTIONARIES: Record<Language, () => Promise<Dictionary>> = {
  'zh-CN': () => import('../../assets/i18n/zh-CN.json') as Promise<Dictionary>,
  en: () => import('../../assets/i18n/en.json') as Promise<Dictionary>,
};

export class BundledTranslateLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    const load = DICTIONARIES[lang as Language] ?? DICTIONARIES['zh-CN'];
    return from(load()).pipe(map((module) => module.default));
  }
}
