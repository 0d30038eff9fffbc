import { Readable } from 'node:stream';
import type { AttachmentStorage } from './attachment-storage';
import { SNIFF_BYTES } from './sniff-type';
import { AttachmentUploadEngine } from './upload-engine';

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

const MB = 1024 * 1024;
const handle = (engine: AttachmentUploadEngine, chunks: Buffer[], name: string) => engine.store(Readable.from(chunks), name);

describe('AttachmentUploadEngine', () => {
  it('stores the whole stream with its size and sha256 and the sniffed type', async () => {
    const storage = new MemoryStorage();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SNIFF_BYTES * 2, 0x41)]);
    const info = await handle(new AttachmentUploadEngine(storage, MB), [big.subarray(0, 1000), big.subarray(1000)], 'x.bin');
    expect(info).toMatchObject({ originalname: 'x.bin', mimeType: 'application/pdf', size: big.length });
    expect(storage.files.get(info.storageKey)?.equals(big)).toBe(true);
  });

  it('refuses a file larger than the limit with 413, and keeps nothing', async () => {
    const storage = new MemoryStorage();
    const engine = new AttachmentUploadEngine(storage, SNIFF_BYTES + 1024);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SNIFF_BYTES + 1024, 0x41)]);
    await expect(handle(engine, [big.subarray(0, SNIFF_BYTES), big.subarray(SNIFF_BYTES)], 'big.pdf')).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/larger than 65 KB/),
    });
    expect(storage.files.size).toBe(0);
    const exact = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SNIFF_BYTES + 1024 - 9, 0x41)]);
    expect((await handle(engine, [exact], 'exact.pdf')).size).toBe(SNIFF_BYTES + 1024);
  });

  it('removes a stored upload', async () => {
    const storage = new MemoryStorage();
    const engine = new AttachmentUploadEngine(storage, MB);
    const info = await handle(engine, [Buffer.from('%PDF-1.7\n')], 'a.pdf');
    await engine.remove(info);
    expect(storage.files.size).toBe(0);
  });

  it('refuses content that is not an accepted type with 415 before storing anything', async () => {
    const storage = new MemoryStorage();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await expect(handle(new AttachmentUploadEngine(storage, MB), [exe], 'report.pdf')).rejects.toMatchObject({ status: 415 });
    expect(storage.files.size).toBe(0);
  });

  it('refuses text that turns binary past the sniffed head, and keeps nothing', async () => {
    const storage = new MemoryStorage();
    const text = Buffer.from('说明'.repeat(SNIFF_BYTES));
    await expect(handle(new AttachmentUploadEngine(storage, MB), [text, Buffer.from([0, 0, 0])], 'notes.txt')).rejects.toThrow(/UTF-8 text/);
    expect(storage.files.size).toBe(0);
  });
});
