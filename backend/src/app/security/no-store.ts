import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An `onSend` hook of the Fastify instance: a JSON answer (errors included) that set no Cache-Control gets
 * `no-store`, so that answers with personal data stay out of the browser's disk cache and of shared proxies. A
 * Cache-Control the route set is kept; files, text and empty answers are left as they are.
 */
export function noStoreForJson(_req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) {
  if (!reply.hasHeader('cache-control') && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
    void reply.header('cache-control', 'no-store');
  }
  done(null, payload);
}
