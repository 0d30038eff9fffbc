import * as iconv from 'iconv-lite';
import { decodeRoster, parseRoster } from './roster-parser';

describe('roster CSV', () => {
  const text = '用户名,姓名,代表团,邮箱,电话\nd1,张三,文学院代表团,z@example.edu.cn,13812345678\n';

  it('decodes UTF-8 with and without BOM, GBK and GB18030 from Excel, and UTF-16 "Unicode text"', () => {
    expect(decodeRoster(Buffer.from(text))).toBe(text);
    expect(decodeRoster(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeRoster(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeRoster(iconv.encode('姓名,代表团\n䶮,文学院代表团\n', 'gb18030'))).toBe('姓名,代表团\n䶮,文学院代表团\n');
    expect(decodeRoster(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toBe(text);
  });

  it('reads English or Chinese headers in any order, tabs as well as commas, and skips blank rows', () => {
    const { rows, errors } = parseRoster('Phone\tDelegation\tName *\tUserName\n13812345678\tlxy\t李四\td2\n\t\t\t\n\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, username: 'd2', name: '李四', delegation: 'lxy', email: null, phone: '13812345678' }]);
  });

  it('numbers lines as a spreadsheet does, blank rows and quoted line breaks included', () => {
    const { errors } = parseRoster('username,name,delegation\n\n"d3","王\n五",x\nd4,,x\n');
    expect(errors).toEqual([{ line: 4, reason: 'name missing' }]);
  });

  it('accepts mobile numbers with +86 and spaces, and landlines with area code and extension', () => {
    const csv = ['username,name,delegation,phone', 'a1,甲,x,+86 138 1234 5678', 'a2,乙,x,(010)62751234', 'a3,丙,x,0571-88886666-123', 'a4,丁,x,1381234567'];
    const { rows, errors } = parseRoster(csv.join('\n'));
    expect(rows.map((r) => r.phone)).toEqual(['13812345678', '010-62751234', '0571-88886666-123']);
    expect(errors).toEqual([{ line: 5, reason: expect.stringMatching(/^bad phone "1381234567"/) }]);
  });

  it('reports each problem of a row, and a username repeated in any case', () => {
    const { errors } = parseRoster('username,name,delegation,email\nbad name,,,x@\nok1,甲,x,\nOK1,乙,x,\n');
    expect(errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^username "bad name" is not valid/) },
      { line: 2, reason: 'name missing' },
      { line: 2, reason: 'delegation missing' },
      { line: 2, reason: 'bad e-mail "x@"' },
      { line: 4, reason: 'username OK1 appears twice in the file (also line 3)' },
    ]);
  });

  it('names the missing header columns and a CSV it cannot read', () => {
    expect(parseRoster('用户名,邮箱\n').errors).toEqual([
      { line: 1, reason: 'the header row lacks the column name (姓名)' },
      { line: 1, reason: 'the header row lacks the column delegation (代表团)' },
    ]);
    expect(parseRoster('username,name,delegation\n"d1,unclosed\n').errors[0].reason).toMatch(/not a readable CSV/);
  });
});
