/** How long a search found to match more than the cap is taken to still do so without counting again. */
export const OVERFLOW_KEPT_MS = 30_000;

/** How many such searches are kept (beyond it the oldest goes). */
export const OVERFLOW_KEYS = 5_000;

/** One search's standing in a SearchOverflow (SearchOverflow.check). */
export interface OverflowCheck {
  /** Whether it was counted over the cap less than OVERFLOW_KEPT_MS before the request. */
  readonly held: boolean;
  /** Keeps it as over the cap when its count `total` is over `cap`; else forgets it (SearchOverflow.note). */
  note(total: number, cap: number): void;
}

/**
 * The searches whose capped count recently came out over the cap, by the text and parameters of their count (so
 * by words, filters and the viewer's visibility alike). A page shows such a total as "more than 1,000: add words",
 * and the count that finds it is most of a search's cost: it reads every match of the words from the index before
 * it can stop (docs/benchmarks.md, "Search: where its time goes"). For `OVERFLOW_KEPT_MS` after a count over the
 * cap, the same search's full pages say "more than 1,000" without counting; their rows are read every time. Only
 * an overflow is kept: a total under the cap is counted each time, since one change can move it. "More than 1,000"
 * turns wrong only if enough matching proposals leave the viewer's sight, or stop matching, to bring the matches
 * to 1,000 or fewer (one, when there were exactly 1,001), and then for that interval at most.
 */
export class SearchOverflow {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The key of a count: its statement's condition and parameters. */
  static keyOf(whereSql: string, params: readonly unknown[]): string {
    return `${whereSql}\u0000${JSON.stringify(params)}`;
  }

  /** The search counted by `whereSql` with `params`, looked up once for a request (its page and its total). */
  check(whereSql: string, params: readonly unknown[]): OverflowCheck {
    const key = SearchOverflow.keyOf(whereSql, params);
    return { held: this.holds(key), note: (total, cap) => this.note(key, total, cap) };
  }

  /** Whether the search of `key` was counted over the cap less than OVERFLOW_KEPT_MS ago. */
  holds(key: string): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(key);
    return false;
  }

  /** Keeps `key` as over the cap when its count `total` (capped at cap + 1) is over `cap`; else forgets it. */
  note(key: string, total: number, cap: number): void {
    this.until.delete(key);
    if (total <= cap) return;
    // a Map keeps the order of insertion: the first key is the oldest
    if (this.until.size >= OVERFLOW_KEYS) this.until.delete(this.until.keys().next().value as string);
    this.until.set(key, this.now() + OVERFLOW_KEPT_MS);
  }
}
