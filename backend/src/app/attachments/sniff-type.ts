/**
 * The type of an upload, decided from its first bytes (magic numbers), never from its name or the client's
 * Content-Type. Accepted: PDF, PNG, JPEG, GIF, Word/Excel/PowerPoint (OOXML zip and the older OLE files) and
 * UTF-8 text (text/csv when named .csv). Everything else, executables and scripts first, is refused.
 */

/** How many leading bytes the sniffer wants (fewer when the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

export type Sniffed = { ok: true; mime: string; text: boolean } | { ok: false; reason: string };

const ACCEPTED = 'PDF, PNG, JPEG, GIF, Word, Excel, PowerPoint and UTF-8 text (.txt, .csv)';

const starts = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

const EXECUTABLES: [number[] | string, string][] = [
  ['MZ', 'a Windows executable'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux executable (ELF)'],
  [[0xfe, 0xed, 0xfa, 0xce], 'a macOS executable'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'a macOS executable'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a macOS executable'],
  [[0xce, 0xfa, 0xed, 0xfe], 'a macOS executable'],
  [[0xca, 0xfe, 0xba, 0xbe], 'a macOS or Java executable'],
  ['#!', 'a script'],
];

const OOXML: [string, string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

const OLE: [string, string, string][] = [
  ['WordDocument', 'application/msword', '.doc'],
  ['Workbook', 'application/vnd.ms-excel', '.xls'],
  ['Book', 'application/vnd.ms-excel', '.xls'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint', '.ppt'],
];

export function sniffType(head: Buffer, fileName: string, complete: boolean): Sniffed {
  const refuse = (what: string): Sniffed => ({ ok: false, reason: `This file is ${what}; accepted are ${ACCEPTED}` });
  if (head.length === 0) return refuse('empty');
  for (const [sig, what] of EXECUTABLES) if (starts(head, sig)) return refuse(what);
  if (starts(head, '%PDF-')) return { ok: true, mime: 'application/pdf', text: false };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, mime: 'image/png', text: false };
  if (starts(head, [0xff, 0xd8, 0xff])) return { ok: true, mime: 'image/jpeg', text: false };
  if (starts(head, 'GIF87a') || starts(head, 'GIF89a')) return { ok: true, mime: 'image/gif', text: false };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return ooxml(head) ?? refuse('a ZIP archive that is not a Word, Excel or PowerPoint document');
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return ole(head, fileName) ?? refuse('an old Office (OLE) file of a kind not recognised');
  }
  if (looksLikeUtf8Text(head, complete)) {
    return { ok: true, mime: /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain', text: true };
  }
  return refuse('of a type not accepted');
}

/** Entry names of the zip's local file headers within the head decide Word, Excel or PowerPoint. */
function ooxml(head: Buffer): Sniffed | null {
  for (let at = head.indexOf('PK\x03\x04', 0, 'latin1'); at !== -1 && at + 30 <= head.length; at = head.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    const nameLength = head.readUInt16LE(at + 26);
    const name = head.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const hit = OOXML.find(([prefix]) => name.startsWith(prefix));
    if (hit) return { ok: true, mime: hit[1], text: false };
  }
  return null;
}

/** OLE directory entries are UTF-16LE names; when the directory lies beyond the head, the name's extension decides. */
function ole(head: Buffer, fileName: string): Sniffed | null {
  for (const [stream, mime] of OLE) {
    if (head.includes(Buffer.from(stream, 'utf16le'))) return { ok: true, mime, text: false };
  }
  const byName = OLE.find(([, , ext]) => fileName.toLowerCase().endsWith(ext));
  return byName ? { ok: true, mime: byName[1], text: false } : null;
}

/**
 * UTF-8 text: decodes strictly, no NUL and no control characters but tab, line breaks and form feed.
 * When the head is not the whole file, a multi-byte character cut at its end is allowed.
 */
export function looksLikeUtf8Text(bytes: Buffer, complete: boolean): boolean {
  let b = bytes;
  if (!complete) {
    let cut = b.length;
    for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
      if ((b[i] & 0xc0) !== 0x80) {
        if (b[i] >= 0xc0) cut = i;
        break;
      }
    }
    b = b.subarray(0, cut);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
