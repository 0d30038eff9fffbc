import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { loginError, safeReturnUrl } from './login-error';

const failure = (status: number, headers: Record<string, string> = {}, error: unknown = null) =>
  new HttpErrorResponse({ status, headers: new HttpHeaders(headers), error });

describe('login errors', () => {
  it('tells wrong credentials, lock-out and an unreachable server apart', () => {
    expect(loginError(failure(401)).key).toBe('auth.invalidCredentials');
    expect(loginError(failure(423)).key).toBe('auth.locked');
    expect(loginError(failure(0)).key).toBe('common.networkError');
    expect(loginError(failure(500)).key).toBe('common.unknownError');
  });

  it('says how long to wait after too many attempts, in minutes when it is long', () => {
    expect(loginError(failure(429, { 'Retry-After': '20' }))).toEqual({
      key: 'auth.throttledSeconds',
      params: { seconds: 20 },
    });
    expect(loginError(failure(429, {}, { retryAfterSeconds: 900 }))).toEqual({
      key: 'auth.throttledMinutes',
      params: { minutes: 15 },
    });
    expect(loginError(failure(429)).key).toBe('auth.throttled');
  });

  it('only follows same-site return paths', () => {
    expect(safeReturnUrl('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/login')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
