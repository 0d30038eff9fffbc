import { Api, clock, departmentId, sessionId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { searchCondition } from '../src/app/proposals/visibility.sql';

/** The fields of a ProposalSummary (libs/api-types), as the list writes each item. */
const SUMMARY_FIELDS = [
  'categoryId', 'coDepartmentIds', 'collective', 'createdAt', 'dueAt', 'excellent', 'id', 'isKey', 'kind', 'leadDepartmentId',
  'leadProposer', 'number', 'overdue', 'published', 'sessionId', 'state', 'submittedAt', 'title', 'updatedAt', 'version',
];

describe('drafts: creating, editing, deleting and inviting', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('validates a new draft: title required and at most 200 characters, an open session, delegates as co-signers', async () => {
    const session = await sessionId(t);
    const noTitle = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '  ' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.errors[0].field).toBe('title');
    const long = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '长'.repeat(201) });
    expect(long.status).toBe(400);
    const self = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '题目', cosignerIds: [await api.people.id('delegate01')] });
    expect(self.body.errors[0]).toMatchObject({ field: 'cosignerIds' });
    const handler = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '题目', cosignerIds: [await api.people.id('jwc.handler')] });
    expect(handler.body.errors[0].messages[0]).toMatch(/not an active delegate/);
    const notDelegate = await api.post('jwc.handler', '/api/proposals', { sessionId: session, title: '题目' });
    expect(notDelegate.status).toBe(403);
    // a short draft is fine: the minimums wait for SUBMIT
    const short = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '题目', background: '短' });
    expect(short.status).toBe(201);
    expect(short.body).toMatchObject({ state: 'draft', version: 1, background: '短', availableEvents: expect.arrayContaining(['SUBMIT']) });
  });

  it('refuses a draft for a session that is not taking proposals', async () => {
    const session = await sessionId(t);
    clock(t).set(new Date(Date.now() + 400 * 86_400_000));
    try {
      const res = await api.post('delegate01', '/api/proposals', { sessionId: session, title: '题目' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('sessionId');
    } finally {
      clock(t).reset();
    }
  });

  it('lets the lead edit a draft at the version it saw, and only a draft', async () => {
    const d = await api.draft();
    const ok = await api.patch('delegate01', `/api/proposals/${d.id}`, { expectedVersion: 1, title: '关于延长图书馆开放时间的提案' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: '关于延长图书馆开放时间的提案', version: 2 });
    const stale = await api.patch('delegate01', `/api/proposals/${d.id}`, { expectedVersion: 1, title: '旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const p = await api.ok('delegate01', d.id, 'SUBMIT');
    const late = await api.patch('delegate01', `/api/proposals/${d.id}`, { expectedVersion: p.version, title: '提交后修改' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/Only a draft/);
  });

  it('deletes a never-submitted draft, but keeps one that was submitted before', async () => {
    const d = await api.draft();
    expect((await api.delete('delegate02', `/api/proposals/${d.id}?expectedVersion=1`)).status).toBe(403);
    expect((await api.delete('delegate01', `/api/proposals/${d.id}?expectedVersion=1`)).status).toBe(204);
    expect((await api.get('delegate01', `/api/proposals/${d.id}`)).status).toBe(404);
    const list = await api.get('delegate01', '/api/proposals?mine=true&pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const history = (await t.db.query(`SELECT event FROM proposal_history WHERE proposal_id = $1 ORDER BY seq`, [d.id])) as { event: string }[];
    expect(history.map((h) => h.event)).toEqual(['CREATE', 'DELETE']);

    const again = await api.draft();
    await api.ok('delegate01', again.id, 'SUBMIT');
    const back = await api.ok('delegate01', again.id, 'WITHDRAW');
    const refused = await api.delete('delegate01', `/api/proposals/${again.id}?expectedVersion=${back.version}`);
    expect(refused.status).toBe(409);
  });

  it('invites and removes co-signers while a draft', async () => {
    const d = await api.draft('delegate01', {}, []);
    const d4 = await api.people.id('delegate04');
    let r = await api.post('delegate01', `/api/proposals/${d.id}/cosigners`, { userIds: [d4], expectedVersion: 1 });
    expect(r.status).toBe(200);
    expect(r.body.cosigners).toEqual([expect.objectContaining({ status: 'invited', user: expect.objectContaining({ id: d4 }) })]);
    expect((await api.get('delegate04', `/api/proposals/${d.id}`)).status).toBe(200);
    r = await api.delete('delegate01', `/api/proposals/${d.id}/cosigners/${d4}?expectedVersion=${r.body.version}`);
    expect(r.status).toBe(200);
    expect(r.body.cosigners).toEqual([]);
    expect((await api.get('delegate04', `/api/proposals/${d.id}`)).status).toBe(404);
  });
});

describe('the list, search and similar proposals', () => {
  let t: TestApp;
  let api: Api;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    ids.handling = (await api.handling('jwc')).id;
    ids.library = (
      await api.submitted({
        title: '关于延长图书馆开放时间的提案',
        background: `${'图书馆晚间自习座位紧张，'.repeat(5)}期末尤其明显。`,
        suggestions: '建议考试周图书馆开放至二十三点，并增加自习室座位、照明设施与WiFi信号，方便教师备课。',
      })
    ).id;
    ids.replied = (await api.replied('hqc')).id;
    ids.draft = (await api.draft('delegate01', { title: '关于食堂伙食的草稿' })).id;
  });
  afterAll(() => t.close());

  const listIds = async (as: string, query: string) => {
    const res = await api.get(as, `/api/proposals?${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; state: string }[]; total: number };
  };

  it('filters by state prefix, department, session and mine, and pages with a total', async () => {
    const handling = await listIds('committee1', 'state=handling');
    expect(handling.items.map((i) => i.id)).toEqual([ids.handling]);
    expect(handling.items[0].state).toBe('handling.drafting');
    expect((await listIds('committee1', `departmentId=${await departmentId(t, 'hqc')}`)).items.map((i) => i.id)).toEqual([ids.replied]);
    expect((await listIds('committee1', `sessionId=${await sessionId(t)}`)).total).toBe(3);
    expect((await listIds('delegate01', 'mine=true')).total).toBe(4);
    const page = await listIds('committee1', 'pageSize=2&page=2&sort=createdAt');
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((i) => i.id)).toEqual([ids.replied]);
    // a full page, a page past the end, a first page with room to spare: the same total each time
    expect(await listIds('committee1', 'pageSize=2&page=1&sort=createdAt')).toMatchObject({ total: 3 });
    expect(await listIds('committee1', 'pageSize=2&page=3&sort=createdAt')).toEqual({ items: [], total: 3 });
    expect((await listIds('committee1', 'pageSize=3')).total).toBe(3);
    expect((await listIds('committee1', 'pageSize=4')).total).toBe(3);
    expect((await api.get('committee1', '/api/proposals?sort=secret')).status).toBe(400);
  });

  it('matches a state or the states under it, never a longer name, and keeps the order of each sort on every page', async () => {
    expect((await listIds('committee1', 'state=handling.drafting')).items.map((i) => i.id)).toEqual([ids.handling]);
    expect(await listIds('committee1', 'state=handlin')).toEqual({ items: [], total: 0 });
    expect(await listIds('committee1', 'state=handling.draft')).toEqual({ items: [], total: 0 });
    for (const sort of ['title', 'submittedAt', 'number']) {
      const up = (await listIds('committee1', `sort=${sort}`)).items.map((i) => i.id);
      expect(up).toHaveLength(3);
      const down = (await listIds('committee1', `sort=-${sort}`)).items.map((i) => i.id);
      // the library proposal, only submitted, has no number yet: last both ways (NULLS LAST)
      if (sort === 'number') {
        expect([up[2], down[2]]).toEqual([ids.library, ids.library]);
        expect(down.slice(0, 2)).toEqual(up.slice(0, 2).reverse());
      } else {
        expect(down).toEqual([...up].reverse());
      }
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(...(await listIds('committee1', `sort=${sort}&pageSize=1&page=${page}`)).items.map((i) => i.id));
      expect(pages).toEqual(up);
    }
  });

  it('shows a department only what is assigned to it, and lists overdue handling once the due date passes', async () => {
    expect((await listIds('jwc.handler', '')).items.map((i) => i.id)).toEqual([ids.handling]);
    expect((await listIds('leader1', '')).total).toBe(2);
    expect((await listIds('committee1', 'overdue=true')).total).toBe(0);
    // a list item (JSON built by PostgreSQL) is the detail's summary (built by the API), field for field
    const itemAndDetail = async (id: string) => {
      const item = (await listIds('committee1', 'pageSize=100')).items.find((i) => i.id === id) as Record<string, unknown>;
      const detail = (await api.get('committee1', `/api/proposals/${id}`)).body as Record<string, unknown>;
      return { item, summary: Object.fromEntries(Object.keys(item).map((k) => [k, detail[k]])) };
    };
    const before = await itemAndDetail(ids.handling);
    expect(Object.keys(before.item).sort()).toEqual(SUMMARY_FIELDS);
    expect(before.item).toEqual(before.summary);
    expect(before.item).toMatchObject({ overdue: false, dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(before.item.leadProposer).toMatchObject({ username: 'delegate01' });
    const library = await itemAndDetail(ids.library);
    expect(library.item).toEqual(library.summary);
    expect(library.item).toMatchObject({ number: null, dueAt: null, overdue: false });
    clock(t).advanceDays(61);
    try {
      expect((await listIds('committee1', 'overdue=true')).items.map((i) => i.id)).toEqual([ids.handling]);
      const after = await itemAndDetail(ids.handling);
      expect(after.item).toEqual(after.summary);
      expect(after.item.overdue).toBe(true);
    } finally {
      clock(t).reset();
    }
  });

  it("writes the records' dates as ISO 8601 in UTC with milliseconds, the instants stored", async () => {
    const detail = (await api.get('committee1', `/api/proposals/${ids.replied}`)).body as Record<string, Record<string, unknown>[]>;
    const [stored] = (await t.db.query(`SELECT (SELECT max(responded_at) FROM proposal_cosigners WHERE proposal_id = $1) AS responded,
        (SELECT min(created_at) FROM proposal_replies WHERE proposal_id = $1) AS replied`, [ids.replied])) as { responded: Date; replied: Date }[];
    expect(detail.replies[0].createdAt).toBe(stored.replied.toISOString());
    expect(detail.cosigners.map((c) => c.respondedAt)).toContain(stored.responded.toISOString());
    const dates = Object.values(detail)
      .filter(Array.isArray)
      .flat()
      .flatMap((r) => Object.entries(r as Record<string, unknown>).filter(([k, v]) => k.endsWith('At') && v !== null));
    expect(dates.length).toBeGreaterThan(3);
    for (const [, v] of dates) expect(v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('finds Chinese words anywhere in the title, background or suggestions', async () => {
    expect((await listIds('committee1', `q=${encodeURIComponent('图书馆')}`)).items.map((i) => i.id)).toEqual([ids.library]);
    expect((await listIds('committee1', `q=${encodeURIComponent('排队时间')}`)).total).toBe(2);
    expect((await listIds('committee1', `q=${encodeURIComponent('伙食')}`)).total).toBe(2);
    expect((await listIds('committee1', `q=${encodeURIComponent('不存在的词语')}`)).total).toBe(0);
    expect((await listIds('committee1', `q=${encodeURIComponent('100%')}`)).total).toBe(0);
    // words with letters are matched whatever their case (ILIKE); Chinese alone by LIKE, which finds the same
    for (const q of ['wifi', 'WIFI信号', 'Wi']) {
      expect((await listIds('committee1', `q=${encodeURIComponent(q)}`)).items.map((i) => i.id)).toEqual([ids.library]);
    }
    expect((await listIds('committee1', `q=${encodeURIComponent('wifi信号不')}`)).total).toBe(0);
  });

  const plan = async (q: string) => {
    const params: unknown[] = [];
    const where = searchCondition(q, (v) => `$${params.push(v)}`);
    const rows = (await t.db.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      return em.query(`EXPLAIN SELECT id FROM proposals p WHERE ${where}`, params);
    })) as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it('searches with the trigram index by LIKE and by ILIKE, and two characters with the bigram index', async () => {
    expect(await plan('图书馆')).toMatch(/proposals_text_trgm_idx[\s\S]*~~ '%图书馆%'/);
    expect(await plan('WiFi信号')).toMatch(/proposals_text_trgm_idx[\s\S]*~~\* '%WiFi信号%'/);
    expect(await plan('伙食')).toContain('proposals_text_bigram_idx');
    expect(await plan('Wi')).toContain('proposals_text_bigram_idx');
    // two characters anywhere, whatever their case, and nothing that is not there
    expect((await listIds('committee1', `q=${encodeURIComponent('wI')}`)).items.map((i) => i.id)).toEqual([ids.library]);
    expect((await listIds('committee1', `q=${encodeURIComponent('夜间')}`)).total).toBe(0);
    expect((await listIds('committee1', `q=${encodeURIComponent('0%')}`)).total).toBe(0);
    expect((await listIds('committee1', `q=${encodeURIComponent('明显')}`)).items.map((i) => i.id)).toEqual([ids.library]);
  });

  it('indexes every pair of adjacent characters of the lower-cased text, once', async () => {
    const pairs = (text: string) => {
      const chars = [...text.toLowerCase()];
      return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))].sort();
    };
    for (const text of ['', '停', '停车', '停车场', '图书馆 WiFi\n信号\t、。', '😀表情😀😀', 'ÄÖÜ äöü 100%_']) {
      const [{ bigrams }] = await t.db.query('SELECT proposal_text_bigrams($1) AS bigrams', [text]);
      expect([...bigrams].sort()).toEqual(pairs(text));
    }
  });

  it('ranks similar proposals of all sessions with their replies, for a title being typed and for a proposal', async () => {
    const typed = await api.get('delegate05', `/api/proposals/similar?title=${encodeURIComponent('改善食堂伙食')}`);
    expect(typed.status).toBe(200);
    // delegate05 sees only what is open to it: nothing under review, nothing unpublished
    expect(typed.body).toEqual([]);
    const forCommittee = await api.get('committee1', `/api/proposals/similar?title=${encodeURIComponent('改善食堂伙食')}`);
    const found = forCommittee.body.map((s: { id: string }) => s.id);
    expect(found).toEqual(expect.arrayContaining([ids.handling, ids.replied]));
    expect(found).not.toContain(ids.library);
    expect(found).not.toContain(ids.draft);
    const replied = forCommittee.body.find((s: { id: string }) => s.id === ids.replied);
    expect(replied.reply).toMatchObject({ grade: 'A' });
    expect(replied.score).toBeGreaterThan(0);
    const forProposal = await api.get('committee1', `/api/proposals/${ids.handling}/similar`);
    expect(forProposal.body.map((s: { id: string }) => s.id)).toEqual([ids.replied]);
    expect(TEXT.title).toContain('食堂');
  });

  it('documents every proposals route in OpenAPI', async () => {
    const doc = (await t.http().get('/api/docs-json')).body;
    for (const path of [
      '/api/proposals',
      '/api/proposals/similar',
      '/api/proposals/{id}',
      '/api/proposals/{id}/history',
      '/api/proposals/{id}/events',
      '/api/proposals/{id}/similar',
      '/api/proposals/{id}/cosigners',
      '/api/proposals/{id}/cosigners/{userId}',
      '/api/proposals/{id}/attachments',
      '/api/attachments/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas).toHaveProperty('SubmitReplyEventDto');
    expect(doc.components.schemas).toHaveProperty('ProposalDetailDto');
  });
});
