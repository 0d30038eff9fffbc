import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** Calls whose 401 means "no session" or "wrong password", not "session expired". */
const SESSION_ENDPOINTS = ['/api/auth/login', '/api/auth/logout', '/api/me'];

function isApiCall(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}

/** Sends the in-memory access token as `Authorization: Bearer` on our own API calls. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const token = inject(AuthService).token();
  if (!token || !isApiCall(req.url) || req.headers.has('Authorization')) return next(req);
  return next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));
};

/** A 401 from any API call ends the session and sends the user to the login page. */
export const unauthorizedInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((err: unknown) => {
      const path = req.url.split('?')[0];
      if (err instanceof HttpErrorResponse && err.status === 401 && isApiCall(path) && !SESSION_ENDPOINTS.includes(path)) {
        auth.clearSession();
        const returnUrl = router.url;
        const onLogin = returnUrl.startsWith('/login');
        void router.navigate(['/login'], {
          queryParams: onLogin ? { reason: 'expired' } : { returnUrl, reason: 'expired' },
        });
      }
      return throwError(() => err);
    }),
  );
};
