import { totalFromPage } from './proposal-list.service';

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
