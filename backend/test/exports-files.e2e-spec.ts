import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import type { Response } from 'supertest';
import { findCjkFont } from '../src/app/exports/pdf-font';
import { Api } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { buildDataset, Dataset } from './reports-dataset';

/** Collects a binary answer (supertest buffers only text by default). */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The text of a PDF, read back with pdf-parse in a child process (it is ESM-first and fights Jest's loader). */
function pdfText(pdf: Buffer): string {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const r = await parser.getText();
      process.stdout.write(JSON.stringify({ text: r.text, pages: r.total }));
      await parser.destroy();
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { input: pdf, cwd: __dirname, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out.toString()) as { text: string }).text;
}

/** The visible text of a .docx: the w:t runs of word/document.xml, paragraphs on lines. */
async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('no word/document.xml in the .docx');
  const xml = await entry.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

describe('exports: the list as Excel and CSV, the compilation and the work report as Word and PDF', () => {
  let t: TestApp;
  let api: Api;
  let d: Dataset;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    d = await buildDataset(t);
    token = await api.people.token('committee1');
  }, 120_000);
  afterAll(() => t.close());

  const download = (url: string, as = token) =>
    t.http().get(url).set('Authorization', `Bearer ${as}`).buffer(true).parse(binary);

  const numbers = async (ids: string[]) =>
    (await t.db.query(`SELECT id, number_label FROM proposals WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; number_label: string }[];

  it('exports the filtered list as a streamed .xlsx that reads back row for row', async () => {
    const res = await download(`/api/exports/proposals.xlsx?sessionId=${d.s1}&departmentId=${d.dept.jwc}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer);
    const sheet = wb.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0].slice(0, 4)).toEqual(['编号', '案由', '类型', '状态']);
    const body = rows.slice(1);
    const titles = body.map((r) => r[1]).sort();
    expect(titles).toEqual(['关于延长图书馆开放时间的提案', '关于改善学校食堂伙食质量的提案（甲）', '关于改进教师职称评审办法的提案'].sort());
    const pA = body.find((r) => r[1] === '关于改善学校食堂伙食质量的提案（甲）') as unknown[];
    const [{ number_label }] = await numbers([d.ids.pA]);
    expect(pA).toEqual(expect.arrayContaining([number_label, '已办结', '教务处', '张伟', 'A', '满意', '是']));
    // the contact phone never goes out in a list
    expect(JSON.stringify(rows)).not.toContain(d.secrets.contactPhone);
  });

  it('exports the list as CSV, UTF-8 with a BOM, honouring the state filter', async () => {
    const res = await download(`/api/exports/proposals.csv?sessionId=${d.s1}&state=handling`);
    expect(res.status).toBe(200);
    const buf = res.body as Buffer;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['编号', '案由', '类型', '状态']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('关于维修教工宿舍楼电梯的提案');
    expect(lines[1]).toContain('后勤管理处');

    const all = (await download(`/api/exports/proposals.csv?sessionId=${d.s1}`)).body.toString('utf8').trim().split('\r\n');
    // committee sees every proposal of the session past draft: 10 received
    expect(all).toHaveLength(1 + 10);
    expect(all.join('\n')).not.toContain(d.secrets.draftTitle);
  });

  it('pages through large lists with a keyset cursor without repeating or losing a row', async () => {
    const { exportBatches } = await import('../src/app/exports/export-rows');
    const { AuthUserService } = await import('../src/app/auth/auth-user.service');
    const user = await t.app.get(AuthUserService).load(await api.people.id('committee1'));
    if (!user) throw new Error('no committee1');
    const seen: string[] = [];
    let batches = 0;
    for await (const rows of exportBatches(t.db, user, 'list', { sessionId: d.s1 }, 3)) {
      batches += 1;
      seen.push(...rows.map((r) => r.id));
    }
    expect(batches).toBe(4);
    expect(new Set(seen).size).toBe(10);
    expect(seen).toHaveLength(10);
  });

  it('exports the compilation (提案汇编) as .docx: every accepted proposal with its reply, in number order', async () => {
    const res = await download(`/api/exports/compilation.docx?sessionId=${d.s1}`);
    expect(res.status).toBe(200);
    const text = await docxText(res.body as Buffer);
    expect(text).toContain('第五届教职工代表大会第三次会议提案汇编');
    const accepted = [d.ids.pA, d.ids.pB, d.ids.pL, d.ids.pC, d.ids.pU, d.ids.pD];
    const labels = (await numbers(accepted)).map((r) => r.number_label).sort();
    const positions = labels.map((l) => text.indexOf(`第${l}号提案`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('已增设教工专用窗口，晚餐供应延长至19:30，每月公开菜品价格。');
    expect(text).toContain('已规划新建立体停车场，计划明年完工。'); // pC's reply in force, not the first one
    expect(text).not.toContain('受场地限制，暂不能增加停车位。');
    expect(text).toContain('尚未答复'); // pD
    for (const notAccepted of ['关于编印新进教职工工作手册的建议', '关于为个人报销私车油费的提案', '关于增加教职工体检项目的提案', d.secrets.contactPhone]) {
      expect(text).not.toContain(notAccepted);
    }
    const hqcOnly = await docxText((await download(`/api/exports/compilation.docx?sessionId=${d.s1}&departmentId=${d.dept.hqc}`)).body);
    expect(hqcOnly).toContain('关于增设校内班车线路的提案');
    expect(hqcOnly).not.toContain('关于延长图书馆开放时间的提案');
  });

  it('exports the work report (提案工作报告) as .docx with the figures and the ranking in tables', async () => {
    const res = await download(`/api/exports/report.docx?sessionId=${d.s1}`);
    expect(res.status).toBe(200);
    const text = await docxText(res.body as Buffer);
    expect(text).toContain('第五届教职工代表大会第三次会议提案工作报告');
    expect(text).toContain('本次会议共收到提案10件，经提案工作委员会审查，立案6件（立案率60.0%）');
    expect(text).toContain('按期答复5件（按期答复率83.3%）');
    expect(text).toContain('满意率66.7%');
    expect(text).toContain('从交办到答复用时中位数为25.0天');
    expect(text).toMatch(/四、承办单位检查评议排名[\s\S]*1\n后勤管理处[\s\S]*2\n人事处[\s\S]*3\n教务处/);
  });

  const font = findCjkFont();
  (font ? it : it.skip)('exports the compilation and the report as PDF in a Chinese font, text readable', async () => {
    const compilation = await download(`/api/exports/compilation.pdf?sessionId=${d.s1}`);
    expect(compilation.status).toBe(200);
    expect(compilation.headers['content-type']).toBe('application/pdf');
    const text = pdfText(compilation.body as Buffer).replace(/\s+/g, '');
    expect(text).toContain('提案汇编');
    const [{ number_label }] = await numbers([d.ids.pB]);
    expect(text).toContain(`第${number_label}号提案`);
    expect(text).toContain('已列入下学期计划，考试周图书馆开放至23:00。'.replace(/\s+/g, ''));

    const report = await download(`/api/exports/report.pdf?sessionId=${d.s1}`);
    expect(report.status).toBe(200);
    const reportText = pdfText(report.body as Buffer).replace(/\s+/g, '');
    expect(reportText).toContain('提案工作报告');
    expect(reportText).toContain('立案6件（立案率60.0%）');
    expect(reportText).toContain('后勤管理处');
  });

  it('answers 503 naming the font package when no Chinese font is there', async () => {
    const saved = process.env.PDF_FONT_PATH;
    process.env.PDF_FONT_PATH = '/nonexistent/font.ttf';
    try {
      const res = await t.http().get(`/api/exports/report.pdf`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(503);
      expect(JSON.stringify(res.body)).toContain('fonts-wqy-microhei');
    } finally {
      if (saved === undefined) delete process.env.PDF_FONT_PATH;
      else process.env.PDF_FONT_PATH = saved;
    }
  });

  it('answers 404 (as JSON, not a broken file) for a session that does not exist', async () => {
    // the PDFs check for a Chinese font first (503 without one, tested above)
    const files = ['compilation.docx', 'report.docx', ...(findCjkFont() ? ['compilation.pdf', 'report.pdf'] : [])];
    for (const file of files) {
      const res = await t.http().get(`/api/exports/${file}?sessionId=00000000-0000-4000-8000-000000000000`).set('Authorization', `Bearer ${token}`);
      expect({ file, status: res.status }).toEqual({ file, status: 404 });
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.headers['content-disposition']).toBeUndefined();
    }
  });

  it('is for the committee only', async () => {
    for (const who of ['delegate01', 'jwc.head', 'leader1']) {
      expect((await api.get(who, '/api/exports/proposals.csv')).status).toBe(403);
    }
    expect((await t.http().get('/api/exports/report.docx')).status).toBe(401);
  });
});
