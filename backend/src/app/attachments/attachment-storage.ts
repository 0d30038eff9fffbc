import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live: outside the database, behind this interface, so that a local disk (the default,
 * LocalDiskStorage under DATA_DIR/attachments) can be swapped for an object store without touching the rest.
 * Keys are opaque ids chosen by the caller (uuids).
 */
export interface AttachmentStorage {
  /** Stores the stream under `key`; on error nothing stays behind. Resolves with the bytes written. */
  put(key: string, content: Readable): Promise<number>;
  /** The stored bytes as a stream; rejects when the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');
