import { HttpErrorResponse } from '@angular/common/http';

export interface LoginError {
  key: string;
  params?: Record<string, number>;
}

/** Seconds until the next attempt: the Retry-After header, else the body's `retryAfterSeconds`. */
function retryAfter(err: HttpErrorResponse): number | null {
  const header = Number(err.headers?.get('Retry-After'));
  if (Number.isFinite(header) && header > 0) return header;
  const body = Number((err.error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds);
  return Number.isFinite(body) && body > 0 ? body : null;
}

/** What a failed `POST /api/auth/login` means to the person signing in. */
export function loginError(err: unknown): LoginError {
  if (!(err instanceof HttpErrorResponse)) return { key: 'common.unknownError' };
  switch (err.status) {
    case 400:
    case 401:
      return { key: 'auth.invalidCredentials' };
    case 423:
      return { key: 'auth.locked' };
    case 429: {
      const seconds = retryAfter(err);
      if (seconds === null) return { key: 'auth.throttled' };
      return seconds < 60
        ? { key: 'auth.throttledSeconds', params: { seconds: Math.ceil(seconds) } }
        : { key: 'auth.throttledMinutes', params: { minutes: Math.ceil(seconds / 60) } };
    }
    case 0:
      return { key: 'common.networkError' };
    default:
      return { key: 'common.unknownError' };
  }
}

/** Only same-site paths are followed after login (no `//evil.example`). */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/';
}
