import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { Block } from './blocks';
import type { CjkFont } from './pdf-font';

const MARGIN = 56;
const BODY = 11;
const CELL = 9;
const PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

/** Draws a table row by row; a row that does not fit starts a new page, which repeats the header. */
function table(doc: Doc, b: Extract<Block, { kind: 'table' }>) {
  const width = doc.page.width - MARGIN * 2;
  const total = b.widths.reduce((s, w) => s + w, 0);
  const cols = b.widths.map((w) => (w / total) * width);
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i] - PAD * 2 }))) + PAD * 2;
  const drawRow = (cells: string[], header: boolean) => {
    doc.fontSize(CELL);
    const h = rowHeight(cells);
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      if (!header) drawRow(b.headers, true);
      doc.fontSize(CELL);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      if (header) doc.rect(x, y, cols[i], h).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, y, cols[i], h).stroke();
      doc.text(c, x + PAD, y + PAD, { width: cols[i] - PAD * 2 });
      x += cols[i];
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  doc.lineWidth(0.5);
  drawRow(b.headers, true);
  for (const r of b.rows) drawRow(r, false);
  doc.moveDown(0.8);
}

function draw(doc: Doc, b: Block) {
  const width = doc.page.width - MARGIN * 2;
  doc.x = MARGIN;
  switch (b.kind) {
    case 'title':
      doc.fontSize(20).text(b.text, { align: 'center', width }).moveDown(0.5);
      return;
    case 'subtitle':
      doc.fontSize(12).text(b.text, { align: 'center', width }).moveDown(1);
      return;
    case 'heading':
      if (b.newPage && doc.y > MARGIN + 1) doc.addPage();
      else if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
      doc.fontSize(14).text(b.text, { width }).moveDown(0.4);
      return;
    case 'para':
      doc.fontSize(BODY).text(b.text, { width, indent: BODY * 2, lineGap: 4 }).moveDown(0.4);
      return;
    case 'field':
      doc.fontSize(BODY).text(`【${b.label}】${b.text}`, { width, lineGap: 4 }).moveDown(0.2);
      return;
    case 'table':
      table(doc, b);
      return;
  }
}

/**
 * Streams a PDF of the blocks to `out`, A4, in the given CJK font, page numbers at the foot. Blocks are drawn
 * as their batches arrive, and pdfkit writes finished pages out, so a long compilation is not held in memory.
 */
export async function renderPdf(out: Writable, title: string, font: CjkFont, blocks: AsyncIterable<Block[]> | Block[][]): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: false, info: { Title: title, Creator: '教代会提案系统' } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk');
  let page = 1;
  const footer = () => {
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`— ${page} —`, MARGIN, doc.page.height - MARGIN / 2 - 6, { width: doc.page.width - MARGIN * 2, align: 'center' });
    doc.page.margins.bottom = bottom;
    doc.x = MARGIN;
    doc.y = MARGIN;
  };
  doc.on('pageAdded', () => {
    page += 1;
    footer();
  });
  footer();
  for await (const batch of blocks) for (const b of batch) draw(doc, b);
  doc.end();
  await done;
}
