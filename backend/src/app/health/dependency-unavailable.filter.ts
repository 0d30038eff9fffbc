import { ArgumentsHost, Catch, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { throttled } from '../queues/queue-names';

/** SQLSTATEs that say "the server is not there" rather than "the query is wrong" (PostgreSQL, appendix A). */
const PG_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown: the server is shutting down, or this session was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too_many_connections
]);

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** What node-postgres and its pool say when the connection is gone or cannot be made. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/,
  /^timeout expired$/,
  // a request still running while the process shuts down, after the pool was closed
  /^Cannot use a pool after calling end on the pool/,
  // the same, when TypeORM's data source was already destroyed (a transaction begun during shutdown)
  /^Driver not Connected$/,
];

/** What ioredis (and our fail-fast wrappers) say while Redis is down. */
const REDIS_MESSAGES = [/enableOfflineQueue options is false/, /^Connection is closed/, /^Command timed out/, /no answer from Redis/];
const REDIS_NAMES = new Set(['RedisUnavailableError', 'MaxRetriesPerRequestError']);

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };

/** `database` or `redis` when the error says that service cannot be reached, else null. */
export function unavailableService(error: unknown, depth = 0): 'database' | 'redis' | null {
  if (!error || typeof error !== 'object' || depth > 3) return null;
  const e = error as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if ((typeof e.name === 'string' && REDIS_NAMES.has(e.name)) || REDIS_MESSAGES.some((r) => r.test(message))) return 'redis';
  if (PG_UNAVAILABLE.has(code) || NETWORK.has(code) || PG_MESSAGES.some((r) => r.test(message))) return 'database';
  return unavailableService(e.driverError, depth + 1) ?? unavailableService(e.cause, depth + 1);
}

const MESSAGES = {
  database: 'The database cannot be reached at the moment; nothing was changed. Try again in a few seconds.',
  redis: 'The queue service (Redis) cannot be reached at the moment; try again in a few seconds.',
};

/**
 * Global (APP_FILTER, see HealthModule): a request that fails because PostgreSQL (or, where a route needs it,
 * Redis) cannot be reached answers at once `503 Service Unavailable` with `Retry-After` and a JSON message,
 * instead of a 500; the pool reconnects by itself when the server is back. Every other error goes to Nest's
 * default handling unchanged.
 */
@Catch()
export class DependencyUnavailableFilter extends BaseExceptionFilter {
  private readonly log = new Logger('Unavailable');
  private readonly warn = throttled((m) => this.log.warn(m), 10_000);

  override catch(exception: unknown, host: ArgumentsHost): void {
    const service = host.getType() === 'http' ? unavailableService(exception) : null;
    const res = service ? host.switchToHttp().getResponse<FastifyReply>() : null;
    if (!service || !res || res.sent || res.raw.headersSent) return super.catch(exception, host);
    this.warn(`answering 503: ${service} unavailable (${(exception as Error).message})`);
    void res
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .header('Retry-After', '5')
      .send({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: MESSAGES[service], unavailable: service });
  }
}
