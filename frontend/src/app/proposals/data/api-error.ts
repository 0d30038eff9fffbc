import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@congress/api-types';

/** What a form does with a refused request. */
export type Refusal =
  | { kind: 'invalid'; message: string; fields: Record<string, string[]> }
  | { kind: 'conflict'; message: string; currentVersion: number | null; state: string | null; accepts: string[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'other'; message: string; status: number };

interface ConflictBody extends Partial<ApiError> {
  currentVersion?: number;
  state?: string;
  accepts?: string[];
}

/** Reads the API's error body (`{message, errors?}`, 409 `{currentVersion}` or `{state, accepts}`). */
export function toRefusal(err: unknown): Refusal {
  if (!(err instanceof HttpErrorResponse)) return { kind: 'other', message: String(err), status: 0 };
  const body = (typeof err.error === 'object' && err.error !== null ? err.error : {}) as ConflictBody;
  const message = typeof body.message === 'string' ? body.message : err.message;
  if (err.status === 400) {
    const fields: Record<string, string[]> = {};
    for (const f of body.errors ?? []) fields[f.field] = [...(fields[f.field] ?? []), ...f.messages];
    return { kind: 'invalid', message, fields };
  }
  if (err.status === 409) {
    return {
      kind: 'conflict',
      message,
      currentVersion: typeof body.currentVersion === 'number' ? body.currentVersion : null,
      state: typeof body.state === 'string' ? body.state : null,
      accepts: Array.isArray(body.accepts) ? body.accepts : [],
    };
  }
  if (err.status === 403) return { kind: 'forbidden', message };
  return { kind: 'other', message, status: err.status };
}
