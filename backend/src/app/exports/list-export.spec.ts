import { PassThrough } from 'node:stream';
import type { ExportRow } from './export-rows';
import { csvField, writeCsv } from './list-export';
import { findCjkFont, FONT_HELP } from './pdf-font';

const row = (over: Partial<ExportRow>): ExportRow => ({
  id: 'x', createdAt: new Date(), series: 'P', number: 1, numberLabel: '2026-001', title: '关于食堂的提案', kind: 'proposal',
  state: 'closed', sessionTitle: '第五届第三次会议', categoryName: null, leadDepartmentName: '后勤管理处', coDepartmentNames: ['教务处', '财务处'],
  leadProposerName: '张伟', cosignerNames: [], delegationName: null, submittedAt: null, dueAt: null, repliedAt: null, grade: 'A',
  evaluation: 'satisfied', published: true, background: '', suggestions: '', replyContent: null, replyDepartmentName: null, replyPlannedAt: null,
  ...over,
});

async function* batches(...b: ExportRow[][]) {
  yield* b;
}

describe('the CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('食堂')).toBe('食堂');
    expect(csvField('一，二,三')).toBe('"一，二,三"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('starts with a BOM, writes a header and one line a proposal, with Chinese labels', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeCsv(out, batches([row({})], [row({ numberLabel: '2026-002', state: 'handling.drafting', published: false })]));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\uFEFF编号,案由,')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('2026-001,关于食堂的提案,提案,已办结');
    expect(lines[1]).toContain('教务处、财务处');
    expect(lines[2]).toContain('办理中');
    expect(lines[2].endsWith(',否')).toBe(true);
  });
});

describe('the PDF font', () => {
  it('takes PDF_FONT_PATH first and answers null when that file is missing', () => {
    expect(findCjkFont({ PDF_FONT_PATH: '/nonexistent.ttf' })).toBeNull();
    expect(findCjkFont({ PDF_FONT_PATH: __filename, PDF_FONT_NAME: 'X' })).toEqual({ path: __filename, name: 'X' });
    expect(FONT_HELP).toContain('fonts-wqy-microhei');
  });
});
