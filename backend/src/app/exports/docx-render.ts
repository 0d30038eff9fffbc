import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './blocks';

/** Chinese body text: SimSun (宋体) for Han characters, as union offices print; Word falls back where missing. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

function cell(text: string, widthPct: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, font: header ? HEADING_FONT : FONT, size: 20 })] })],
  });
}

function toDocx(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: b.text, bold: true, size: 36, font: HEADING_FONT })],
      });
    case 'subtitle':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: b.text, size: 24, font: FONT })] });
    case 'heading':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: b.newPage ?? false,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: b.text, bold: true, size: 28, font: HEADING_FONT })],
      });
    case 'para':
      return new Paragraph({ indent: { firstLine: 480 }, spacing: { after: 120, line: 360 }, children: [new TextRun({ text: b.text, size: 24, font: FONT })] });
    case 'field':
      return new Paragraph({
        spacing: { after: 80, line: 360 },
        children: [new TextRun({ text: `【${b.label}】`, bold: true, size: 24, font: HEADING_FONT }), new TextRun({ text: b.text, size: 24, font: FONT })],
      });
    case 'table': {
      const total = b.widths.reduce((s, w) => s + w, 0);
      const pct = b.widths.map((w) => Math.round((w / total) * 100));
      const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
        rows: [
          new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cell(h, pct[i], true)) }),
          ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, pct[i], false)) })),
        ],
      });
    }
  }
}

/**
 * A Word document of the blocks, A4 with page numbers. The docx package builds the whole document in memory
 * before zipping it: fine for a session's compilation (hundreds of proposals); the PDF streams.
 */
export async function renderDocx(title: string, blocks: AsyncIterable<Block[]> | Block[][]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for await (const batch of blocks) for (const b of batch) children.push(toDocx(b));
  const doc = new Document({
    title,
    creator: '教代会提案系统',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
