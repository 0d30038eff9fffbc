import { caseless, containsPattern, searchCondition } from './visibility.sql';

describe('the text search condition', () => {
  it('calls words without case caseless, and anything with a letter that has case not', () => {
    for (const q of ['图书馆', '停车', '100%', '２０２６年', '（1001）', '、。！']) expect(caseless(q)).toBe(true);
    for (const q of ['wifi', 'WiFi信号', 'Ω', 'ß', 'ǅ', 'Ｗｉｆｉ']) expect(caseless(q)).toBe(false);
  });

  it('matches Chinese by LIKE and words with letters by ILIKE, both on the indexed text from three characters', () => {
    const text = `(p.title || ' ' || p.background || ' ' || p.suggestions)`;
    expect(searchCondition(' 图书馆 ', '$2')).toBe(`${text} LIKE $2`);
    expect(searchCondition('WiFi信号', '$2')).toBe(`${text} ILIKE $2`);
    // fewer than three characters: a form the trigram index does not cover
    expect(searchCondition('停车', '$3')).toBe(`(${text} || '') LIKE $3`);
    expect(searchCondition('Wi', '$3', 'x')).toBe(`(${text.replace(/p\./g, 'x.')} || '') ILIKE $3`);
  });

  it("escapes the user's own wildcards", () => {
    expect(containsPattern(' 100%_a\\b ')).toBe('%100\\%\\_a\\\\b%');
  });
});
