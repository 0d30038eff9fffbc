import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import * as sax from 'sax';
import type { Block } from './blocks';
import { streamDocx } from './docx-render';

async function* batches(n: number, size: number): AsyncGenerator<Block[]> {
  for (let b = 0; b < n; b++) {
    yield Array.from({ length: size }, (_, i): Block =>
      i === 0 ? { kind: 'heading', text: `第${b + 1}批`, newPage: b > 0 } : { kind: 'field', label: '案号', text: `P${String(b * size + i).padStart(5, '0')}` });
    if (b === 1) yield []; // an empty batch writes nothing
  }
}

describe('streamDocx', () => {
  it('writes batches into one well-formed document, in order, with the skeleton around them', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await streamDocx(out, '测试汇编', batches(3, 40));
    expect(chunks.length).toBeGreaterThan(1);
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = await zip.file('word/document.xml')!.async('string');
    // well-formed: a strict SAX parse of the whole part
    const texts: string[] = [];
    let inText = false;
    const parser = sax.parser(true);
    parser.onopentag = (t) => (inText = t.name === 'w:t');
    parser.onclosetag = () => (inText = false);
    parser.ontext = (t) => inText && texts.push(t);
    parser.onerror = (e) => {
      throw e;
    };
    parser.write(xml).close();
    const numbers = texts.filter((t) => /^P\d{5}$/.test(t));
    expect(numbers).toHaveLength(3 * 39);
    expect(numbers).toEqual([...numbers].sort());
    expect(texts.filter((t) => t.startsWith('第'))).toEqual(['第1批', '第2批', '第3批']);
    expect(xml).not.toContain('\u27e6BODY\u27e7');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(1);
    expect(xml.match(/<w:body>/g)).toHaveLength(1);
  });
});
