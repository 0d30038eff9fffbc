import { caseless, containsPattern, searchCondition, searchConditions } from './visibility.sql';

describe('the text search condition', () => {
  it('calls words without case caseless, and anything with a letter that has case not', () => {
    for (const q of ['图书馆', '停车', '100%', '２０２６年', '（1001）', '、。！']) expect(caseless(q)).toBe(true);
    for (const q of ['wifi', 'WiFi信号', 'Ω', 'ß', 'ǅ', 'Ｗｉｆｉ']) expect(caseless(q)).toBe(false);
  });

  const condition = (q: string, alias?: string) => {
    const params: unknown[] = [7];
    const sql = searchCondition(q, (v) => `$${params.push(v)}`, alias);
    return { sql, params: params.slice(1) };
  };
  const text = `(p.title || ' ' || p.background || ' ' || p.suggestions)`;

  it('matches three characters or more by LIKE without case and by ILIKE with, on the indexed text', () => {
    expect(condition(' 图书馆 ')).toEqual({ sql: `${text} LIKE $2`, params: ['%图书馆%'] });
    expect(condition('WiFi信号')).toEqual({ sql: `${text} ILIKE $2`, params: ['%WiFi信号%'] });
  });

  it('finds two characters among the bigrams and checks them with strpos, lower-cased when they have case', () => {
    expect(condition(' 停车')).toEqual({
      sql: `(proposal_text_bigrams(${text}) @> ARRAY[lower($2)] AND strpos(${text}, $2) > 0)`,
      params: ['停车'],
    });
    expect(condition('Wi', 'x')).toEqual({
      sql: `(proposal_text_bigrams(${text.replace(/p\./g, 'x.')}) @> ARRAY[lower($2)] AND strpos(lower(${text.replace(/p\./g, 'x.')}), lower($2)) > 0)`,
      params: ['Wi'],
    });
  });

  it('has a form for common words by strpos, on the same parameters: words with case of three or more and one character have none', () => {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    expect(searchConditions('停车', p)).toEqual({
      indexed: `(proposal_text_bigrams(${text}) @> ARRAY[lower($1)] AND strpos(${text}, $1) > 0)`,
      common: `strpos(${text}, $1) > 0`,
    });
    expect(searchConditions('Wi', p).common).toBe(`strpos(lower(${text}), lower($2)) > 0`);
    expect(searchConditions('图书馆', p)).toEqual({ indexed: `${text} LIKE $3`, common: `strpos(${text}, substr($3, 2, length($3) - 2)) > 0` });
    expect(searchConditions('WiFi信号', p)).toEqual({ indexed: `${text} ILIKE $4`, common: null });
    expect(searchConditions('100%以上', p).common).toBeNull();
    expect(searchConditions('车', p)).toEqual({ indexed: `(${text} || '') LIKE $6`, common: null });
    expect(params).toEqual(['停车', 'Wi', '%图书馆%', '%WiFi信号%', '%100\\%以上%', '%车%']);
  });

  it('matches one character in a form no index covers', () => {
    expect(condition('车')).toEqual({ sql: `(${text} || '') LIKE $2`, params: ['%车%'] });
    expect(condition('%')).toEqual({ sql: `(${text} || '') LIKE $2`, params: ['%\\%%'] });
  });

  it("escapes the user's own wildcards", () => {
    expect(containsPattern(' 100%_a\\b ')).toBe('%100\\%\\_a\\\\b%');
  });
});
