import Fastify, { type FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished, pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { ReplyStream } from './reply-stream';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A response read to its end (or its cut). */
function body(res: IncomingMessage): Promise<{ bytes: Buffer; complete: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ bytes: Buffer.concat(chunks), complete: res.complete }));
    res.on('error', () => resolve({ bytes: Buffer.concat(chunks), complete: false }));
    res.on('close', () => resolve({ bytes: Buffer.concat(chunks), complete: res.complete }));
  });
}

describe('ReplyStream: a streamed download through a Fastify reply', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('sends the status and the headers set on the reply with the first byte, then the bytes', async () => {
    app = Fastify();
    app.addHook('onRequest', async (_req, reply) => {
      reply.raw.setHeader('X-Content-Type-Options', 'nosniff'); // as a hook on the raw response does (helmet)
    });
    app.get('/file', async (_req, reply) => {
      reply.header('Content-Type', 'text/csv; charset=utf-8');
      reply.header('Content-Disposition', `attachment; filename="proposals.csv"; filename*=UTF-8''${encodeURIComponent('提案列表.csv')}`);
      reply.header('Cache-Control', 'no-store');
      const out = new ReplyStream(reply);
      expect(out.started).toBe(false);
      out.write('\uFEFF编号,案由\r\n');
      expect(out.started).toBe(true);
      out.end('1,关于食堂的提案\r\n');
      await new Promise((resolve) => out.on('finish', resolve));
    });
    const res = await app.inject({ url: '/file' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="proposals.csv"; filename*=UTF-8''%E6%8F%90%E6%A1%88%E5%88%97%E8%A1%A8.csv`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe('\uFEFF编号,案由\r\n1,关于食堂的提案\r\n');
  });

  it('sends the headers on end when nothing was written (an empty file)', async () => {
    app = Fastify();
    app.get('/empty', async (_req, reply) => {
      reply.header('Content-Type', 'text/plain');
      const out = new ReplyStream(reply);
      out.end();
      await new Promise((resolve) => out.on('finish', resolve));
    });
    const res = await app.inject({ url: '/empty' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.body).toBe('');
  });

  it('leaves the reply to Fastify after an error before the first byte: the error answer goes out as usual', async () => {
    app = Fastify();
    app.setErrorHandler((err: Error, _req, reply) => reply.code(404).send({ statusCode: 404, message: err.message }));
    app.get('/missing', async (_req, reply) => {
      reply.header('Content-Type', 'application/pdf');
      const out = new ReplyStream(reply);
      const failing = new Readable({ read: () => undefined });
      const piping = pipeline(failing, out);
      failing.destroy(new Error('No such session'));
      await piping.catch((err: Error) => {
        expect(out.started).toBe(false);
        expect(out.destroyed).toBe(true);
        reply.removeHeader('Content-Type');
        throw err;
      });
    });
    const res = await app.inject({ url: '/missing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({ statusCode: 404, message: 'No such session' });
  });

  it('cuts the transfer when destroyed with an error after the first byte', async () => {
    app = Fastify();
    app.get('/cut', async (_req, reply) => {
      const out = new ReplyStream(reply);
      out.on('error', () => undefined);
      out.write('the first rows');
      await new Promise((resolve) => setTimeout(resolve, 20));
      out.destroy(new Error('the database went away'));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await new Promise<IncomingMessage>((resolve) => get(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/cut`, resolve));
    expect(res.statusCode).toBe(200);
    const { bytes, complete } = await body(res);
    expect(bytes.toString()).toBe('the first rows');
    expect(complete).toBe(false);
  });

  it('fails the writer when the client leaves mid-download, instead of holding it forever', async () => {
    let outcome: Promise<unknown> = Promise.resolve();
    let release: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (release = resolve));
    app = Fastify();
    app.get('/left', async (_req, reply) => {
      const out = new ReplyStream(reply);
      outcome = finished(out).then(() => 'finished', (err: Error & { code?: string }) => err.code);
      const chunk = Buffer.alloc(64 * 1024, 1);
      release();
      while (!out.destroyed) {
        if (!out.write(chunk)) await Promise.race([new Promise((resolve) => out.once('drain', resolve)), outcome]);
      }
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const req = get(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/left`, (res) => res.destroy());
    req.on('error', () => undefined);
    await writing;
    expect(await outcome).toBe('ERR_STREAM_PREMATURE_CLOSE');
  });

  it('waits for the socket with a large body (backpressure) and delivers every byte', async () => {
    const size = 32 * 1024 * 1024;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
    let out: ReplyStream | undefined;
    let writtenAtFirstFull = -1;
    let produced = 0;
    app = Fastify();
    app.get('/large', async (_req, reply) => {
      reply.header('Content-Type', 'application/octet-stream');
      const stream = new ReplyStream(reply);
      out = stream;
      const chunk = 64 * 1024;
      for (let at = 0; at < size; at += chunk) {
        produced = at + chunk;
        if (!stream.write(data.subarray(at, at + chunk))) {
          if (writtenAtFirstFull < 0) writtenAtFirstFull = produced;
          await new Promise((resolve) => stream.once('drain', resolve));
        }
      }
      stream.end();
      await new Promise((resolve) => stream.on('finish', resolve));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await new Promise<IncomingMessage>((resolve) => get(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/large`, resolve));
    res.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // the client reads nothing: the writer is held back after the socket's and the streams' buffers are full
    expect(writtenAtFirstFull).toBeGreaterThan(0);
    expect(produced).toBeLessThan(size / 2);
    expect(out?.writableNeedDrain).toBe(true);
    res.resume();
    const { bytes, complete } = await body(res);
    expect(complete).toBe(true);
    expect(bytes.length).toBe(size);
    expect(sha(bytes)).toBe(sha(data));
  });
});
