import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ACCESS_COOKIE } from '../auth/jwt-auth.guard';
import { pathOf } from './path-of';

/**
 * CSRF protection for cookie sessions (double submit). A browser that logs in gets, beside the httpOnly
 * `access_token`, a readable `XSRF-TOKEN` cookie with a random value; a state-changing request (POST, PUT,
 * PATCH, DELETE) that authenticates with the cookie must echo it in the `X-XSRF-TOKEN` header, which a page
 * of another site cannot read, so cannot send. Angular's HttpClient does this by itself for relative URLs
 * (frontend/src/app/app.config.ts), and so does the axios inside Bull Board.
 *
 * Exempt: requests with `Authorization` (a bearer token is never sent by the browser on its own), requests
 * without the session cookie (nothing to forge), and login/logout (login needs the password; logout must
 * always work, and forcing one does no harm).
 */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT = new Set(['/api/auth/login', '/api/auth/logout']);

export function newXsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sets a fresh XSRF-TOKEN cookie (readable by the page's script; SameSite=Lax like the session cookie). */
export function setXsrfCookie(res: FastifyReply, secure: boolean, token = newXsrfToken()): string {
  res.setCookie(XSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
  return token;
}

export function clearXsrfCookie(res: FastifyReply, secure: boolean) {
  res.clearCookie(XSRF_COOKIE, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * An `onRequest` hook of the Fastify instance, after @fastify/cookie's. Also hands a token to a cookie session that
 * has none yet (a session from before this protection, or a cleared cookie), on its next safe request such as
 * GET /api/me.
 */
export function csrfProtection(opts: { secure: boolean }) {
  return (req: FastifyRequest, res: FastifyReply, next: HookHandlerDoneFunction) => {
    const cookies = req.cookies ?? {};
    const session = cookies[ACCESS_COOKIE];
    if (!session || req.headers.authorization) return next();
    const expected = cookies[XSRF_COOKIE];
    if (!UNSAFE.has(req.method)) {
      if (!expected) setXsrfCookie(res, opts.secure);
      return next();
    }
    if (EXEMPT.has(pathOf(req.url))) return next();
    const given = req.headers[XSRF_HEADER];
    if (typeof expected === 'string' && expected && typeof given === 'string' && same(given, expected)) return next();
    void res.status(403).send({
      statusCode: 403,
      error: 'Forbidden',
      message:
        'CSRF check failed: a request authenticated by the session cookie must send the X-XSRF-TOKEN header ' +
        'equal to the XSRF-TOKEN cookie (reload the page if this persists)',
    });
  };
}
