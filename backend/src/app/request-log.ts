import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Store, storage } from 'nestjs-pino/storage';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino, { Logger, LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';

/** A request id the caller may choose (a proxy's or a probe's); anything else is replaced by a UUID. */
const GIVEN_ID = /^[\w.-]{1,100}$/;
/** Probes that would fill the log at every poll. */
const NOT_LOGGED = new Set(['/api/health']);

const loggers = new WeakMap<Pick<AppConfig, 'logLevel'>, Logger>();

/**
 * The process's pino logger (one per configuration): the level of LOG_LEVEL, `service: congress-api` on every
 * line, the request and response serialisers, and the credentials redacted from them. nestjs-pino writes Nest's
 * own logs (`Logger` of @nestjs/common) through it (app.module.ts), and `requestLog` the access log.
 */
export function rootLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  let logger = loggers.get(config);
  if (!logger) {
    logger = pino(loggerOptions(config));
    loggers.set(config, logger);
  }
  return logger;
}

export function loggerOptions(config: Pick<AppConfig, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: { pid: process.pid, hostname: hostname(), service: 'congress-api' },
    serializers: { req: pino.stdSerializers.req, res: pino.stdSerializers.res, err: pino.stdSerializers.err },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
}

type Request = IncomingMessage & { id?: string; log?: Logger };

/**
 * The first middleware of the HTTP app (a Nest middleware, run by @fastify/middie on the node request and response):
 * - every answer carries `x-request-id` (the caller's, when it is a plain token, else a new UUID);
 * - what the request's code logs (Nest's `Logger`, through nestjs-pino) carries it as `reqId`;
 * - when the answer is sent, one access-log line: `{reqId, req, res, responseTime}` at `info`, or at `error`
 *   with a 5xx status ("request errored"), as pino-http writes it; not for `/api/health`.
 * The request and response are serialised only when the line is written, that is when its level is enabled;
 * pino-http, which this replaces, serialised the request's headers into a child logger on every request
 * whatever the level (8.5 % of the API's busy time under a detail load, before its garbage; docs/benchmarks.md).
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: ServerResponse, next: () => void) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    const log = logger.child({ reqId: id });
    if (!NOT_LOGGED.has(req.url ?? '')) {
      const started = performance.now();
      const done = () => {
        res.removeListener('finish', done);
        res.removeListener('close', done);
        const failed = res.statusCode >= 500;
        const level = failed ? 'error' : 'info';
        if (!log.isLevelEnabled(level)) return;
        const responseTime = Math.round(performance.now() - started);
        log[level]({ req, res, responseTime }, failed ? 'request errored' : 'request completed');
      };
      res.on('finish', done);
      res.on('close', done);
    }
    // nestjs-pino (`useExisting`, app.module.ts) runs the request's handling with this logger as the context of
    // Nest's `Logger`
    req.log = log;
    next();
  };
}

/**
 * Puts `requestLog` first on the app, and runs each handler in its request's logging context (nestjs-pino's, so
 * that Nest's `Logger` writes the request's `reqId`). The context nestjs-pino's middleware sets does not reach a
 * handler that waited for a request body (the body's chunks arrive as events of the socket), so it is bound again
 * in a `preValidation` hook, after the body was read.
 */
export function useRequestLog(app: NestFastifyApplication, logger: Logger): void {
  app.use(requestLog(logger));
  app.getHttpAdapter().getInstance().addHook('preValidation', bindRequestLogger);
}

function bindRequestLogger(req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const log = (req.raw as Request).log;
  if (!log) return done();
  storage.run(new Store(log), done);
}
