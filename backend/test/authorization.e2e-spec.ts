import { CONTACT_METHODS, EVENT_POLICY, type EventType } from '@congress/workflow';
import { Api, categoryId, departmentId, sessionId, TEXT } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The authorization suite (issue 8): every route of the OpenAPI document tried anonymously and by roles that may
 * not; objects of other delegates and other departments (broken object level authorization); every event of the
 * policy table sent by an unrelated delegate and an unrelated department on proposals in states that take it
 * (broken function level authorization); and bodies that try to set what the server decides (mass assignment).
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
}

/** Answer without a login (domain.md: public portal, login, health with its liveness and readiness probes, docs); logout is harmless without one. */
const PUBLIC = [/^\/api\/public\//, /^\/api\/auth\/login$/, /^\/api\/auth\/logout$/, /^\/api\/health(\/live|\/ready)?$/];

/** Routes only some roles may use, and users whose roles do not include them. */
const ROLE_ONLY: { match: (r: Route) => boolean; roles: string; refused: string[] }[] = [
  { match: (r) => r.path.startsWith('/api/admin/'), roles: 'admin', refused: ['delegate01', 'committee1', 'jwc.head', 'leader1'] },
  { match: (r) => r.path.startsWith('/api/exports/'), roles: 'committee', refused: ['delegate01', 'jwc.handler', 'leader1', 'admin'] },
  { match: (r) => r.path.startsWith('/api/reports/'), roles: 'committee, leader', refused: ['delegate01', 'jwc.head', 'admin'] },
  { match: (r) => r.path === '/api/notifications/log', roles: 'committee, admin', refused: ['delegate01', 'jwc.handler', 'leader1'] },
  { match: (r) => r.path === '/api/proposal-requests', roles: 'committee, department staff', refused: ['delegate01', 'leader1', 'admin'] },
  { match: (r) => r.method === 'post' && r.path === '/api/proposals', roles: 'delegate', refused: ['jwc.handler', 'committee1', 'admin'] },
];

/** Routes any signed-in user may call; what each may see or do is decided per object (tested below). */
const SIGNED_IN = new Set([
  'get /api/me', 'patch /api/me', 'post /api/me/password', 'get /api/users', 'get /api/sessions', 'get /api/sessions/current',
  'get /api/categories', 'get /api/departments', 'get /api/calendar/deadline', 'get /api/proposals', 'get /api/proposals/similar', 'get /api/proposals/{id}',
  'patch /api/proposals/{id}', 'delete /api/proposals/{id}', 'post /api/proposals/{id}/cosigners',
  'delete /api/proposals/{id}/cosigners/{userId}', 'get /api/proposals/{id}/history', 'get /api/proposals/{id}/similar',
  'post /api/proposals/{id}/events', 'post /api/proposals/{id}/attachments', 'get /api/attachments/{id}',
  'delete /api/attachments/{id}', 'get /api/notifications', 'post /api/notifications/read-all', 'post /api/notifications/{id}/read',
]);

const SYSTEM_ONLY: EventType[] = ['COSIGN_DEADLINE', 'EVALUATION_DEADLINE'];
const uuid = () => '7d3c2a10-0000-4000-8000-' + Math.floor(Math.random() * 1e12).toString().padStart(12, '0');
const concrete = (path: string) => path.replace(/\{day\}/g, '2026-10-01').replace(/\{\w+\}/g, () => uuid());

describe('authorization', () => {
  let t: TestApp;
  let api: Api;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method as Method, path })));
  });
  afterAll(() => t.close());

  async function call(as: string | null, r: Route, body: object = {}) {
    const token = as ? await api.people.token(as) : null;
    let req = t.http()[r.method](concrete(r.path));
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (r.method !== 'get' && r.method !== 'delete') req = req.send(body);
    return req;
  }

  describe('from the OpenAPI document', () => {
    it('classifies every documented route (a new route must say who may use it)', () => {
      expect(routes.length).toBeGreaterThan(60);
      const unclassified = routes.filter(
        (r) => !PUBLIC.some((p) => p.test(r.path)) && !ROLE_ONLY.some((o) => o.match(r)) && !SIGNED_IN.has(`${r.method} ${r.path}`),
      );
      expect(unclassified.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });

    it('answers 401 to anonymous callers everywhere except the public portal, login, logout and health', async () => {
      const wrong: string[] = [];
      for (const r of routes) {
        if (PUBLIC.some((p) => p.test(r.path))) continue;
        const res = await call(null, r);
        if (res.status !== 401) wrong.push(`${r.method} ${r.path} → ${res.status}`);
        const forged = await t.http()[r.method](concrete(r.path)).set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
        if (forged.status !== 401) wrong.push(`${r.method} ${r.path} with a forged token → ${forged.status}`);
      }
      expect(wrong).toEqual([]);
      await t.http().get('/api/docs-json').expect(200);
      await t.http().get('/api/health').expect((res) => expect([200, 503]).toContain(res.status));
    });

    it('answers 403 to signed-in users whose roles do not allow a role-only route', async () => {
      const wrong: string[] = [];
      let tried = 0;
      for (const r of routes) {
        const rule = ROLE_ONLY.find((o) => o.match(r));
        if (!rule) continue;
        for (const who of rule.refused) {
          tried++;
          const res = await call(who, r, { sessionId: await sessionId(t), ...TEXT });
          if (res.status !== 403) wrong.push(`${who} ${r.method} ${r.path} → ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(tried).toBeGreaterThan(100);
    });
  });

  describe('objects of other delegates and other departments', () => {
    it('keeps a draft to its lead proposer and invited co-signers', async () => {
      const draft = await api.draft('delegate01');
      for (const who of ['delegate10', 'delegate05', 'jwc.handler', 'leader1']) {
        const id = draft.id as string;
        expect((await api.get(who, `/api/proposals/${id}`)).status).toBe(404);
        expect((await api.get(who, `/api/proposals/${id}/history`)).status).toBe(404);
        expect((await api.get(who, `/api/proposals/${id}/similar`)).status).toBe(404);
        const v = draft.version as number;
        expect([403, 404]).toContain((await api.patch(who, `/api/proposals/${id}`, { title: '被人改了', expectedVersion: v })).status);
        const invite = { userIds: [await api.people.id(who)], expectedVersion: v };
        expect([403, 404]).toContain((await api.post(who, `/api/proposals/${id}/cosigners`, invite)).status);
        expect([403, 404]).toContain((await api.delete(who, `/api/proposals/${id}?expectedVersion=${v}`)).status);
        const list = (await api.get(who, '/api/proposals?pageSize=100')).body;
        expect(list.items.map((p: { id: string }) => p.id)).not.toContain(id);
      }
      // an invited co-signer may read it, not edit it
      expect((await api.get('delegate02', `/api/proposals/${draft.id}`)).status).toBe(200);
      const edit = { title: '被人改了', expectedVersion: draft.version };
      expect([403, 404]).toContain((await api.patch('delegate02', `/api/proposals/${draft.id}`, edit)).status);
      const after = (await api.get('delegate01', `/api/proposals/${draft.id}`)).body;
      expect(after).toMatchObject({ title: TEXT.title, state: 'draft', version: draft.version });
    });

    it('keeps a proposal in handling, and its attachments, from departments it is not assigned to', async () => {
      const p = await api.handling('jwc');
      const upload = await t.http().post(`/api/proposals/${p.id}/attachments`)
        .set('Authorization', `Bearer ${await api.people.token('jwc.handler')}`)
        .attach('file', Buffer.from('办理记录：已与提案人电话沟通。\n'), { filename: '记录.txt', contentType: 'text/plain' });
      expect(upload.status).toBe(201);
      for (const who of ['cwc.handler', 'cwc.head', 'delegate10']) {
        expect((await api.get(who, `/api/proposals/${p.id}`)).status).toBe(404);
        expect((await api.get(who, `/api/proposals/${p.id}/history`)).status).toBe(404);
        expect((await api.get(who, `/api/attachments/${upload.body.id}`)).status).toBe(404);
        expect([403, 404]).toContain((await api.delete(who, `/api/attachments/${upload.body.id}`)).status);
        const up = await t.http().post(`/api/proposals/${p.id}/attachments`).set('Authorization', `Bearer ${await api.people.token(who)}`)
          .attach('file', Buffer.from('x\n'), { filename: 'x.txt', contentType: 'text/plain' });
        expect([403, 404]).toContain(up.status);
        const list = (await api.get(who, `/api/proposals?state=handling&pageSize=100`)).body;
        expect(list.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
      }
      expect((await api.get('jwc.head', `/api/attachments/${upload.body.id}`)).status).toBe(200);
    });
  });

  describe('every event of the policy table, by those it does not name', () => {
    it('never lets an unrelated delegate or an unrelated department send an event, in states that take it', async () => {
      const category = await categoryId(t);
      const jwc = await departmentId(t, 'jwc');
      const cwc = await departmentId(t, 'cwc');
      const other = await api.submitted();
      const draft = await api.draft('delegate01');
      const cosigning = await api.draft('delegate01');
      await api.ok('delegate01', cosigning.id, 'SUBMIT');
      const submitted = await api.submitted();
      const accepted = await api.submitted();
      await api.ok('committee1', accepted.id, 'ACCEPT');
      const classified = await api.submitted();
      await api.ok('committee1', classified.id, 'ACCEPT');
      await api.ok('committee1', classified.id, 'CLASSIFY', { categoryId: category });
      const handling = await api.handling('jwc');
      await api.ok('jwc.handler', handling.id, 'LOG_CONTACT', { method: CONTACT_METHODS[0], content: '电话沟通', contactedAt: new Date().toISOString() });
      await api.ok('jwc.handler', handling.id, 'REQUEST_EXTENSION', { dueAt: new Date(Date.now() + 120 * 86400e3).toISOString(), reason: '需要调研' });
      const cohandled = await api.submitted();
      await api.ok('committee1', cohandled.id, 'ACCEPT');
      await api.ok('committee1', cohandled.id, 'CLASSIFY', { categoryId: category });
      await api.ok('committee1', cohandled.id, 'ASSIGN', { leadDepartmentId: jwc, coDepartmentIds: [await departmentId(t, 'rsc')] });
      const reassign = await api.handling('jwc');
      await api.ok('jwc.handler', reassign.id, 'REQUEST_REASSIGNMENT', { reason: '不属本处职责' });
      const review = await api.handling('jwc');
      await api.ok('jwc.handler', review.id, 'SUBMIT_REPLY', { grade: 'B', content: '正在解决。', plannedAt: new Date(Date.now() + 30 * 86400e3).toISOString() });
      const replied = await api.replied('jwc');
      const disputed = await api.replied('jwc');
      await api.ok('delegate01', disputed.id, 'EVALUATE', { satisfaction: 'unsatisfied' });
      const closed = await api.replied('jwc');
      await api.ok('delegate01', closed.id, 'EVALUATE', { satisfaction: 'satisfied' });
      const published = await api.replied('jwc');
      await api.ok('delegate01', published.id, 'EVALUATE', { satisfaction: 'satisfied' });
      await api.ok('committee1', published.id, 'PUBLISH');
      const key = await api.submitted();
      await api.ok('committee1', key.id, 'ACCEPT');
      await api.ok('committee1', key.id, 'MARK_KEY');
      const promised = await api.handling('jwc');
      await api.ok('jwc.handler', promised.id, 'SUBMIT_REPLY', { grade: 'B', content: '列入计划。', plannedAt: new Date(Date.now() + 30 * 86400e3).toISOString() });
      await api.ok('jwc.head', promised.id, 'APPROVE_REPLY');
      await api.ok('delegate01', promised.id, 'EVALUATE', { satisfaction: 'basicallySatisfied' });
      // a session that asks for the delegation head's approval first: proposals drafted from now on wait for it
      await t.db.query(`UPDATE congress_sessions SET rules = rules || '{"delegationApproval": true}'::jsonb WHERE id = $1`, [await sessionId(t)]);
      const delegationReview = await api.submitted();
      await t.db.query(`UPDATE congress_sessions SET rules = rules || '{"delegationApproval": false}'::jsonb WHERE id = $1`, [await sessionId(t)]);
      const proposals = { draft, cosigning, submitted, accepted, classified, handling, cohandled, reassign, review, replied, disputed, closed,
        published, key, promised, delegationReview };

      const contacts = (await t.db.query(`SELECT id FROM proposal_contacts WHERE proposal_id = $1`, [handling.id]).catch(() => [])) as { id: string }[];
      const contactId = contacts[0]?.id ?? uuid();
      const now = new Date().toISOString();
      const payload: Record<EventType, object> = {
        SUBMIT: {}, WITHDRAW: {}, COSIGN: {}, DECLINE_COSIGN: {}, COSIGN_DEADLINE: {}, APPROVE: {}, RETURN: { comment: '退回' },
        ACCEPT: {}, REJECT: { reason: '不予立案' }, MERGE: { targetId: other.id }, CONVERT: { reason: '转为建议' },
        CLASSIFY: { categoryId: category }, ASSIGN: { leadDepartmentId: cwc }, REASSIGN: { leadDepartmentId: cwc },
        REQUEST_REASSIGNMENT: { reason: '改办' }, DENY_REASSIGNMENT: {}, REQUEST_EXTENSION: { dueAt: new Date(Date.now() + 200 * 86400e3).toISOString(), reason: '延期' },
        APPROVE_EXTENSION: {}, DENY_EXTENSION: {}, CONTRIBUTE: { content: '协办意见' },
        LOG_CONTACT: { method: CONTACT_METHODS[0], content: '沟通', contactedAt: now }, CONFIRM_CONTACT: { contactId }, DISPUTE_CONTACT: { contactId },
        SUBMIT_REPLY: { grade: 'A', content: '已解决' }, APPROVE_REPLY: {}, SEND_BACK: { comment: '重写' },
        EVALUATE: { satisfaction: 'satisfied' }, EVALUATION_DEADLINE: {}, REHANDLE: { comment: '重新办理' }, CLOSE: { reason: '办结' },
        PUBLISH: {}, UNPUBLISH: {}, MARK_EXCELLENT: {}, MARK_KEY: {}, UNMARK_KEY: {}, PROGRESS_UPDATE: { content: '进展' },
        FULFIL: {}, URGE: {}, COMMENT: { content: '评论' },
      };

      // which events each proposal's state takes, as the people entitled to them see it
      const rightful = ['delegate01', 'delegate02', 'delegate03', 'committee1', 'jwc.handler', 'jwc.head', 'rsc.handler', 'leader1'];
      const takes = new Map<string, Set<string>>();
      for (const [name, p] of Object.entries(proposals)) {
        const set = new Set<string>();
        for (const who of rightful) {
          const res = await api.get(who, `/api/proposals/${p.id}`);
          if (res.status === 200) for (const e of res.body.availableEvents as string[]) set.add(e);
        }
        takes.set(name, set);
      }
      const covered = new Set([...takes.values()].flatMap((s) => [...s]));
      const types = Object.keys(EVENT_POLICY) as EventType[];
      // every event a person may send is taken by at least one of these states
      expect(types.filter((e) => !SYSTEM_ONLY.includes(e) && !covered.has(e))).toEqual([]);

      const intruders = ['delegate10', 'cwc.handler', 'cwc.head'];
      await Promise.all(intruders.map((who) => api.people.token(who)));
      const wrong: string[] = [];
      let tried = 0;
      // the proposals side by side (nothing may change, so nothing can conflict), each one's events in turn
      await Promise.all(
        Object.entries(proposals).map(async ([name, p]) => {
          const before = await api.version(p.id);
          for (const type of types) {
            for (const who of intruders) {
              const policy = EVENT_POLICY[type] as readonly string[];
              if (who.startsWith('delegate') && policy.includes('anyDelegate')) continue; // any delegate may co-sign
              const res = await api.send(who, p.id, type, payload[type], before);
              tried++;
              const inState = takes.get(name)!.has(type) || SYSTEM_ONLY.includes(type);
              const refused = inState ? [403, 404].includes(res.status) : [403, 404, 409].includes(res.status);
              if (!refused) wrong.push(`${who} ${type} on ${name} → ${res.status} ${res.body?.message ?? ''}`);
            }
          }
          if ((await api.version(p.id)) !== before) wrong.push(`${name} changed (version ${before} → ${await api.version(p.id)})`);
        }),
      );
      expect(wrong).toEqual([]);
      expect(tried).toBeGreaterThan(1000);
    }, 300_000);
  });

  describe('mass assignment', () => {
    it('refuses a draft body that tries to set state, number, version, proposer, department or roles', async () => {
      const base = { sessionId: await sessionId(t), ...TEXT };
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM proposals`)) as [{ n: number }];
      const attempts: object[] = [
        { state: 'closed' }, { number: '2026-001' }, { version: 99 }, { leadProposerId: await api.people.id('delegate05') },
        { departmentId: await departmentId(t, 'jwc') }, { leadDepartmentId: await departmentId(t, 'jwc') }, { roles: ['admin'] },
        { published: true }, { kind: 'suggestion' }, { id: uuid() }, { context: { confirmedCosigners: 9 } }, { excellent: true },
      ];
      for (const extra of attempts) {
        const res = await api.post('delegate01', '/api/proposals', { ...base, ...extra });
        expect([res.status, Object.keys(extra)[0]]).toEqual([400, Object.keys(extra)[0]]);
      }
      const after = (await t.db.query(`SELECT count(*)::int AS n FROM proposals`)) as [{ n: number }];
      expect(after[0].n).toBe(before[0].n);

      const draft = await api.draft('delegate01');
      for (const extra of attempts) {
        const res = await api.patch('delegate01', `/api/proposals/${draft.id}`, { title: '改标题', expectedVersion: draft.version, ...extra });
        expect([400, 409]).toContain(res.status);
      }
      const stored = (await api.get('delegate01', `/api/proposals/${draft.id}`)).body;
      expect(stored).toMatchObject({ state: 'draft', version: draft.version, number: null, title: TEXT.title });
    });

    it('refuses events that carry fields of another kind (state, version, actor)', async () => {
      const p = await api.submitted();
      for (const extra of [{ state: 'closed' }, { version: 1 }, { actor: { id: 'x', roles: ['committee'] } }, { leadDepartmentId: uuid() }, { number: '2026-999' }]) {
        const res = await api.send('delegate01', p.id, 'COMMENT', { content: '补充说明', ...extra });
        expect(res.status).toBe(400);
      }
      const after = (await api.get('committee1', `/api/proposals/${p.id}`)).body;
      expect(after).toMatchObject({ state: p.state, version: p.version, number: null });
    });

    it('refuses a self-service profile change that tries to grant roles or move the user', async () => {
      for (const extra of [{ roles: ['admin'] }, { delegationId: uuid() }, { active: true }, { tokenVersion: 0 }, { username: 'admin' }]) {
        expect((await api.patch('delegate06', '/api/me', { language: 'en', ...extra })).status).toBe(400);
      }
      const me = (await api.get('delegate06', '/api/me')).body;
      expect(me).toMatchObject({ username: 'delegate06', roles: ['delegate'], language: 'zh-CN' });
      expect((await api.post('delegate06', '/api/me/password', { currentPassword: 'demo12345', newPassword: 'another2026', roles: ['admin'] })).status).toBe(400);
    });

    it('refuses admin bodies with fields the server keeps (password hash, token version, ids)', async () => {
      const target = await api.people.id('delegate07');
      const user = (await api.get('admin', `/api/admin/users/${target}`)).body;
      for (const extra of [{ passwordHash: 'x' }, { tokenVersion: 0 }, { id: uuid() }, { hasPassword: false }, { createdAt: '2020-01-01T00:00:00Z' }]) {
        const res = await api.patch('admin', `/api/admin/users/${target}`, { version: user.version, displayName: '改名', ...extra });
        expect(res.status).toBe(400);
      }
      expect((await api.get('admin', `/api/admin/users/${target}`)).body).toMatchObject({ version: user.version, displayName: user.displayName });
    });
  });
});
