import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';
import { pathOf } from './path-of';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the app: no inline script anywhere (the production build of the Angular app
 * inlines none, see frontend/project.json `inlineCritical: false`); inline styles are allowed because
 * ng-zorro sets style attributes and injects component styles at run time.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
};

/** Swagger UI (/api/docs) runs an inline bootstrap and shows data: and https: images. */
const DOCS_CSP: Directives = {
  ...APP_CSP,
  'script-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
};

/** Bull Board (/admin/queues) loads its font stylesheet from Google Fonts. */
const BOARD_CSP: Directives = {
  ...APP_CSP,
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
};

function headers(directives: Directives, secure: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: secure ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
    },
    // the app loads nothing cross-origin; a strict COEP would only break Swagger UI's images
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the deployment says it runs behind HTTPS (COOKIE_SECURE)
    strictTransportSecurity: secure ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}

/**
 * helmet's headers on every answer, with a CSP relaxed only for the two tool UIs at their own paths: an `onRequest`
 * hook of the Fastify instance (helmet writes the headers on the node response, which every answer then carries).
 */
export function securityHeaders(opts: { secure: boolean }) {
  const app = headers(APP_CSP, opts.secure);
  const docs = headers(DOCS_CSP, opts.secure);
  const board = headers(BOARD_CSP, opts.secure);
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const p = pathOf(req.url);
    const chosen = p === '/api/docs' || p.startsWith('/api/docs/') ? docs : p === '/admin/queues' || p.startsWith('/admin/queues/') ? board : app;
    chosen(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  };
}
