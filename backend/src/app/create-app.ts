import { BadRequestException, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { BOARD_PATH } from './queues/queue-board';
import { JsonReplyAdapter } from './json-reply.adapter';
import { csrfProtection } from './security/csrf';
import { rootLogger, requestLog } from './request-log';
import { inputGuard } from './security/input-guard';
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

/** Builds the HTTP application (API under /api, OpenAPI, the Angular build at /) without listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), new JsonReplyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  // first: the request id and the access log, for every answer (errors of the middlewares below included)
  app.use(requestLog(rootLogger(config)));
  // before anything that answers (Swagger UI, Bull Board, the static frontend): helmet's headers and the CSP
  app.use(securityHeaders({ secure: config.cookieSecure }));
  app.use(cookieParser());
  app.use(csrfProtection({ secure: config.cookieSecure }));
  // request bodies: JSON up to 1 MB, form posts (nothing uses them) 100 kB; uploads are limited per route (multer)
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false, parameterLimit: 100 });
  // NUL characters, unpaired surrogates and absurd nesting: 400 here rather than 500 in PostgreSQL
  app.use(inputGuard());
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  setupOpenApi(app);
  serveFrontend(app, config);
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
 * In production the backend serves the Angular build at / (SPA fallback to index.html), the API under /api.
 * The build's files are looked for only outside the API: otherwise every API request would cost a file lookup
 * (a `stat` on libuv's thread pool) in the build's folder before reaching its route.
 */
function serveFrontend(app: NestExpressApplication, config: AppConfig) {
  const dir = path.resolve(config.frontendDist);
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return;
  const files = express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForShell });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isBackendPath(req.path)) return next();
    files(req, res, next);
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || isBackendPath(req.path)) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheForShell(res: express.Response, file: string) {
  const name = path.basename(file);
  if (name === 'index.html' || name === 'ngsw.json' || name === 'ngsw-worker.js' || name.endsWith('.webmanifest')) {
    res.setHeader('Cache-Control', 'no-cache');
  }
}
