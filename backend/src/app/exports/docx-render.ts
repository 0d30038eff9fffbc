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
import JSZip from 'jszip';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

function documentOf(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
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
}

const MARKER = '\u27e6BODY\u27e7';

/** The body XML of some blocks (the children of <w:body>, without its section properties), drawn by the docx package. */
async function bodyXml(blocks: Block[]): Promise<string> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(documentOf('', blocks.map(toDocx))));
  const xml = await zip.file('word/document.xml')!.async('string');
  const start = xml.indexOf('>', xml.indexOf('<w:body')) + 1;
  return xml.slice(start, xml.lastIndexOf('<w:sectPr'));
}

/**
 * A Word document of the blocks, A4 with page numbers, streamed: the docx package can only build a whole document in memory, so it draws a
 * skeleton (styles, footer, section) around a marker paragraph and each batch of blocks on its own; the
 * batches' body XML is written into the skeleton's word/document.xml as it comes, and the .docx (a zip) goes
 * out as it is compressed. Memory holds one batch, not the compilation of a whole session.
 */
export async function streamDocx(out: Writable, title: string, blocks: AsyncIterable<Block[]> | Block[][]): Promise<void> {
  const skeleton = await JSZip.loadAsync(await Packer.toBuffer(documentOf(title, [new Paragraph({ children: [new TextRun(MARKER)] })])));
  const main = await skeleton.file('word/document.xml')!.async('string');
  const at = main.indexOf(MARKER);
  const open = Math.max(main.lastIndexOf('<w:p>', at), main.lastIndexOf('<w:p ', at));
  const close = main.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || open < 0) throw new Error('docx skeleton: marker paragraph not found');
  async function* documentXml(): AsyncGenerator<Buffer> {
    yield Buffer.from(main.slice(0, open));
    for await (const batch of blocks) if (batch.length) yield Buffer.from(await bodyXml(batch));
    yield Buffer.from(main.slice(close));
  }
  const zip = new JSZip();
  for (const [name, entry] of Object.entries(skeleton.files)) {
    if (entry.dir) continue;
    zip.file(name, name === 'word/document.xml' ? Readable.from(documentXml()) : await entry.async('nodebuffer'));
  }
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }), out);
}
