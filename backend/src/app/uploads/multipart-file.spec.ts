import multipart from '@fastify/multipart';
import { HttpException } from '@nestjs/common';
import Fastify, { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { FormFields, receiveFile, sizeLabel, uploadedFileOf } from './multipart-file';

const BOUNDARY = 'test-boundary-1234';

type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer };

function form(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = 'filename' in p ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    const type = 'filename' in p ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push('filename' in p ? p.content : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A bare Fastify app whose one route receives a file as the controllers do and answers what it got. */
async function appWith(maxBytes: number, events: string[]): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(multipart);
  app.post('/upload', async (req, reply) => {
    try {
      const { file, fields } = await receiveFile(req, {
        field: 'file',
        maxBytes,
        maxFields: 2,
        maxParts: 3,
        store: async ({ stream, filename }) => {
          const data = await readAll(stream);
          events.push(`stored ${filename}`);
          return { filename, data };
        },
        discard: async (stored) => {
          events.push(`discarded ${stored.filename}`);
        },
        fields: (f: FormFields) => {
          if (f.bad) throw new HttpException('bad field', 400);
          return f;
        },
      });
      return { file: file && { name: file.filename, text: file.data.toString() }, fields, audit: uploadedFileOf(req) ?? null };
    } catch (err) {
      const e = err as HttpException;
      return reply.code(e.getStatus?.() ?? 500).send({ message: e.message });
    }
  });
  return app;
}

const post = (app: FastifyInstance, parts: Part[]) =>
  app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: form(parts) });

describe('receiveFile', () => {
  let app: FastifyInstance;
  let events: string[];
  beforeEach(async () => {
    events = [];
    app = await appWith(10, events);
  });
  afterEach(() => app.close());

  it('receives the file with its UTF-8 name and the fields before and after it', async () => {
    const res = await post(app, [
      { name: 'a', value: '1' },
      { name: 'file', filename: '附件.pdf', content: Buffer.from('0123456789') },
      { name: 'b', value: '说明' },
    ]);
    expect(res.json()).toEqual({
      file: { name: '附件.pdf', text: '0123456789' },
      fields: { a: '1', b: '说明' },
      audit: { name: '附件.pdf', size: 10 },
    });
  });

  it('gives no file for a request that is not multipart or has no file', async () => {
    const json = await app.inject({ method: 'POST', url: '/upload', payload: { file: 'x' } });
    expect(json.json()).toEqual({ fields: {}, audit: null });
    const empty = await app.inject({ method: 'POST', url: '/upload' });
    expect(empty.json()).toEqual({ fields: {}, audit: null });
    const fieldsOnly = await post(app, [{ name: 'a', value: 'x' }]);
    expect(fieldsOnly.json()).toEqual({ fields: { a: 'x' }, audit: null });
  });

  it('answers 413 over the limit, before storing anything, and takes a file of the limit', async () => {
    const res = await post(app, [{ name: 'file', filename: 'big.bin', content: Buffer.alloc(11, 0x41) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('The file is larger than 10 bytes');
    expect(events).toEqual([]);
    const exact = await post(app, [{ name: 'file', filename: 'ten.bin', content: Buffer.alloc(10, 0x41) }]);
    expect(exact.json()).toMatchObject({ file: { name: 'ten.bin' }, audit: { size: 10 } });
  });

  it('fails the store of a file that grows past the limit as it streams in', async () => {
    const body = form([{ name: 'file', filename: 'slow.bin', content: Buffer.alloc(30, 0x41) }]);
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: Readable.from(
        (async function* () {
          for (let i = 0; i < body.length; i += 8) {
            await new Promise((r) => setTimeout(r, 2));
            yield body.subarray(i, i + 8);
          }
        })(),
      ),
    });
    expect(res.statusCode).toBe(413);
    expect(events).toEqual([]);
  });

  it('removes the stored file when the request fails after it', async () => {
    const res = await post(app, [
      { name: 'file', filename: 'a.txt', content: Buffer.from('x') },
      { name: 'bad', value: '1' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(events).toEqual(['stored a.txt', 'discarded a.txt']);
    const second = await post(app, [
      { name: 'file', filename: 'a.txt', content: Buffer.from('x') },
      { name: 'file', filename: 'b.txt', content: Buffer.from('y') },
    ]);
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toBe('Too many files');
  });

  it('answers 400 for too many parts, a file in another field and malformed multipart', async () => {
    const parts = await post(app, [
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
      { name: 'c', value: '3' },
      { name: 'd', value: '4' },
    ]);
    expect(parts.statusCode).toBe(400);
    const other = await post(app, [{ name: 'upload', filename: 'a.txt', content: Buffer.from('x') }]);
    expect(other.json()).toEqual({ message: 'Unexpected file field - upload' });
    const cut = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: form([{ name: 'file', filename: 'a.txt', content: Buffer.from('x') }]).subarray(0, 90),
    });
    expect(cut.statusCode).toBe(400);
    const noBoundary = await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect(noBoundary.json()).toEqual({ message: 'Multipart: Boundary not found' });
  });
});

describe('sizeLabel', () => {
  it('reads as a person would', () => {
    expect([sizeLabel(10 * 1024 * 1024), sizeLabel(2 * 1024 * 1024), sizeLabel(64 * 1024), sizeLabel(1536), sizeLabel(10)]).toEqual([
      '10 MB',
      '2 MB',
      '64 KB',
      '1.5 KB',
      '10 bytes',
    ]);
  });
});
