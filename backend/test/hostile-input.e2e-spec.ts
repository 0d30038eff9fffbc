import { CONTACT_METHODS } from '@congress/workflow';
import { hostileStrings } from './support/hostile-strings';
import { Api, sessionId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Hostile input (issue 8): every text field of the main write endpoints fed a deterministic sample of the Big
 * List of Naughty Strings plus very long, emoji, right-to-left and zero-width text, and malformed bodies. The
 * answer is always 2xx or 4xx, never 5xx; what is accepted is stored and comes back exactly as sent.
 */
/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)));
}

describe('hostile input', () => {
  let t: TestApp;
  let api: Api;
  const strings = hostileStrings();
  const fivexx: string[] = [];
  const changed: string[] = [];
  const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);

  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());
  afterEach(() => {
    expect(fivexx).toEqual([]);
    expect(changed).toEqual([]);
  });

  const check = (what: string, s: string, status: number) => {
    if (status >= 500 || status < 200) fivexx.push(`${what} ${show(s)} → ${status}`);
    return status >= 200 && status < 300;
  };
  const same = (what: string, s: string, got: unknown, want: string = s) => {
    if (got !== want) changed.push(`${what} ${show(s)} came back as ${JSON.stringify(got)}`);
  };

  it('samples a corpus of some hundreds of strings', () => {
    expect(strings.length).toBeGreaterThan(150);
  });

  it('stores drafts with hostile titles and texts exactly (titles trimmed), or refuses them with 400', async () => {
    const session = await sessionId(t);
    const extra = ['长'.repeat(200), '长'.repeat(201), 'x'.repeat(20_000), 'x'.repeat(20_001), '😀'.repeat(5_000)];
    let stored = 0;
    await inBatches([...strings, ...extra], 8, async (s) => {
      const res = await api.post('delegate01', '/api/proposals', { sessionId: session, title: s, background: s, suggestions: s });
      if (!check('POST /api/proposals', s, res.status)) return;
      stored++;
      const back = (await api.get('delegate01', `/api/proposals/${res.body.id}`)).body;
      same('title', s, back.title, s.trim());
      same('background', s, back.background);
      same('suggestions', s, back.suggestions);
      const edit = await api.patch('delegate01', `/api/proposals/${res.body.id}`, { expectedVersion: back.version, background: `${s}|${s}`, suggestions: s });
      if (check('PATCH /api/proposals/:id', s, edit.status)) same('patched background', s, edit.body.background, `${s}|${s}`);
    });
    expect(stored).toBeGreaterThan(strings.length * 0.8);
  }, 600_000);

  it('records hostile comments, reasons and contact notes exactly', async () => {
    // eight proposals in handling side by side, each taking its share of the strings in turn
    const lanes = 8;
    const proposals = await Promise.all(Array.from({ length: lanes }, () => api.handling('jwc')));
    let n = 0;
    await Promise.all(
      proposals.map(async (p, lane) => {
        const mine = strings.filter((_, i) => i % lanes === lane);
        let version = await api.version(p.id);
        const comments: string[] = [];
        const urges: string[] = [];
        const contacts: string[] = [];
        for (const s of mine) {
          const comment = await api.send('delegate01', p.id, 'COMMENT', { content: s }, version);
          if (check('COMMENT content', s, comment.status)) {
            n++;
            comments.push(s);
            version = comment.body.version;
          }
          const urge = await api.send('committee1', p.id, 'URGE', { comment: s }, version);
          if (check('URGE comment', s, urge.status)) {
            urges.push(s);
            version = urge.body.version;
          }
          const contactedAt = new Date().toISOString();
          const contact = await api.send('jwc.handler', p.id, 'LOG_CONTACT', { method: CONTACT_METHODS[0], content: s, contactedAt }, version);
          if (check('LOG_CONTACT content', s, contact.status)) {
            contacts.push(s);
            version = contact.body.version;
          }
        }
        const back = (await api.get('committee1', `/api/proposals/${p.id}`)).body as { comments: { content: string }[]; contacts: { content: string }[] };
        const history = (await api.get('committee1', `/api/proposals/${p.id}/history`)).body as { event: string; comment: string | null }[];
        const pairs: [string, string[], unknown[]][] = [
          ['comment', comments, back.comments.map((c) => c.content)],
          ['URGE comment', urges, history.filter((h) => h.event === 'URGE').map((h) => h.comment)],
          ['contact', contacts, back.contacts.map((c) => c.content)],
        ];
        for (const [what, sent, got] of pairs) {
          if (got.length !== sent.length) changed.push(`${what}: ${sent.length} sent, ${got.length} stored`);
          // the order of a list is the API's business; every text must be there exactly
          const stored = new Set(got);
          for (const s of sent) if (!stored.has(s)) changed.push(`${what} ${show(s)} is not stored as sent`);
        }
      }),
    );
    expect(n).toBeGreaterThan(strings.length * 0.8);
    // a reason that ends the proposal, once
    const q = await api.submitted();
    const reason = strings.find((s) => s.includes('<script'))!;
    const rejected = await api.send('committee1', q.id, 'REJECT', { reason });
    expect(rejected.status).toBe(200);
    const history = (await api.get('committee1', `/api/proposals/${q.id}/history`)).body as { event: string; comment: string | null }[];
    same('REJECT reason', reason, history.find((h) => h.event === 'REJECT')?.comment);
  }, 600_000);

  it('stores hostile names of users, departments and categories exactly, or refuses them with 4xx', async () => {
    await inBatches(strings, 8, async (s, i) => {
      const user = await api.post('admin', '/api/admin/users', { username: `hostile${i}`, displayName: s, roles: ['delegate'] });
      if (check('POST /api/admin/users displayName', s, user.status)) same('displayName', s, user.body.displayName);
      const dept = await api.post('admin', '/api/admin/departments', { code: `h${i}`, name: s, nameEn: s });
      if (check('POST /api/admin/departments name', s, dept.status)) {
        same('department name', s, dept.body.name);
        same('department nameEn', s, dept.body.nameEn);
      }
      const category = await api.post('admin', '/api/admin/categories', { name: s, nameEn: s });
      if (check('POST /api/admin/categories name', s, category.status)) {
        same('category name', s, category.body.name);
        same('category nameEn', s, category.body.nameEn);
      }
      const me = await api.patch('delegate02', '/api/me', { language: s });
      check('PATCH /api/me language', s, me.status);
      if (me.status !== 400) changed.push(`PATCH /api/me took language ${show(s)}`);
    });
    // what the lists answer is what was stored
    const users = (await api.get('admin', '/api/admin/users?q=hostile&pageSize=200')).body.items as { displayName: string }[];
    expect(users.length).toBeGreaterThan(strings.length * 0.5);
  }, 600_000);

  it('answers 4xx, never 5xx, to malformed bodies: bad JSON, wrong types, huge arrays, deep nesting', async () => {
    const draft = await api.draft('delegate01');
    const submitted = await api.submitted();
    const admin = await api.people.token('admin');
    const delegate = await api.people.token('delegate01');
    const targets = [
      { method: 'post', url: '/api/proposals', token: delegate },
      { method: 'patch', url: `/api/proposals/${draft.id}`, token: delegate },
      { method: 'post', url: `/api/proposals/${submitted.id}/events`, token: delegate },
      { method: 'post', url: `/api/proposals/${draft.id}/cosigners`, token: delegate },
      { method: 'post', url: '/api/admin/categories', token: admin },
      { method: 'post', url: '/api/admin/users', token: admin },
      { method: 'patch', url: '/api/me', token: delegate },
      { method: 'post', url: '/api/auth/login', token: null },
    ] as const;
    const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const rawBodies: [string, string][] = [
      ['application/json', '{"title": '],
      ['application/json', '{"title": "x",}'],
      ['application/json', '{"title": "x"}}'],
      ['application/json', 'null'],
      ['application/json', '"a string"'],
      ['application/json', '12345'],
      ['application/json', '[]'],
      ['application/json', '[{"title": "x"}]'],
      ['application/json', '\u0000'],
      ['application/json', '{"title": "\\u0000"}'],
      ['application/json', '{"title": "\\ud800"}'],
      ['application/json', '{"title": "\\udc00x\\ud800"}'],
      ['application/json', nested(40)],
      ['application/json', nested(100_000)],
      ['application/json', '['.repeat(200_000) + ']'.repeat(200_000)],
      ['application/json', `{"title": "x", "cosignerIds": [${Array(50_000).fill('1').join(',')}]}`],
      ['application/json', `{"cosignerIds": [${Array(30_000).fill('"7d3c2a10-0000-4000-8000-000000000000"').join(',')}]}`],
      ['application/json', '{"__proto__": {"roles": ["admin"]}, "constructor": {"prototype": {"admin": true}}}'],
      ['application/json', Buffer.from([0xff, 0xfe, 0xfd]).toString('latin1')],
      ['text/plain', 'title=x'],
      ['application/xml', '<title>x</title>'],
      ['application/x-www-form-urlencoded', 'title=x&title=y&sessionId[]=1'],
      ['application/json; charset=utf-16', '{"title":"x"}'],
    ];
    const typed: object[] = [
      { title: 123 }, { title: ['x'] }, { title: { $ne: null } }, { title: null }, { title: true },
      { sessionId: 42 }, { sessionId: 'not-a-uuid' }, { cosignerIds: 'x' }, { cosignerIds: [1, 2] }, { cosignerIds: [null] },
      { expectedVersion: '1' }, { expectedVersion: 1.5 }, { expectedVersion: -1 }, { expectedVersion: 1e308 }, { expectedVersion: null },
      { type: 'COMMENT', expectedVersion: 1, content: { toString: 'x' } }, { type: ['COMMENT'] }, { type: 'HACK' },
      { language: ['zh-CN'] }, { roles: 'admin' }, { userIds: 'all' }, { username: ['admin'], password: { $gt: '' } },
      { displayName: 'x', roles: [null] }, { name: { length: 1 } },
    ];
    for (const target of targets) {
      const send = () => {
        let req = target.method === 'post' ? t.http().post(target.url) : t.http().patch(target.url);
        if (target.token) req = req.set('Authorization', `Bearer ${target.token}`);
        return req;
      };
      for (const [type, raw] of rawBodies) {
        const res = await send().set('Content-Type', type).send(raw);
        if (res.status < 400 || res.status >= 500) fivexx.push(`${target.method} ${target.url} ${type} ${show(raw)} → ${res.status}`);
      }
      for (const body of typed) {
        const res = await send().send(body);
        if (res.status < 400 || res.status >= 500) fivexx.push(`${target.method} ${target.url} ${JSON.stringify(body)} → ${res.status}`);
      }
    }
    // the guard answers with a message that says what is wrong
    const nul = await api.post('delegate01', '/api/proposals', { sessionId: await sessionId(t), ...TEXT, title: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.message).toMatch(/NUL character/);
    // and a query string with a NUL is refused too
    expect((await api.get('delegate01', '/api/proposals?q=%00')).status).toBe(400);
  }, 600_000);
});
