import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { pathOf } from './path-of';

/**
 * Refuses (400) request input that PostgreSQL cannot store as it came or that no client sends in good faith,
 * before any handler sees it, instead of failing deep inside a query with a 500:
 * - a NUL character (U+0000): `text` columns cannot hold it ("invalid byte sequence for encoding UTF8: 0x00");
 * - an unpaired UTF-16 surrogate (JSON allows "\ud800"): it is not a character, and would be stored as U+FFFD,
 *   so the text would not come back as sent;
 * - JSON nested deeper than MAX_DEPTH (no endpoint takes more than three levels).
 * Everything else, however hostile (markup, SQL, right-to-left marks, zero-width joiners, emoji), is stored and
 * answered exactly as sent; the UI never renders it as HTML.
 */
export const MAX_DEPTH = 16;

// eslint-disable-next-line no-control-regex
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problem(value: unknown, where: string, depth: number): string | null {
  if (typeof value === 'string') return BAD.test(value) ? `${where} contains a NUL character or an unpaired surrogate` : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_DEPTH) return `${where} is nested more than ${MAX_DEPTH} levels deep`;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (BAD.test(k)) return `${where} has a field name with a NUL character or an unpaired surrogate`;
    const found = problem(v, Array.isArray(value) ? `${where}[${k}]` : `${where}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A `preValidation` hook of the Fastify instance: after the body is parsed, before any handler. */
export function inputGuard() {
  return (req: FastifyRequest, res: FastifyReply, next: HookHandlerDoneFunction) => {
    const found =
      problem(req.body, 'body', 0) ?? problem(req.query, 'query', 0) ?? (BAD.test(safeDecode(pathOf(req.url))) ? 'the path contains a NUL character' : null);
    if (!found) return next();
    void res.status(400).send({ statusCode: 400, error: 'Bad Request', message: found });
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
