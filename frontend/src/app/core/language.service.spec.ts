import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { provideTestTranslations } from '../../testing/test-translations';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
  });

  it('starts in Chinese', async () => {
    const lang = TestBed.inject(LanguageService);
    await lang.init();
    expect(lang.current()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('zh-cn');
  });

  it('switches everything to English and remembers the choice', async () => {
    const lang = TestBed.inject(LanguageService);
    await lang.init();
    await lang.toggle();
    expect(lang.current()).toBe('en');
    expect(lang.locale()).toBe('en-US');
    expect(TestBed.inject(TranslateService).instant('app.title')).toBe('Staff Congress Proposals');
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the language chosen on an earlier visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(TestBed.inject(LanguageService).current()).toBe('en');
  });
});
