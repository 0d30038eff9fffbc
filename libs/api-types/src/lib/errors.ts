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
}
