import { Readable } from 'node:stream';
import type { AttachmentStorage } from './attachment-storage';
import { SNIFF_BYTES } from './sniff-type';
import { AttachmentUploadEngine, StoredUpload } from './upload-engine';

class MemoryStorage implements AttachmentStorage {
  files = new Map<string, Buffer>();
  async put(key: string, content: Readable) {
    const chunks: Buffer[] = [];
    for await (const c of content) chunks.push(c as Buffer);
    const data = Buffer.concat(chunks);
    this.files.set(key, data);
    return data.length;
  }
  async get(key: string) {
    return Readable.from([this.files.get(key) as Buffer]);
  }
  async delete(key: string) {
    this.files.delete(key);
  }
}

function handle(engine: AttachmentUploadEngine, chunks: Buffer[], name: string): Promise<Partial<StoredUpload>> {
  const stream = Readable.from(chunks);
  return new Promise((resolve, reject) =>
    engine._handleFile({} as never, { originalname: name, stream }, (err, info) => (err ? reject(err) : resolve(info as StoredUpload))),
  );
}

describe('AttachmentUploadEngine', () => {
  it('stores the whole stream with its size and sha256 and the sniffed type', async () => {
    const storage = new MemoryStorage();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SNIFF_BYTES * 2, 0x41)]);
    const info = await handle(new AttachmentUploadEngine(storage), [big.subarray(0, 1000), big.subarray(1000)], 'x.bin');
    expect(info).toMatchObject({ mimeType: 'application/pdf', size: big.length });
    expect(storage.files.get(info.storageKey as string)?.equals(big)).toBe(true);
  });

  it('refuses text that turns binary past the sniffed head, and keeps nothing', async () => {
    const storage = new MemoryStorage();
    const text = Buffer.from('说明'.repeat(SNIFF_BYTES));
    await expect(handle(new AttachmentUploadEngine(storage), [text, Buffer.from([0, 0, 0])], 'notes.txt')).rejects.toThrow(/UTF-8 text/);
    expect(storage.files.size).toBe(0);
  });
});
