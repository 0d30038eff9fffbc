import { charCount, draftProblems, submitProblems } from './proposal-rules';

const ok = { title: '关于延长图书馆开放时间的提案', background: '馆'.repeat(50), suggestions: '议'.repeat(30) };

describe('the proposal rules of domain.md', () => {
  it('count Chinese characters one each, without surrounding spaces', () => {
    expect(charCount('  图书馆 ')).toBe(3);
    expect(charCount('𠀀a')).toBe(2);
    expect(charCount(null)).toBe(0);
  });

  it('let a draft be saved with only a title', () => {
    expect(draftProblems({ title: '案由', background: '', suggestions: '' })).toEqual([]);
  });

  it('need a title of at most 200 characters', () => {
    expect(draftProblems({ ...ok, title: '   ' }).map((p) => p.key)).toEqual(['editor.errors.titleRequired']);
    expect(draftProblems({ ...ok, title: '字'.repeat(200) })).toEqual([]);
    expect(draftProblems({ ...ok, title: '字'.repeat(201) })[0]).toMatchObject({ field: 'title', params: { max: 200 } });
  });

  it('need 50 characters of background and 30 of suggestions to submit', () => {
    expect(submitProblems(ok)).toEqual([]);
    const short = submitProblems({ ...ok, background: '馆'.repeat(49), suggestions: '议'.repeat(29) });
    expect(short).toEqual([
      { field: 'background', key: 'editor.errors.backgroundShort', params: { min: 50, count: 49 } },
      { field: 'suggestions', key: 'editor.errors.suggestionsShort', params: { min: 30, count: 29 } },
    ]);
  });
});
