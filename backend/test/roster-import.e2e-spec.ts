import * as iconv from 'iconv-lite';
import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('roster import', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const upload = (bytes: Buffer, query = '') =>
    t.http().post(`/api/admin/roster/import${query}`).set(admin).attach('file', bytes, { filename: 'roster.csv', contentType: 'text/csv' });
  const count = async () => Number((await t.db.query(`SELECT count(*) FROM users`))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(await t.login('admin'));
  });
  afterAll(() => t.close());

  it('imports nothing when one row is bad, and names every bad row with its line', async () => {
    const before = await count();
    const csv = [
      'username,name,delegation,email,phone',
      'd101,赵一,文学院代表团,d101@example.edu.cn,13911112222',
      'd102,钱二,理学院代表团,not-an-email,13911113333',
      ',孙三,理学院代表团,,',
      'd104,李四,外国语学院代表团,,0571-8888888',
      'd105,,lxy,,12345',
      'D101,周五,jghq,,',
    ].join('\n');
    const res = await upload(Buffer.from(csv)).expect(400);
    expect(res.body.message).toMatch(/nothing was imported/);
    expect(res.body.errors).toEqual([
      { line: 3, reason: 'bad e-mail "not-an-email"' },
      { line: 4, reason: 'username missing' },
      { line: 5, reason: 'unknown delegation "外国语学院代表团"' },
      { line: 6, reason: 'name missing' },
      { line: 6, reason: expect.stringMatching(/^bad phone "12345"/) },
      { line: 7, reason: 'username D101 appears twice in the file (also line 2)' },
    ]);
    expect(await count()).toBe(before);
  });

  it('reads a GBK file saved by Excel, with Chinese headers and CRLF lines', async () => {
    const csv = '用户名,姓名,代表团,邮箱,电话\r\nd201,欧阳修,文学院代表团,ouyang@example.edu.cn,0571-88886666\r\nd202,司马光,理学院代表团,,+86 139 0000 9999\r\n';
    const gbk = iconv.encode(csv, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const res = await upload(gbk).expect(200);
    expect(res.body).toEqual({ dryRun: false, imported: 2, created: 2, updated: 0 });
    const rows = await t.db.query(
      `SELECT u.username, u.display_name, u.phone, u.roles, u.password_hash, g.name AS delegation
         FROM users u JOIN delegations g ON g.id = u.delegation_id WHERE u.username IN ('d201', 'd202') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { username: 'd201', display_name: '欧阳修', phone: '0571-88886666', roles: ['delegate'], password_hash: null, delegation: '文学院代表团' },
      { username: 'd202', display_name: '司马光', phone: '13900009999', roles: ['delegate'], password_hash: null, delegation: '理学院代表团' },
    ]);
  });

  it('reads UTF-8 with a BOM, matches delegations by code, and updates existing users by username', async () => {
    const csv = '\uFEFFusername,name,delegation,email\ndelegate04,刘洋（更新）,lxy,liu.yang@example.edu.cn\njwc.handler,林晓燕,JGHQ,\nd301,苏轼,jghq,\n';
    const res = await upload(Buffer.from(csv, 'utf8')).expect(200);
    expect(res.body).toEqual({ dryRun: false, imported: 3, created: 1, updated: 2 });
    const [d4] = await t.db.query(`SELECT u.display_name, u.email, u.phone, g.code FROM users u JOIN delegations g ON g.id = u.delegation_id WHERE username = 'delegate04'`);
    expect(d4).toEqual({ display_name: '刘洋（更新）', email: 'liu.yang@example.edu.cn', phone: expect.stringMatching(/^1390000/), code: 'lxy' });
    const [handler] = await t.db.query(`SELECT roles FROM users WHERE username = 'jwc.handler'`);
    expect(handler.roles).toEqual(['handler', 'delegate']);
  });

  it('only checks with dryRun=true', async () => {
    const before = await count();
    const res = await upload(Buffer.from('username,name,delegation\nd401,王安石,文学院代表团\ndelegate01,张伟,wxy\n'), '?dryRun=true').expect(200);
    expect(res.body).toEqual({ dryRun: true, imported: 2, created: 1, updated: 1 });
    expect(await count()).toBe(before);
    const [audited] = (await t.http().get('/api/admin/audit?pageSize=1').set(admin).expect(200)).body.items;
    expect(audited).toMatchObject({ path: '/api/admin/roster/import', status: 200, body: { file: { name: 'roster.csv', size: 81 }, query: { dryRun: 'true' } } });
    const bad = await upload(Buffer.from('username,name,delegation\nd401,,文学院代表团\n'), '?dryRun=true').expect(400);
    expect(bad.body.errors).toEqual([{ line: 2, reason: 'name missing' }]);
  });

  it('says what is wrong with the header, an empty file, a missing file and a file too large', async () => {
    const header = await upload(Buffer.from('login,full name\nx,y\n')).expect(400);
    expect(header.body.errors).toEqual([
      { line: 1, reason: 'the header row lacks the column name (姓名)' },
      { line: 1, reason: 'the header row lacks the column delegation (代表团)' },
    ]);
    const empty = await upload(Buffer.from('username,name,delegation\n')).expect(400);
    expect(empty.body.errors[0].reason).toMatch(/no rows/);
    await t.http().post('/api/admin/roster/import').set(admin).expect(400);
    await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 0x61)).expect(413);
  });

  it('is for the admin only', async () => {
    await t.http().post('/api/admin/roster/import').set(bearer(await t.login('committee1')))
      .attach('file', Buffer.from('username,name,delegation\n'), 'r.csv').expect(403);
  });
});
