import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { finished, Writable } from 'node:stream';

/**
 * A Writable over a Fastify reply, for the streamed downloads: the writers (ExcelJS, the CSV lines, JSZip, pdfkit)
 * want a node stream, and Fastify's own answer (`reply.send`) wants the whole payload or a Readable.
 *
 * Nothing happens to the reply until the first byte: then the reply is hijacked (Fastify sends nothing more for
 * it) and the status and the headers set on the reply (`reply.header`, and those set on `reply.raw` by hooks)
 * go out at once. So an error before the first byte still reaches Nest's exception filter, which answers through
 * the untouched reply; after it, destroying the stream cuts the transfer. Writes wait for the socket ('drain').
 */
export class ReplyStream extends Writable {
  private hijacked = false;

  constructor(private readonly reply: FastifyReply) {
    super();
  }

  /** Whether the status and the headers went out (the reply is Fastify's no more). */
  get started(): boolean {
    return this.hijacked;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.start();
    const raw = this.reply.raw;
    if (raw.destroyed) return callback(gone());
    if (raw.write(chunk)) return callback();
    const onDrain = () => {
      raw.off('close', onClose);
      callback();
    };
    const onClose = () => {
      raw.off('drain', onDrain);
      callback(gone());
    };
    raw.once('drain', onDrain);
    raw.once('close', onClose);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.start();
    const raw = this.reply.raw;
    if (raw.destroyed) return callback(gone());
    // 'finish' once the last byte is handed to the socket; an error when the connection closed before
    const cleanup = finished(raw, { readable: false }, (err) => {
      cleanup();
      callback(err ?? null);
    });
    raw.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // before the first byte the reply stays Fastify's (and Nest's, for the error answer)
    if (this.hijacked && !this.reply.raw.writableFinished) this.reply.raw.destroy(error ?? undefined);
    callback(error);
  }

  private start(): void {
    if (this.hijacked) return;
    this.hijacked = true;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(this.reply.getHeaders())) if (value !== undefined) headers[name] = value;
    this.reply.hijack();
    this.reply.raw.writeHead(this.reply.statusCode, headers);
  }
}

function gone(): Error {
  return Object.assign(new Error('The client closed the connection before the download ended'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
