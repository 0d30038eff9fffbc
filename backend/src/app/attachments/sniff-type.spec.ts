import { looksLikeUtf8Text, sniffType } from './sniff-type';

/** A zip whose first local file header names `entry` (enough for the sniffer, which reads headers only). */
function zipWith(...entries: string[]): Buffer {
  return Buffer.concat(
    entries.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([header, Buffer.from(name), Buffer.from('content')]);
    }),
  );
}

const mimeOf = (head: Buffer, name = 'file.bin', complete = true) => {
  const s = sniffType(head, name, complete);
  return s.ok ? s.mime : `refused: ${s.reason}`;
};

describe('sniffType: the type comes from the content, not the name', () => {
  it('recognises PDF, PNG, JPEG and GIF whatever they are called', () => {
    expect(mimeOf(Buffer.from('%PDF-1.4 ...'), 'photo.png')).toBe('application/pdf');
    expect(mimeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'scan.pdf')).toBe('image/png');
    expect(mimeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]), 'a.txt')).toBe('image/jpeg');
    expect(mimeOf(Buffer.from('GIF89a....'))).toBe('image/gif');
  });

  it('tells Word, Excel and PowerPoint files apart by their zip entries, and refuses other zips', () => {
    expect(mimeOf(zipWith('[Content_Types].xml', '_rels/.rels', 'word/document.xml'))).toMatch(/wordprocessingml/);
    expect(mimeOf(zipWith('[Content_Types].xml', 'xl/workbook.xml'))).toMatch(/spreadsheetml/);
    expect(mimeOf(zipWith('ppt/presentation.xml'))).toMatch(/presentationml/);
    expect(mimeOf(zipWith('setup.exe'), 'report.docx')).toMatch(/^refused: .*ZIP archive/);
  });

  it('tells old Office files by their streams, or by the extension when the directory is further on', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(mimeOf(Buffer.concat([ole, Buffer.from('WordDocument', 'utf16le')]))).toBe('application/msword');
    expect(mimeOf(Buffer.concat([ole, Buffer.from('Workbook', 'utf16le')]))).toBe('application/vnd.ms-excel');
    expect(mimeOf(ole, 'old.xls')).toBe('application/vnd.ms-excel');
    expect(mimeOf(ole, 'old.msi')).toMatch(/^refused/);
  });

  it('refuses executables and scripts, empty files and unknown binaries', () => {
    expect(mimeOf(Buffer.from('MZ\x90\x00'), 'report.pdf')).toMatch(/Windows executable/);
    expect(mimeOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2]), 'a.pdf')).toMatch(/ELF/);
    expect(mimeOf(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'notes.txt')).toMatch(/script/);
    expect(mimeOf(Buffer.alloc(0))).toMatch(/empty/);
    expect(mimeOf(Buffer.from([0, 1, 2, 3, 255]))).toMatch(/^refused/);
  });

  it('takes UTF-8 text as text/plain, or text/csv when named .csv', () => {
    expect(mimeOf(Buffer.from('提案附件说明\r\n第二行\t制表符'), 'readme.txt')).toBe('text/plain');
    expect(mimeOf(Buffer.from('a,b\n1,2\n'), '统计.CSV')).toBe('text/csv');
    expect(mimeOf(Buffer.from([0xc3, 0x28]))).toMatch(/^refused/);
  });

  it('allows a character cut at the end of a head that is not the whole file', () => {
    const text = Buffer.from('食堂伙食');
    expect(looksLikeUtf8Text(text.subarray(0, text.length - 1), false)).toBe(true);
    expect(looksLikeUtf8Text(text.subarray(0, text.length - 1), true)).toBe(false);
  });
});
