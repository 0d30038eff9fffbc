/** The body of every 4xx answer: a message a person can act on, and for 400 the fields at fault. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; messages: string[] }[];
}

/** 400 of the roster import: every bad row with its line number and reason. */
export interface RowError {
  line: number;
  reason: string;
}

/** Paged list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  /**
   * A text search counts its matches only up to a cap (SEARCH_COUNT_CAP of the server, 1,000): when true there are
   * more than `total` matches, so show "1,000+" and ask for more words rather than page through them all.
   */
  totalCapped?: boolean;
}
