import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStorage } from './attachment-storage';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Attachments on the local disk: `<root>/<first two characters of the key>/<key>`. Writes go to a temporary
 * file renamed into place when complete, so a reader never sees half a file and a failed upload leaves nothing.
 */
export class LocalDiskStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key "${key}"`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, content: Readable): Promise<number> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.part`;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await pipeline(content, out);
      await rename(tmp, target);
      return out.bytesWritten;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    await stat(file);
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
