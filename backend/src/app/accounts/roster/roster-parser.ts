import type { RowError } from '@congress/api-types';
import { isEmail } from 'class-validator';
import { parse } from 'csv-parse/sync';
import * as iconv from 'iconv-lite';
import { normalizePhone, PHONE_RULE, USERNAME_PATTERN, USERNAME_RULE } from '../contact-format';

/**
 * The delegate roster as a CSV (pure: no database). Lines are numbered as a spreadsheet numbers rows: the
 * header is line 1. The encoding is detected: a BOM says UTF-8 (or UTF-16 for Excel's "Unicode text");
 * else the bytes must decode as UTF-8 strictly, failing which they are GBK/GB18030 as Excel saves them on
 * a Chinese Windows.
 */
export type RosterField = 'username' | 'name' | 'delegation' | 'email' | 'phone';

export interface RosterRow {
  line: number;
  username: string;
  name: string;
  delegation: string;
  email: string | null;
  phone: string | null;
}

const HEADERS: Record<string, RosterField> = {
  username: 'username', user: 'username', login: 'username', 用户名: 'username', 账号: 'username', 帐号: 'username', 工号: 'username',
  name: 'name', displayname: 'name', 姓名: 'name',
  delegation: 'delegation', 代表团: 'delegation', 所属代表团: 'delegation',
  email: 'email', 'e-mail': 'email', mail: 'email', 邮箱: 'email', 电子邮箱: 'email', 电子邮件: 'email',
  phone: 'phone', mobile: 'phone', tel: 'phone', telephone: 'phone', 电话: 'phone', 手机: 'phone', 手机号: 'phone', 联系电话: 'phone',
};
const REQUIRED: RosterField[] = ['username', 'name', 'delegation'];
const CHINESE: Record<RosterField, string> = { username: '用户名', name: '姓名', delegation: '代表团', email: '邮箱', phone: '电话' };

export function decodeRoster(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

const headerKey = (cell: string) => cell.trim().toLowerCase().replace(/[\s*＊_]/g, '').replace(/^display-?name$/, 'displayname');

export function parseRoster(text: string): { rows: RosterRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, delimiter: [',', '\t'], bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, reason: `not a readable CSV file: ${(err as Error).message}` }] };
  }
  const [header = [], ...body] = records;
  const columns = new Map<RosterField, number>();
  const errors: RowError[] = [];
  header.forEach((cell, i) => {
    const field = HEADERS[headerKey(cell)];
    if (!field) return;
    if (columns.has(field)) errors.push({ line: 1, reason: `the column ${field} appears twice` });
    else columns.set(field, i);
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) errors.push({ line: 1, reason: `the header row lacks the column ${field} (${CHINESE[field]})` });
  }
  if (errors.length) return { rows: [], errors };

  const rows: RosterRow[] = [];
  const firstLine = new Map<string, number>();
  body.forEach((record, index) => {
    const line = index + 2;
    const cell = (f: RosterField) => (columns.has(f) ? (record[columns.get(f)!] ?? '').trim() : '');
    if (record.every((c) => !c.trim())) return; // a blank row
    const problems: string[] = [];
    const username = cell('username');
    const name = cell('name');
    const delegation = cell('delegation');
    const email = cell('email');
    const rawPhone = cell('phone');
    if (!username) problems.push('username missing');
    else if (!USERNAME_PATTERN.test(username)) problems.push(`username "${username}" is not valid (${USERNAME_RULE})`);
    else {
      const seen = firstLine.get(username.toLowerCase());
      if (seen) problems.push(`username ${username} appears twice in the file (also line ${seen})`);
      else firstLine.set(username.toLowerCase(), line);
    }
    if (!name) problems.push('name missing');
    else if (name.length > 100) problems.push('name longer than 100 characters');
    if (!delegation) problems.push('delegation missing');
    if (email && (!isEmail(email) || email.length > 254)) problems.push(`bad e-mail "${email}"`);
    const phone = rawPhone ? normalizePhone(rawPhone) : null;
    if (rawPhone && !phone) problems.push(`bad phone "${rawPhone}" (${PHONE_RULE})`);
    if (problems.length) errors.push(...problems.map((reason) => ({ line, reason })));
    else rows.push({ line, username, name, delegation, email: email || null, phone });
  });
  if (!rows.length && !errors.length) errors.push({ line: 2, reason: 'the file has no rows under the header' });
  return { rows, errors };
}
