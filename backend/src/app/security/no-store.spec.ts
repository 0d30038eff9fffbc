import { Controller, Get, Header, HttpCode, Module, NotFoundException, Post, StreamableFile } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Readable } from 'node:stream';
import request from 'supertest';
import { noStoreForJson } from './no-store';

@Controller('probe')
class ProbeController {
  @Get('object')
  object() {
    return { title: '关于改善食堂的提案', n: 1 };
  }
  @Get('array')
  array() {
    return [1, '二', { three: 3 }];
  }
  @Post('created')
  created() {
    return { id: 'x' };
  }
  @Get('accepted')
  @HttpCode(202)
  accepted() {
    return { queued: true };
  }
  @Get('cached')
  @Header('Cache-Control', 'public, max-age=60')
  cached() {
    return { public: true };
  }
  @Get('text')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  text() {
    return 'plain';
  }
  @Get('file')
  file() {
    return new StreamableFile(Readable.from([Buffer.from('file bytes')]), { type: 'application/octet-stream' });
  }
  @Get('missing')
  missing() {
    throw new NotFoundException('no such thing');
  }
  @Get('nothing')
  @HttpCode(204)
  nothing() {
    return undefined;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The API's JSON answers on Nest's Fastify adapter, with the onSend hook of create-app.ts. */
describe('noStoreForJson', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    app.getHttpAdapter().getInstance().addHook('onSend', noStoreForJson);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  it('writes objects and arrays as JSON with their UTF-8 length and no-store, and no ETag', async () => {
    for (const [path, body] of [
      ['/probe/object', { title: '关于改善食堂的提案', n: 1 }],
      ['/probe/array', [1, '二', { three: 3 }]],
    ] as const) {
      const res = await http().get(path).expect(200);
      expect(res.body).toEqual(body);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it('keeps the status the route gives (201 of a POST, @HttpCode) and a Cache-Control it set', async () => {
    await http().post('/probe/created').expect(201, { id: 'x' });
    await http().get('/probe/accepted').expect(202, { queued: true });
    const cached = await http().get('/probe/cached').expect(200, { public: true });
    expect(cached.headers['cache-control']).toBe('public, max-age=60');
  });

  it('writes exceptions as JSON with their status, not stored either', async () => {
    const res = await http().get('/probe/missing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'no such thing', error: 'Not Found' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves text a route typed, files and empty answers as they are', async () => {
    const text = await http().get('/probe/text').expect(200);
    expect(text.text).toBe('plain');
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.headers['cache-control']).toBeUndefined();
    const file = await http()
      .get('/probe/file')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((file.body as Buffer).toString()).toBe('file bytes');
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['cache-control']).toBeUndefined();
    const nothing = await http().get('/probe/nothing').expect(204);
    expect(nothing.text ?? '').toBe('');
  });
});
