import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64, 7),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const PDF = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('attachments: type from the content, limits, streamed in and out', () => {
  let t: TestApp;
  let api: Api;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'congress-attachments-'));
    t = await startTestApp({ dataDir, attachmentMaxBytes: 64 * 1024, attachmentMaxCount: 3 });
    api = new Api(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = async (as: string, id: string, content: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = t.http().post(`/api/proposals/${id}/attachments`).set('Authorization', `Bearer ${await api.people.token(as)}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', content, name);
  };

  it('stores a PNG named .pdf as image/png and streams it back with its UTF-8 name', async () => {
    const d = await api.draft();
    const res = await upload('delegate01', d.id, PNG, '现场照片.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: '现场照片.pdf', mimeType: 'image/png', size: PNG.length });
    const download = await t
      .http()
      .get(`/api/attachments/${res.body.id}`)
      .set('Authorization', `Bearer ${await api.people.token('delegate02')}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    const detail = (await api.get('delegate01', `/api/proposals/${d.id}`)).body;
    expect(detail.attachments).toEqual([expect.objectContaining({ id: res.body.id, mimeType: 'image/png' })]);
    expect((await api.get('delegate04', `/api/attachments/${res.body.id}`)).status).toBe(404);
  });

  it('refuses an executable renamed .pdf with 415, and a file over the limit with 413, keeping nothing', async () => {
    const d = await api.draft();
    const before = await filesUnder(dataDir);
    const exe = await upload('delegate01', d.id, EXE, 'report.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.message).toMatch(/Windows executable/);
    const big = await upload('delegate01', d.id, PDF(70 * 1024), 'big.pdf');
    expect(big.status).toBe(413);
    expect(await filesUnder(dataDir)).toEqual(before);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM attachments WHERE proposal_id = $1`, [d.id])) as { n: number }[];
    expect(n).toBe(0);
  });

  it('takes UTF-8 text as text (csv by name), and refuses text with binary in it', async () => {
    const d = await api.draft();
    const csv = await upload('delegate01', d.id, Buffer.from('窗口,排队分钟\n一号,25\n', 'utf8'), '统计.csv');
    expect(csv.body).toMatchObject({ mimeType: 'text/csv' });
    const tail = Buffer.concat([Buffer.from('a'.repeat(60_000)), Buffer.from([0, 1, 2, 3])]);
    const binary = await upload('delegate01', d.id, tail, 'notes.txt');
    expect(binary.status).toBe(415);
  });

  it('limits the count per proposal and who attaches when; removes while a draft', async () => {
    const d = await api.draft();
    for (let i = 0; i < 3; i++) expect((await upload('delegate01', d.id, PDF(10), `附件${i}.pdf`)).status).toBe(201);
    const fourth = await upload('delegate01', d.id, PDF(10), '附件4.pdf');
    expect(fourth.status).toBe(400);
    expect(fourth.body.message).toMatch(/at most 3 attachments/);
    expect((await upload('delegate02', d.id, PDF(10), 'x.pdf')).status).toBe(403);
    expect((await upload('delegate05', d.id, PDF(10), 'x.pdf')).status).toBe(404);
    const first = (await api.get('delegate01', `/api/proposals/${d.id}`)).body.attachments[0];
    expect((await api.delete('delegate01', `/api/attachments/${first.id}`)).status).toBe(204);
    const history = (await api.get('delegate01', `/api/proposals/${d.id}/history`)).body.map((h: { event: string }) => h.event);
    expect(history).toEqual(['CREATE', 'ATTACH', 'ATTACH', 'ATTACH', 'DETACH']);
  });

  it('answers 400 for a missing file (multipart or not) and for a replyId that is not a UUID, keeping nothing', async () => {
    const d = await api.draft();
    const token = `Bearer ${await api.people.token('delegate01')}`;
    const missing = { statusCode: 400, message: 'file: send the file as multipart/form-data in the field "file"', errors: [{ field: 'file', messages: [expect.any(String)] }] };
    const fieldsOnly = await t.http().post(`/api/proposals/${d.id}/attachments`).set('Authorization', token).field('note', 'x');
    expect(fieldsOnly.status).toBe(400);
    const json = await t.http().post(`/api/proposals/${d.id}/attachments`).set('Authorization', token).send({ file: 'x' });
    expect(json.body).toMatchObject(missing);
    const before = await filesUnder(dataDir);
    const bad = await upload('delegate01', d.id, PDF(10), '附件.pdf', { replyId: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: 'replyId must be a UUID', errors: [{ field: 'replyId', messages: ['replyId must be a UUID'] }] });
    expect(await filesUnder(dataDir)).toEqual(before);
  });

  it('lets the lead department attach files to its reply while handling', async () => {
    const p = await api.handling();
    const r = await api.ok('jwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已解决' });
    const res = await upload('jwc.handler', p.id, PDF(100), '答复函.pdf', { replyId: r.replies[0].id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ replyId: r.replies[0].id, mimeType: 'application/pdf' });
    expect((await upload('delegate01', p.id, PDF(10), 'late.pdf')).status).toBe(403);
  });
});
