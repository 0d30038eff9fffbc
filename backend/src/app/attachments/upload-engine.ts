import { UnsupportedMediaTypeException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileTooLarge } from '../uploads/multipart-file';
import type { AttachmentStorage } from './attachment-storage';
import { SNIFF_BYTES, sniffType } from './sniff-type';

/** An upload stored by the engine: where the bytes went and what they are. */
export interface StoredUpload {
  originalname: string;
  storageKey: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** Reads up to `n` bytes (or the whole stream when shorter) without losing any; fails when the stream is cut off. */
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
    const onClose = () => fail(new Error('The upload was cut off before the end of the file'));
    const fail = (err: Error) => {
      off();
      reject(err);
    };
    const off = () => stream.off('data', onData).off('end', onEnd).off('error', fail).off('close', onClose);
    const finish = (complete: boolean) => {
      off();
      stream.pause();
      resolve({ head: Buffer.concat(chunks), complete });
    };
    if (stream.destroyed) return onClose();
    stream.on('data', onData).once('end', onEnd).once('error', fail).once('close', onClose);
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
 * Streams an upload into AttachmentStorage: it sniffs the first bytes (415 when the content is not an accepted
 * type, whatever the name says), then hands the rest on while hashing and counting it; past `maxBytes` it fails
 * with 413. Whatever fails, the storage keeps nothing of the stream (`put` removes a partial write); `remove`
 * undoes a stored upload when the request fails after it.
 */
export class AttachmentUploadEngine {
  constructor(
    private readonly storage: AttachmentStorage,
    readonly maxBytes: number,
  ) {}

  async store(stream: Readable, originalname: string): Promise<StoredUpload> {
    const { head, complete } = await readHead(stream, SNIFF_BYTES);
    const sniffed = sniffType(head, originalname, complete);
    if (!sniffed.ok) throw new UnsupportedMediaTypeException(sniffed.reason);
    const key = randomUUID();
    const hash = createHash('sha256');
    const text = sniffed.text ? utf8TextChecker() : null;
    const maxBytes = this.maxBytes;
    let size = 0;
    const feed = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) throw fileTooLarge(maxBytes);
      hash.update(chunk);
      text?.feed(chunk);
      return chunk;
    };
    async function* body() {
      yield feed(head);
      if (!complete) for await (const chunk of stream) yield feed(chunk as Buffer);
      text?.end();
    }
    await this.storage.put(key, Readable.from(body()));
    return { originalname, storageKey: key, mimeType: sniffed.mime, size, sha256: hash.digest('hex') };
  }

  async remove(upload: StoredUpload): Promise<void> {
    await this.storage.delete(upload.storageKey);
  }
}
