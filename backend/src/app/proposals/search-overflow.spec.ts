import { OVERFLOW_KEPT_MS, OVERFLOW_KEYS, SearchOverflow } from './search-overflow';

describe('SearchOverflow', () => {
  let now = 0;
  const memo = () => new SearchOverflow(() => now);
  beforeEach(() => (now = 1_000));

  it('holds a search counted over the cap for OVERFLOW_KEPT_MS, and no longer', () => {
    const m = memo();
    const key = SearchOverflow.keyOf('p.x LIKE $2', ['user', '%食堂%']);
    expect(m.holds(key)).toBe(false);
    m.note(key, 1001, 1000);
    now += OVERFLOW_KEPT_MS - 1;
    expect(m.holds(key)).toBe(true);
    now += 1;
    expect(m.holds(key)).toBe(false);
  });

  it('keeps nothing for a count at or under the cap, and forgets a search counted under it again', () => {
    const m = memo();
    m.note('a', 1000, 1000);
    expect(m.holds('a')).toBe(false);
    m.note('a', 1001, 1000);
    m.note('a', 3, 1000);
    expect(m.holds('a')).toBe(false);
  });

  it('tells searches apart by condition and by every parameter (words, filters, the viewer)', () => {
    const m = memo();
    m.note(SearchOverflow.keyOf('w', ['u1', '食堂']), 1001, 1000);
    expect(m.holds(SearchOverflow.keyOf('w', ['u1', '食堂']))).toBe(true);
    expect(m.holds(SearchOverflow.keyOf('w', ['u2', '食堂']))).toBe(false);
    expect(m.holds(SearchOverflow.keyOf('w', ['u1', '停车']))).toBe(false);
    expect(m.holds(SearchOverflow.keyOf('w AND s', ['u1', '食堂']))).toBe(false);
  });

  it('keeps at most OVERFLOW_KEYS searches, dropping the oldest first', () => {
    const m = memo();
    for (let i = 0; i <= OVERFLOW_KEYS; i++) m.note(`k${i}`, 2000, 1000);
    expect(m.holds('k0')).toBe(false);
    expect(m.holds('k1')).toBe(true);
    expect(m.holds(`k${OVERFLOW_KEYS}`)).toBe(true);
  });
});
