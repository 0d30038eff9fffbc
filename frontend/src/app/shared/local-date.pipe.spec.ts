import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideTestTranslations } from '../../testing/test-translations';
import { LanguageService } from '../core/language.service';
import { LocalDatePipe } from './local-date.pipe';

describe('LocalDatePipe', () => {
  beforeAll(() => registerLocaleData(localeZh, 'zh-CN'));

  it('formats dates in the interface language and follows a switch', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideTestTranslations(), LocalDatePipe] });
    const pipe = TestBed.inject(LocalDatePipe);
    const due = new Date(2026, 2, 15);
    expect(pipe.transform(due, 'longDate')).toBe('2026年3月15日');
    await TestBed.inject(LanguageService).use('en');
    expect(pipe.transform(due, 'longDate')).toBe('March 15, 2026');
    expect(pipe.transform(null)).toBeNull();
  });
});
