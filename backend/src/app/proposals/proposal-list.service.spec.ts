import { pageJson, totalFromPage } from './proposal-list.service';

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
