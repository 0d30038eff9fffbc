import { commonFormWhere, pageJson, totalFromPage } from './proposal-list.service';

describe('totalFromPage', () => {
  it('tells the total from a last page with room to spare, and from an empty first page', () => {
    expect(totalFromPage(7, 1, 20)).toBe(7);
    expect(totalFromPage(3, 4, 20)).toBe(63);
    expect(totalFromPage(0, 1, 20)).toBe(0);
  });

  it('leaves a full page and a page past the end to the count', () => {
    expect(totalFromPage(20, 1, 20)).toBeNull();
    expect(totalFromPage(20, 3, 20)).toBeNull();
    expect(totalFromPage(0, 2, 20)).toBeNull();
  });
});

describe('pageJson', () => {
  it('writes the items as they came and the total, capped or not, as JSON', () => {
    const items = ['{"id":"a","title":"关于\\"食堂\\"的提案"}', '{"id":"b","title":"停车"}'];
    expect(JSON.parse(pageJson(items, { total: 42 }))).toEqual({ items: [{ id: 'a', title: '关于"食堂"的提案' }, { id: 'b', title: '停车' }], total: 42 });
    expect(JSON.parse(pageJson([], { total: 0 }))).toEqual({ items: [], total: 0 });
    expect(JSON.parse(pageJson(items.slice(1), { total: 1000, totalCapped: true }))).toEqual({
      items: [{ id: 'b', title: '停车' }],
      total: 1000,
      totalCapped: true,
    });
  });
});

describe('commonFormWhere', () => {
  const base = ['p.deleted_at IS NULL', 'visible'];
  const search = { indexed: 'indexed', common: 'common' };
  const first = { column: 'p.created_at', desc: true, page: 1, pageSize: 20 };

  it("writes the plain search's first page, newest first, with the words in their common form", () => {
    expect(commonFormWhere(base, [...base, 'indexed'], search, first)).toBe('p.deleted_at IS NULL AND visible AND common');
    expect(commonFormWhere(base, [...base, 'indexed'], search, { ...first, pageSize: 50 })).toBe('p.deleted_at IS NULL AND visible AND common');
  });

  it('leaves other filters, pages, orders, larger pages and words without a common form to the indexed form', () => {
    expect(commonFormWhere(base, [...base, 'indexed', 'p.session_id = $3'], search, first)).toBeNull();
    expect(commonFormWhere(base, [...base, 'indexed'], search, { ...first, page: 2 })).toBeNull();
    expect(commonFormWhere(base, [...base, 'indexed'], search, { ...first, desc: false })).toBeNull();
    expect(commonFormWhere(base, [...base, 'indexed'], search, { ...first, column: 'p.updated_at' })).toBeNull();
    expect(commonFormWhere(base, [...base, 'indexed'], search, { ...first, pageSize: 51 })).toBeNull();
    expect(commonFormWhere(base, [...base, 'indexed'], { indexed: 'indexed', common: null }, first)).toBeNull();
    expect(commonFormWhere(base, base, null, first)).toBeNull();
  });
});
