import { initialState, type SessionRules } from '@congress/workflow';
import type { Response } from 'supertest';
import { SettableClock, CLOCK } from '../../src/app/workflow/clock';
import { HistoryService } from '../../src/app/workflow/history.service';
import type { TestApp } from './test-app';

/** Shared fixtures of the proposal tests: people, ids, texts, drafts and proposals brought to a state quickly. */

export const TEXT = {
  title: '关于改善学校食堂伙食质量的提案',
  background:
    '近年来学校教职工人数持续增加，食堂就餐高峰时段排队时间过长，菜品种类单一，价格逐年上涨，教职工反映强烈。' +
    '部分窗口卫生状况有待改善，晚餐供应时间过短，加班教师难以按时就餐。',
  suggestions: '一、增设教工专用窗口并延长晚餐供应时间；二、每月公开菜品价格与成本；三、建立教职工伙食监督小组定期检查。',
};

export class People {
  private tokens = new Map<string, string>();
  private ids = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = await this.t.login(username);
      this.tokens.set(username, token);
    }
    return token;
  }

  async id(username: string): Promise<string> {
    let id = this.ids.get(username);
    if (!id) {
      const rows = (await this.t.db.query(`SELECT id FROM users WHERE lower(username) = lower($1)`, [username])) as { id: string }[];
      if (!rows.length) throw new Error(`no user ${username}`);
      id = rows[0].id;
      this.ids.set(username, id);
    }
    return id;
  }
}

export async function sessionId(t: TestApp): Promise<string> {
  const rows = (await t.db.query(`SELECT id FROM congress_sessions ORDER BY is_current DESC, opens_at DESC LIMIT 1`)) as { id: string }[];
  return rows[0].id;
}

export async function departmentId(t: TestApp, code: string): Promise<string> {
  const rows = (await t.db.query(`SELECT id FROM departments WHERE code = $1`, [code])) as { id: string }[];
  return rows[0].id;
}

export async function categoryId(t: TestApp, name = '后勤与校园建设'): Promise<string> {
  const rows = (await t.db.query(`SELECT id FROM categories WHERE name = $1`, [name])) as { id: string }[];
  return rows[0].id;
}

export function clock(t: TestApp): SettableClock {
  return t.app.get(CLOCK) as SettableClock;
}

/** An API client bound to the test app and its people. */
export class Api {
  readonly people: People;
  constructor(readonly t: TestApp) {
    this.people = new People(t);
  }

  async get(as: string, url: string): Promise<Response> {
    return this.t.http().get(url).set('Authorization', `Bearer ${await this.people.token(as)}`);
  }

  async post(as: string, url: string, body: object): Promise<Response> {
    return this.t.http().post(url).set('Authorization', `Bearer ${await this.people.token(as)}`).send(body);
  }

  async patch(as: string, url: string, body: object): Promise<Response> {
    return this.t.http().patch(url).set('Authorization', `Bearer ${await this.people.token(as)}`).send(body);
  }

  async delete(as: string, url: string): Promise<Response> {
    return this.t.http().delete(url).set('Authorization', `Bearer ${await this.people.token(as)}`);
  }

  async version(id: string): Promise<number> {
    const rows = (await this.t.db.query(`SELECT version FROM proposals WHERE id = $1`, [id])) as { version: number }[];
    return rows[0].version;
  }

  /** Sends an event at the proposal's current version (read from the database) unless one is given. */
  async send(as: string, id: string, type: string, payload: object = {}, expectedVersion?: number): Promise<Response> {
    const version = expectedVersion ?? (await this.version(id));
    return this.post(as, `/api/proposals/${id}/events`, { type, expectedVersion: version, ...payload });
  }

  /** Like send(), but fails the test with the answer's body unless it is 200. */
  async ok(as: string, id: string, type: string, payload: object = {}): Promise<Response['body']> {
    const res = await this.send(as, id, type, payload);
    if (res.status !== 200) throw new Error(`${as} ${type}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A draft by `as` (delegate01 by default) with the usual text and, by default, delegate02/03 invited. */
  async draft(as = 'delegate01', overrides: Record<string, unknown> = {}, invite = ['delegate02', 'delegate03']): Promise<Response['body']> {
    const cosignerIds = await Promise.all(invite.map((u) => this.people.id(u)));
    const res = await this.post(as, '/api/proposals', { sessionId: await sessionId(this.t), ...TEXT, cosignerIds, ...overrides });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** draft → SUBMIT → both invited co-signers confirm → submitted. */
  async submitted(overrides: Record<string, unknown> = {}): Promise<Response['body']> {
    const d = await this.draft('delegate01', overrides);
    await this.ok('delegate01', d.id, 'SUBMIT');
    await this.ok('delegate02', d.id, 'COSIGN');
    return this.ok('delegate03', d.id, 'COSIGN');
  }

  /** submitted → ACCEPT → CLASSIFY → ASSIGN to `dept` (jwc by default). */
  async handling(dept = 'jwc', overrides: Record<string, unknown> = {}): Promise<Response['body']> {
    const p = await this.submitted(overrides);
    await this.ok('committee1', p.id, 'ACCEPT');
    await this.ok('committee1', p.id, 'CLASSIFY', { categoryId: await categoryId(this.t) });
    return this.ok('committee1', p.id, 'ASSIGN', { leadDepartmentId: await departmentId(this.t, dept) });
  }

  /** handling → grade-A reply approved by the head → replied. */
  async replied(dept = 'jwc'): Promise<Response['body']> {
    const p = await this.handling(dept);
    await this.ok(`${dept}.handler`, p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已增设教工窗口，晚餐延长至19:30。' });
    return this.ok(`${dept}.head`, p.id, 'APPROVE_REPLY');
  }
}

/**
 * `n` proposals of delegate01 put straight into `submitted` in the database (with their CREATE history record),
 * for tests that need many (concurrent accepts). The lifecycle up to there is covered by the HTTP tests.
 */
export async function insertSubmitted(t: TestApp, n: number): Promise<string[]> {
  const people = new People(t);
  const lead = await people.id('delegate01');
  const session = await sessionId(t);
  const [{ rules }] = (await t.db.query(`SELECT rules FROM congress_sessions WHERE id = $1`, [session])) as { rules: SessionRules }[];
  const history = t.app.get(HistoryService);
  const now = new Date();
  const context = { ...initialState(rules).context, submittedAt: now.toISOString(), confirmedCosigners: 2 };
  const ids: string[] = [];
  await t.db.transaction(async (em) => {
    for (let i = 0; i < n; i++) {
      const [{ id }] = (await em.query(
        `INSERT INTO proposals (session_id, title, background, suggestions, lead_proposer_id, state, context, submitted_at, cosigners_frozen_at)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $7) RETURNING id`,
        [session, `${TEXT.title}（${i + 1}）`, TEXT.background, TEXT.suggestions, lead, JSON.stringify(context), now],
      )) as { id: string }[];
      await history.append(em, { proposalId: id, fromState: null, toState: 'submitted', event: 'CREATE', actorId: lead, payload: { fixture: true }, comment: null, at: now });
      ids.push(id);
    }
  });
  return ids;
}
