import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ExportRow } from './export-rows';
import { day, EVALUATION_LABELS, KIND_LABELS, label, STATE_LABELS } from './labels';

/** The columns of the proposal list export (Excel and CSV alike). */
export const LIST_COLUMNS: { header: string; width: number; value: (r: ExportRow) => string }[] = [
  { header: '编号', width: 12, value: (r) => r.numberLabel ?? '' },
  { header: '案由', width: 40, value: (r) => r.title },
  { header: '类型', width: 8, value: (r) => label(KIND_LABELS, r.kind) },
  { header: '状态', width: 12, value: (r) => label(STATE_LABELS, r.state) },
  { header: '届次', width: 28, value: (r) => r.sessionTitle },
  { header: '类别', width: 16, value: (r) => r.categoryName ?? '' },
  { header: '主办单位', width: 14, value: (r) => r.leadDepartmentName ?? '' },
  { header: '协办单位', width: 20, value: (r) => r.coDepartmentNames.join('、') },
  { header: '领衔人', width: 10, value: (r) => r.leadProposerName },
  { header: '附议人', width: 20, value: (r) => r.cosignerNames.join('、') },
  { header: '提交日期', width: 12, value: (r) => day(r.submittedAt) },
  { header: '办理期限', width: 12, value: (r) => day(r.dueAt) },
  { header: '答复日期', width: 12, value: (r) => day(r.repliedAt) },
  { header: '答复等级', width: 8, value: (r) => r.grade ?? '' },
  { header: '测评结果', width: 10, value: (r) => label(EVALUATION_LABELS, r.evaluation) },
  { header: '是否公开', width: 8, value: (r) => (r.published ? '是' : '否') },
];

/** Streams the list as .xlsx: ExcelJS's WorkbookWriter commits each row to the response as it goes. */
export async function writeXlsx(out: Writable, batches: AsyncIterable<ExportRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('提案列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LIST_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of batches) {
    for (const r of rows) sheet.addRow(LIST_COLUMNS.map((c) => c.value(r))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A CSV field: quoted when it holds a comma, quote or line break; formulas defused (CSV injection). */
export function csvField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Streams the list as CSV, UTF-8 with a BOM so that Excel reads the Chinese right; waits when the socket is full. */
export async function writeCsv(out: Writable, batches: AsyncIterable<ExportRow[]>): Promise<void> {
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`\uFEFF${LIST_COLUMNS.map((c) => csvField(c.header)).join(',')}\r\n`);
  for await (const rows of batches) {
    await write(rows.map((r) => `${LIST_COLUMNS.map((c) => csvField(c.value(r))).join(',')}\r\n`).join(''));
  }
  out.end();
}
