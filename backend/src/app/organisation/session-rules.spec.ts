import { DEFAULT_RULES } from '@congress/workflow';
import { mergeRules } from './session-rules';

describe('session rules', () => {
  it('fills in every default of domain.md', () => {
    expect(mergeRules()).toEqual(DEFAULT_RULES);
    expect(mergeRules({} as never)).toEqual(DEFAULT_RULES);
  });

  it('lays changes over what is stored, per rule and per period counting', () => {
    const stored = mergeRules(null, { handlingDays: 40, dayCounting: { handlingDays: 'working' } });
    const next = mergeRules(stored, { minCosigners: 3, dayCounting: { cosignWindowDays: 'working' } });
    expect(next).toMatchObject({ handlingDays: 40, minCosigners: 3, maxRehandle: 1 });
    expect(next.dayCounting).toMatchObject({ handlingDays: 'working', cosignWindowDays: 'working', evaluationWindowDays: 'calendar' });
  });

  it('gives stored rules that lack a newer rule its default', () => {
    const { maxRehandle: _dropped, ...old } = DEFAULT_RULES;
    expect(mergeRules(old).maxRehandle).toBe(DEFAULT_RULES.maxRehandle);
  });
});
