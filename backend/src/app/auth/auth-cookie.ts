import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { ACCESS_COOKIE } from './jwt-auth.guard';

/** The session cookie: httpOnly (no script reads it), SameSite=Lax, Secure per COOKIE_SECURE. */
export function setAuthCookie(res: Response, token: string, config: AppConfig) {
  res.cookie(ACCESS_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.jwtTtlSeconds * 1000,
  });
}

export function clearAuthCookie(res: Response, config: AppConfig) {
  res.clearCookie(ACCESS_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}
