import { UnsupportedMediaTypeException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import type { AttachmentStorage } from './attachment-storage';
import { SNIFF_BYTES, sniffType } from './sniff-type';

/** What the engine adds to multer's file: where the bytes went and what they are. */
export interface StoredUpload {
  fieldname: string;
  originalname: string;
  storageKey: string;
  /** Set so that multer removes the stored file when the request fails after storing it. */
  path: string;
  mimeType: string;
  size: number;
  sha256: string;
}

interface IncomingFile {
  originalname: string;
  stream: Readable;
}

type Callback = (err: Error | null, info?: Partial<StoredUpload>) => void;

/** Reads up to `n` bytes (or the whole stream when shorter) without losing any. */
async function readHead(stream: Readable, n: number): Promise<{ head: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= n) finish(false);
    };
    const onEnd = () => finish(true);
    const finish = (complete: boolean) => {
      stream.off('data', onData).off('end', onEnd).off('error', reject);
      stream.pause();
      resolve({ head: Buffer.concat(chunks), complete });
    };
    stream.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/** Checks, chunk by chunk, that text stays UTF-8 text to its end (the head passed already). */
function utf8TextChecker() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const refuse = () => new UnsupportedMediaTypeException('This file is not UTF-8 text throughout; accepted text files are UTF-8');
  return {
    feed(chunk: Buffer) {
      let s: string;
      try {
        s = decoder.decode(chunk, { stream: true });
      } catch {
        throw refuse();
      }
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s)) throw refuse(); // eslint-disable-line no-control-regex
    },
    end() {
      try {
        decoder.decode();
      } catch {
        throw refuse();
      }
    },
  };
}

/**
 * A multer storage engine that streams the upload into AttachmentStorage: it sniffs the first bytes (415 when
 * the content is not an accepted type, whatever the name says), then hands the rest on while hashing and
 * counting it. multer's fileSize limit truncates the stream and fails the request with 413; multer then calls
 * `_removeFile`, so nothing of a refused upload stays behind.
 */
export class AttachmentUploadEngine {
  constructor(private readonly storage: AttachmentStorage) {}

  _handleFile(_req: Request, file: IncomingFile, cb: Callback): void {
    this.store(file).then(
      (info) => cb(null, info),
      (err: Error) => {
        file.stream.resume();
        cb(err);
      },
    );
  }

  _removeFile(_req: Request, file: Partial<StoredUpload>, cb: (err: Error | null) => void): void {
    if (!file.storageKey) return cb(null);
    this.storage.delete(file.storageKey).then(() => cb(null), cb);
  }

  private async store(file: IncomingFile): Promise<Partial<StoredUpload>> {
    const { head, complete } = await readHead(file.stream, SNIFF_BYTES);
    const sniffed = sniffType(head, file.originalname ?? '', complete);
    if (!sniffed.ok) throw new UnsupportedMediaTypeException(sniffed.reason);
    const key = randomUUID();
    const hash = createHash('sha256');
    const text = sniffed.text ? utf8TextChecker() : null;
    let size = 0;
    const feed = (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      text?.feed(chunk);
      return chunk;
    };
    async function* body() {
      yield feed(head);
      if (!complete) for await (const chunk of file.stream) yield feed(chunk as Buffer);
      text?.end();
    }
    await this.storage.put(key, Readable.from(body()));
    return { storageKey: key, path: key, mimeType: sniffed.mime, size, sha256: hash.digest('hex') };
  }
}
