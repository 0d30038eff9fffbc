import type { Page, PublicProposal, PublicProposalSummary } from '@congress/api-types';
import { Api } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { buildDataset, Dataset } from './reports-dataset';

describe('the public portal: published proposals and the figures, no login, nothing else', () => {
  let t: TestApp;
  let api: Api;
  let d: Dataset;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    d = await buildDataset(t);
  }, 120_000);
  afterAll(() => t.close());

  const anon = (url: string) => t.http().get(url);

  it('lists only published proposals, with their reply grade and evaluation result, searchable and filtered', async () => {
    const res = await anon(`/api/public/proposals?sessionId=${d.s1}`);
    expect(res.status).toBe(200);
    const page = res.body as Page<PublicProposalSummary>;
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.id).sort()).toEqual([d.ids.pA, d.ids.pB].sort());
    const pA = page.items.find((p) => p.id === d.ids.pA) as PublicProposalSummary;
    expect(pA).toMatchObject({
      state: 'closed',
      grade: 'A',
      evaluation: 'satisfied',
      leadProposerName: '张伟',
      leadDepartment: { id: d.dept.jwc, name: '教务处', nameEn: 'Office of Academic Affairs' },
      category: { id: d.category, name: '后勤与校园建设' },
    });
    expect(pA.number).toMatch(/^\d{4}-\d{3}$/);

    expect((await anon(`/api/public/proposals?q=图书馆`)).body.items.map((p: { id: string }) => p.id)).toEqual([d.ids.pB]);
    expect((await anon(`/api/public/proposals?q=体检`)).body.total).toBe(0); // exists, not published
    expect((await anon(`/api/public/proposals?departmentId=${d.dept.hqc}`)).body.total).toBe(0);
    expect((await anon(`/api/public/proposals?categoryId=${d.category}&departmentId=${d.dept.jwc}`)).body.total).toBe(2);
    expect((await anon(`/api/public/proposals?sessionId=${d.s2}`)).body.total).toBe(0);
    // the total of a full page, of a page past the end and of a last page with room to spare
    expect((await anon(`/api/public/proposals?sessionId=${d.s1}&pageSize=1`)).body.total).toBe(2);
    expect((await anon(`/api/public/proposals?sessionId=${d.s1}&pageSize=1&page=4`)).body).toEqual({ items: [], total: 2 });
    expect((await anon(`/api/public/proposals?sessionId=${d.s1}&pageSize=1&page=2`)).body.total).toBe(2);
    expect((await anon(`/api/public/proposals?page=0`)).status).toBe(400);
  });

  it('shows a published proposal with its approved reply; 404 for anything unpublished', async () => {
    const res = await anon(`/api/public/proposals/${d.ids.pB}`);
    expect(res.status).toBe(200);
    const p = res.body as PublicProposal;
    expect(p).toMatchObject({ title: '关于延长图书馆开放时间的提案', grade: 'B', evaluation: 'basicallySatisfied', promiseFulfilled: true });
    expect([...p.cosignerNames].sort()).toEqual(['王芳', '李娜'].sort());
    expect(p.replies).toEqual([
      expect.objectContaining({ departmentName: '教务处', grade: 'B', content: '已列入下学期计划，考试周图书馆开放至23:00。', plannedAt: expect.any(String) }),
    ]);
    for (const id of [d.ids.pW, d.ids.draft, d.ids.pC, d.ids.pM, d.ids.pR, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      expect((await anon(`/api/public/proposals/${id}`)).status).toBe(404);
    }
    // unpublished again: gone from the portal
    await api.ok('committee1', d.ids.pB, 'UNPUBLISH');
    expect((await anon(`/api/public/proposals/${d.ids.pB}`)).status).toBe(404);
    await api.ok('committee1', d.ids.pB, 'PUBLISH');
  });

  it('keeps the totals of unsearched lists and the sessions’ published counts while the figure stamps hold, and counts again after a change', async () => {
    const total = async (filter: string) => (await anon(`/api/public/proposals?pageSize=1${filter}`).expect(200)).body.total as number;
    const published = async () =>
      new Map((await anon('/api/public/sessions').expect(200)).body.map((s: { id: string; publishedCount: number }) => [s.id, s.publishedCount]));
    const all = await total('');
    expect(await total(`&sessionId=${d.s1}`)).toBe(2);
    expect(await total(`&departmentId=${d.dept.jwc}`)).toBe(2);
    expect((await published()).get(d.s1)).toBe(2);
    // changed behind the triggers' back (with session_replication_role = replica no trigger fires): the stamps do
    // not move, so the totals kept are answered
    const quietly = (sql: string, params: unknown[]) =>
      t.db.transaction(async (em) => {
        await em.query(`SET LOCAL session_replication_role = replica`);
        await em.query(sql, params);
      });
    await quietly(`UPDATE proposals SET published = false WHERE id = $1`, [d.ids.pA]);
    expect(await total('')).toBe(all);
    expect(await total(`&sessionId=${d.s1}`)).toBe(2);
    expect((await published()).get(d.s1)).toBe(2);
    await quietly(`UPDATE proposals SET published = true WHERE id = $1`, [d.ids.pA]);
    // an UNPUBLISH moves its session's stamp: every list that counted it is counted again
    await api.ok('committee1', d.ids.pB, 'UNPUBLISH');
    expect(await total('')).toBe(all - 1);
    expect(await total(`&sessionId=${d.s1}`)).toBe(1);
    expect(await total(`&departmentId=${d.dept.jwc}`)).toBe(1);
    expect(await published()).toEqual(new Map([[d.s1, 1], [d.s2, 0]]));
    await api.ok('committee1', d.ids.pB, 'PUBLISH');
    expect(await total('')).toBe(all);
    expect(await total(`&sessionId=${d.s1}`)).toBe(2);
    expect(await published()).toEqual(new Map([[d.s1, 2], [d.s2, 0]]));
    // searches are counted each time (capped), as before
    expect((await anon(`/api/public/proposals?q=图书馆&pageSize=1`)).body.total).toBe(1);
  });

  it('moves a session’s figure stamp when a proposal is published or unpublished, or its co-handling departments change', async () => {
    const stamp = async () =>
      ((await t.db.query(`SELECT stamp::text AS s FROM figure_stamps WHERE session_id = $1`, [d.s1])) as { s: string }[])[0].s;
    const [{ co }] = (await t.db.query(`SELECT co_department_ids::text[] AS co FROM proposals WHERE id = $1`, [d.ids.pA])) as { co: string[] }[];
    const changes: [string, unknown[]][] = [
      [`UPDATE proposals SET co_department_ids = co_department_ids || $2::uuid WHERE id = $1`, [d.ids.pA, d.dept.hqc]],
      [`UPDATE proposals SET co_department_ids = $2::uuid[] WHERE id = $1`, [d.ids.pA, co]],
      [`UPDATE proposals SET published = false WHERE id = $1`, [d.ids.pA]],
      [`UPDATE proposals SET published = true WHERE id = $1`, [d.ids.pA]],
    ];
    for (const [sql, params] of changes) {
      const before = await stamp();
      await t.db.query(sql, params);
      expect({ sql, moved: (await stamp()) !== before }).toEqual({ sql, moved: true });
    }
    // what neither the figures nor the portal's lists read leaves it where it was
    const before = await stamp();
    await t.db.query(`UPDATE proposals SET contact_phone = contact_phone WHERE id = $1`, [d.ids.pA]);
    expect(await stamp()).toBe(before);
  });

  it('discloses the sessions, the figures and the department response times with the dashboard definitions', async () => {
    const sessions = await anon('/api/public/sessions');
    expect(sessions.status).toBe(200);
    expect(sessions.body.map((s: { id: string; publishedCount: number }) => [s.id, s.publishedCount])).toEqual([[d.s1, 2], [d.s2, 0]]);

    const figures = await anon(`/api/public/figures?sessionId=${d.s1}`);
    expect(figures.status).toBe(200);
    const committee = await api.get('committee1', `/api/reports/figures?sessionId=${d.s1}&by=department`);
    expect(figures.body.total).toEqual(committee.body.total);
    expect(figures.body.byDepartment).toEqual(committee.body.groups);
    expect(figures.body.byCategory.find((g: { id: string }) => g.id === d.category)).toMatchObject({ received: 6 });

    const times = await anon(`/api/public/departments/response-times?sessionId=${d.s1}`);
    expect(times.status).toBe(200);
    expect(times.body.find((r: { departmentId: string }) => r.departmentId === d.dept.hqc)).toEqual({
      departmentId: d.dept.hqc,
      name: '后勤管理处',
      nameEn: 'Logistics Management Office',
      assigned: 3,
      replied: 2,
      repliedOnTime: 2,
      onTimeRate: 1,
      overdueNow: 1,
      medianDaysToReply: 50,
      evaluated: 1,
      satisfactionRate: 0,
    });
    expect(times.body).toHaveLength(6);
  });

  it('leaks no phone, e-mail, username, internal comment, evaluation comment, draft or unpublished proposal through any public endpoint', async () => {
    const users = (await t.db.query(`SELECT username, email, phone FROM users`)) as { username: string; email: string; phone: string }[];
    const urls = [
      '/api/public/sessions',
      '/api/public/proposals',
      `/api/public/proposals?sessionId=${d.s1}&pageSize=50`,
      `/api/public/proposals?q=提案`,
      `/api/public/proposals/${d.ids.pA}`,
      `/api/public/proposals/${d.ids.pB}`,
      `/api/public/proposals/${d.ids.pW}`,
      `/api/public/proposals/${d.ids.draft}`,
      '/api/public/figures',
      `/api/public/figures?sessionId=${d.s2}`,
      '/api/public/departments/response-times',
    ];
    for (const url of urls) {
      const res = await anon(url);
      expect([200, 404]).toContain(res.status);
      const json = JSON.stringify(res.body);
      const never = [
        d.secrets.contactPhone, d.secrets.internalComment, d.secrets.evaluationComment, d.secrets.draftTitle,
        d.secrets.unpublishedTitle, 'contactPhone', 'phone', 'email', 'username', '@example.edu.cn', '电话沟通', '并未沟通',
        ...users.flatMap((u) => [u.email, u.phone]),
        ...users.map((u) => `"${u.username}"`),
      ];
      for (const secret of never) {
        if (json.includes(secret)) throw new Error(`${url} leaks ${secret}`);
      }
    }
  });

  it('needs no login for /api/public/*, while every documented report and export route still does', async () => {
    expect((await anon('/api/public/figures')).status).toBe(200);
    const doc = (await anon('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/public/sessions', '/api/public/proposals', '/api/public/proposals/{id}', '/api/public/figures',
      '/api/public/departments/response-times', '/api/reports/figures', '/api/reports/trends', '/api/reports/departments',
      '/api/exports/proposals.xlsx', '/api/exports/report.pdf',
    ]));
    const closed = paths.filter((p) => p.startsWith('/api/reports/') || p.startsWith('/api/exports/'));
    expect(closed.length).toBeGreaterThanOrEqual(9);
    for (const path of closed) expect({ path, status: (await anon(path)).status }).toEqual({ path, status: 401 });
  });

  it('documents every public answer in OpenAPI, and answers with no field the document does not name', async () => {
    type Schema = { $ref?: string; allOf?: Schema[]; type?: string; items?: Schema; properties?: Record<string, Schema>; nullable?: boolean };
    const doc = (await anon('/api/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (x: Schema): Schema => (x.$ref ? resolve(doc.components.schemas[x.$ref.split('/').pop() as string]) : x);
    /** The documented properties of an object schema, allOf merged. */
    const props = (x: Schema): Record<string, Schema> | null => {
      const r = resolve(x);
      if (r.allOf) return Object.assign({}, ...r.allOf.map((a) => props(a) ?? {}));
      return r.properties ?? null;
    };
    const undocumented = (value: unknown, schema: Schema, at: string): string[] => {
      const r = resolve(schema);
      if (value === null || typeof value !== 'object') return [];
      if (Array.isArray(value)) return r.items ? value.flatMap((v, i) => undocumented(v, r.items as Schema, `${at}[${i}]`)) : [`${at}: an array without items`];
      const known = props(r);
      if (!known) return [`${at}: an object without properties`];
      return Object.entries(value).flatMap(([k, v]) => (k in known ? undocumented(v, known[k], `${at}.${k}`) : [`${at}.${k}`]));
    };
    const publicGets = Object.entries(doc.paths).filter(([path, ops]) => path.startsWith('/api/public/') && ops.get);
    expect(publicGets.map(([path]) => path).sort()).toEqual([
      '/api/public/departments/response-times', '/api/public/figures', '/api/public/proposals', '/api/public/proposals/{id}', '/api/public/sessions',
    ]);
    const concrete: Record<string, string> = {
      '/api/public/proposals/{id}': `/api/public/proposals/${d.ids.pA}`,
      '/api/public/proposals': '/api/public/proposals?q=提案',
    };
    const wrong: string[] = [];
    for (const [path, ops] of publicGets) {
      const schema = ops.get?.responses['200']?.content?.['application/json']?.schema;
      if (!schema) {
        wrong.push(`${path}: no 200 schema`);
        continue;
      }
      const res = await anon(concrete[path] ?? path).expect(200);
      wrong.push(...undocumented(res.body, schema, path));
    }
    expect(wrong).toEqual([]);
  });
});
