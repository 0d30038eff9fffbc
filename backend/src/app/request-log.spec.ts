import { Body, Controller, Get, INestApplication, Logger, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { AppConfig } from '../config/app-config';
import { loggerModule } from './app.module';
import { loggerOptions, useRequestLog } from './request-log';

/** Collects the JSON lines a pino logger writes. */
function sink() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed log lines, checked field by field
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

@Controller('probe')
class ProbeController {
  private readonly log = new Logger('Probe');
  @Get()
  probe() {
    this.log.warn('inside the request');
    return { ok: true };
  }
  @Post()
  async posted(@Body() body: { text?: string }) {
    // the handler ran after the body arrived, and after an await of its own
    await new Promise((r) => setTimeout(r, 5));
    this.log.warn(`posted ${body.text}`);
    return { ok: true };
  }
  @Get('fail')
  fail() {
    throw new Error('boom');
  }
}

async function appWith(level: AppConfig['logLevel']) {
  const { lines, stream } = sink();
  const logger = pino(loggerOptions({ logLevel: level }), stream);
  @Module({ imports: [loggerModule({ logLevel: level } as AppConfig, logger)], controllers: [ProbeController] })
  class ProbeModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
  app.useLogger(app.get(PinoNestLogger));
  app.setGlobalPrefix('api');
  useRequestLog(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, lines };
}

describe('requestLog: request ids and the access log', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('writes one access line per answer, with the request id, and the credentials redacted', async () => {
    const made = await appWith('info');
    app = made.app;
    const res = await request(app.getHttpServer())
      .get('/api/probe?x=1')
      .set('authorization', 'Bearer secret-token')
      .set('cookie', 'access_token=secret-cookie')
      .set('x-request-id', 'probe-7');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('probe-7');
    const access = made.lines.filter((l) => l.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, service: 'congress-api', reqId: 'probe-7', res: { statusCode: 200 } });
    expect(access[0].req).toMatchObject({ id: 'probe-7', method: 'GET', url: '/api/probe?x=1' });
    expect(access[0].req.headers.authorization).toBe('[Redacted]');
    expect(access[0].req.headers.cookie).toBe('[Redacted]');
    expect(typeof access[0].responseTime).toBe('number');
    expect(JSON.stringify(made.lines)).not.toContain('secret');
    // what the handler logged through Nest's Logger carries the same request id
    expect(made.lines.find((l) => l.msg === 'inside the request')).toMatchObject({ level: 40, reqId: 'probe-7', context: 'Probe' });
  });

  it('logs what a handler of a request with a body writes with the request id', async () => {
    const made = await appWith('info');
    app = made.app;
    const res = await request(app.getHttpServer()).post('/api/probe').set('x-request-id', 'probe-8').send({ text: '提案' });
    expect(res.status).toBe(201);
    expect(made.lines.find((l) => l.msg === 'posted 提案')).toMatchObject({ level: 40, reqId: 'probe-8', context: 'Probe' });
  });

  it('makes up a UUID for a missing or unusable request id, and logs a 5xx at error level', async () => {
    const made = await appWith('info');
    app = made.app;
    const res = await request(app.getHttpServer()).get('/api/probe/fail').set('x-request-id', 'not a token\u00e9');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = made.lines.find((l) => l.msg === 'request errored');
    expect(line).toMatchObject({ level: 50, reqId: res.headers['x-request-id'], res: { statusCode: 500 } });
  });

  it('writes no access line below its level, and none for the health probe', async () => {
    const made = await appWith('warn');
    app = made.app;
    await request(app.getHttpServer()).get('/api/probe').expect(200);
    expect(made.lines.map((l) => l.msg)).toEqual(['inside the request']);
    const info = await appWith('info');
    await app.close();
    app = info.app;
    await request(app.getHttpServer()).get('/api/health').expect(404);
    expect(info.lines.filter((l) => l.req)).toEqual([]);
  });
});
