import { BadRequestException, INestApplication, UnsupportedMediaTypeException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import querystring from 'node:querystring';
import { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { BOARD_PATH } from './queues/queue-board';
import { csrfProtection } from './security/csrf';
import { rootLogger, useRequestLog } from './request-log';
import { inputGuard } from './security/input-guard';
import { noStoreForJson } from './security/no-store';
import { pathOf } from './security/path-of';
import { securityHeaders } from './security/security-headers';

/** Flattens class-validator errors into `{ field, messages }`, nested fields as `a.b`. */
export function fieldErrors(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return own.concat(fieldErrors(e.children ?? [], field));
  });
}

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => {
    const fields = fieldErrors(errors);
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: fields.map((f) => f.messages.join('; ')).join('; '),
      errors: fields,
    });
  },
});

/** Request bodies: JSON up to 1 MB; form posts (nothing uses them) up to 100 kB; uploads are limited per route. */
const JSON_LIMIT = 1024 * 1024;
const FORM_LIMIT = 100 * 1024;
export const UNSUPPORTED_BODY =
  'Send the request body as JSON (Content-Type: application/json); files go as multipart/form-data to the upload routes';

/**
 * Builds the HTTP application (API under /api, OpenAPI, the Angular build at /) without listening: Nest on Fastify
 * (docs/benchmarks.md: the HTTP layer alone costs ~31 µs a request on Fastify, ~125 on Express). What every request
 * passes, in order:
 * - `requestLog` (a middleware): the request id and the access log, for every answer, errors included;
 * - `onRequest` hooks: helmet's headers and the CSP (before anything answers: Swagger UI, Bull Board, the frontend),
 *   the cookies (@fastify/cookie), the CSRF check, then the frontend's files for paths outside the API;
 * - the body parsers (JSON, form posts; multipart only where a route asks for it);
 * - `preValidation`: the logger's context for the handler (request-log.ts), the input guard (NUL characters,
 *   unpaired surrogates, absurd nesting: 400 here rather than 500 in PostgreSQL);
 * - `onSend`: `Cache-Control: no-store` on JSON answers that did not set one (they carry personal data).
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_LIMIT,
    trustProxy: ['loopback', 'linklocal', 'uniquelocal'],
    // the paths Express took: /api/proposals/ as /api/proposals
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  useRequestLog(app, rootLogger(config));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', securityHeaders({ secure: config.cookieSecure }));
  await app.register(fastifyCookie);
  fastify.addHook('onRequest', csrfProtection({ secure: config.cookieSecure }));
  // the JSON parser stays Fastify's own (bodyLimit above; `__proto__` and `constructor.prototype` keys refused)
  (app.getHttpAdapter() as FastifyAdapter).useBodyParser('application/x-www-form-urlencoded', false, { bodyLimit: FORM_LIMIT }, (_req, body, done) => {
    done(null, querystring.parse((body as Buffer).toString('utf8'), '&', '=', { maxKeys: 100 }));
  });
  // a body of any other type (XML, an octet stream, …): 415 saying what the API takes (multipart only where a route
  // reads an upload), rather than Fastify's bare "Unsupported Media Type"
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(new UnsupportedMediaTypeException(UNSUPPORTED_BODY), undefined));
  await app.register(fastifyMultipart);
  fastify.addHook('preValidation', inputGuard());
  fastify.addHook('onSend', noStoreForJson);
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  setupOpenApi(app);
  await serveFrontend(app, config);
  return app;
}

function setupOpenApi(app: INestApplication) {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('教代会提案系统 API / Staff congress proposals API')
      .setDescription('The HTTP API of the proposal workflow. Authenticate with POST /api/auth/login, then send `Authorization: Bearer <accessToken>` (or rely on the httpOnly cookie).')
      .setVersion('1.0')
      .addBearerAuth()
      .addCookieAuth('access_token')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/** The paths the frontend never answers: the API (its documentation included) and the queue board. */
function isBackendPath(p: string): boolean {
  return p === '/api' || p.startsWith('/api/') || p === BOARD_PATH || p.startsWith(`${BOARD_PATH}/`);
}

/**
 * In production the backend serves the Angular build at / (SPA fallback to index.html), the API under /api. The
 * build's files are listed once at start (it does not change while the process runs), so a request looks up a set,
 * never the disk, and the API's paths are not looked up at all.
 */
async function serveFrontend(app: NestFastifyApplication, config: AppConfig) {
  const dir = path.resolve(config.frontendDist);
  if (!existsSync(path.join(dir, 'index.html'))) return;
  const files = new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
  );
  await app.register(fastifyStatic, { root: dir, serve: false });
  app.getHttpAdapter().getInstance().addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return done();
    const p = pathOf(req.url);
    if (isBackendPath(p)) return done();
    let file: string;
    try {
      file = decodeURIComponent(p.slice(1));
    } catch {
      return done();
    }
    if (files.has(file)) {
      const shell = isShellFile(file);
      if (shell) void reply.header('Cache-Control', 'no-cache');
      void reply.sendFile(file, shell ? { cacheControl: false } : { maxAge: 3600 * 1000 });
      return;
    }
    if (req.method !== 'GET' || !acceptsHtml(req.headers.accept)) return done();
    void reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

/** The files a browser must ask for again each time: the shell, the service worker and its manifest. */
function isShellFile(file: string): boolean {
  const name = path.posix.basename(file);
  return name === 'index.html' || name === 'ngsw.json' || name === 'ngsw-worker.js' || name.endsWith('.webmanifest');
}

/** Whether an Accept header takes HTML (no header takes anything), as a browser's navigation sends it. */
function acceptsHtml(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    const t = type.trim().toLowerCase();
    return t === 'text/html' || t === 'text/*' || t === '*/*';
  });
}
