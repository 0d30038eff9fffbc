import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DICTIONARIES, provideTestTranslations } from '../../testing/test-translations';
import { PROPOSAL_STATES, ROLES } from './models';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('the dictionaries', () => {
  it('hold the same keys in Chinese and English', () => {
    expect(keys(DICTIONARIES['en']).sort()).toEqual(keys(DICTIONARIES['zh-CN']).sort());
  });

  it.each(['zh-CN', 'en'])('name every lifecycle state and role in %s', async (lang) => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
    const translate = TestBed.inject(TranslateService);
    await firstValueFrom(translate.use(lang));
    for (const key of [...PROPOSAL_STATES.map((s) => `state.${s}`), ...ROLES.map((r) => `roles.${r}`)]) {
      const label = translate.instant(key) as string;
      expect({ key, label }).toEqual({ key, label: expect.not.stringMatching(/^(state|roles)\./) });
    }
  });

  it('use the names of domain.md in Chinese', async () => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
    const translate = TestBed.inject(TranslateService);
    await firstValueFrom(translate.use('zh-CN'));
    expect(translate.instant('state.handling')).toBe('办理中');
    expect(translate.instant('state.handling.committeeReplyCheck')).toBe('提案委审核');
    expect(translate.instant('roles.leader')).toBe('分管校领导');
  });
});
