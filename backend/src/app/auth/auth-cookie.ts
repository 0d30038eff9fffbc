import type { FastifyReply } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { clearXsrfCookie, setXsrfCookie } from '../security/csrf';
import { ACCESS_COOKIE } from './jwt-auth.guard';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax, Secure per COOKIE_SECURE; with it a fresh
 * readable XSRF-TOKEN cookie for the double-submit CSRF check (security/csrf.ts).
 */
export function setAuthCookie(res: FastifyReply, token: string, config: AppConfig) {
  res.setCookie(ACCESS_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    // seconds (@fastify/cookie), as Max-Age is written
    maxAge: config.jwtTtlSeconds,
  });
  setXsrfCookie(res, config.cookieSecure);
}

export function clearAuthCookie(res: FastifyReply, config: AppConfig) {
  res.clearCookie(ACCESS_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
  clearXsrfCookie(res, config.cookieSecure);
}
