import { AuthUserService } from '../src/app/auth/auth-user.service';
import { HistoryService } from '../src/app/workflow/history.service';
import { WorkflowService } from '../src/app/workflow/workflow.service';
import { Api, insertSubmitted } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('the lifecycle under concurrent requests', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp({ dbPoolMax: 10 });
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('numbers 100 proposals accepted at once 1..100, without a gap or a repeat', async () => {
    const given = (await t.db.query(`SELECT coalesce(max(last), 0)::int AS n FROM proposal_number_counters WHERE series = 'P'`)) as { n: number }[];
    const before = given[0].n;
    expect(before).toBe(0);
    const ids = await insertSubmitted(t, 100);
    const token = await api.people.token('committee1');
    const answers = await Promise.all(
      ids.map((id) =>
        t.http().post(`/api/proposals/${id}/events`).set('Authorization', `Bearer ${token}`).send({ type: 'ACCEPT', expectedVersion: 1 }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const numbers = (await t.db.query(`SELECT number FROM proposals WHERE id = ANY($1::uuid[]) ORDER BY number`, [ids])) as { number: number }[];
    expect(numbers.map((n) => n.number)).toEqual(Array.from({ length: 100 }, (_, i) => before + i + 1));
    const labels = new Set(answers.map((a) => a.body.number as string));
    expect(labels.size).toBe(100);
    // across the session: every P number from 1 to the counter, each once
    const all = (await t.db.query(`SELECT number FROM proposals WHERE series = 'P' ORDER BY number`)) as { number: number }[];
    const [{ last }] = (await t.db.query(`SELECT last FROM proposal_number_counters WHERE series = 'P'`)) as { last: number }[];
    expect(last).toBe(before + 100);
    expect(all.map((n) => n.number)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  });

  it('lets exactly one of 50 conflicting events on one proposal through; the others get 409 and the history stays consistent', async () => {
    const p = await api.submitted();
    const token = await api.people.token('committee1');
    const kinds = ['ACCEPT', 'REJECT', 'CONVERT', 'RETURN'] as const;
    const payload = { ACCEPT: {}, REJECT: { reason: '重复' }, CONVERT: { reason: '转为意见建议' }, RETURN: { comment: '请修改' } };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const type = kinds[i % kinds.length];
        return t
          .http()
          .post(`/api/proposals/${p.id}/events`)
          .set('Authorization', `Bearer ${token}`)
          .send({ type, expectedVersion: p.version, ...payload[type] });
      }),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.currentVersion).toBe(p.version + 1);

    const history = (await api.get('committee1', `/api/proposals/${p.id}/history`)).body as { seq: number; event: string }[];
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((h) => kinds.includes(h.event as (typeof kinds)[number]))).toHaveLength(1);
    expect(await api.version(p.id)).toBe(p.version + 1);
    const { breaks } = await t.app.get(HistoryService).verify({ proposalId: p.id });
    expect(breaks).toEqual([]);
  });

  it('applies 40 comments sent at once to one proposal, each exactly once, in one unbroken history', async () => {
    // COMMENT writes only new rows, so each is first tried without the row lock; those that meet another's
    // change fall back to the locked path (WorkflowService). None may be lost, doubled or chained twice.
    // (Sent to the service without expectedVersion, as the job queue sends events: over HTTP, one would win.)
    const p = await api.submitted();
    const committee = await t.app.get(AuthUserService).load(await api.people.id('committee1'));
    if (!committee) throw new Error('committee1 is not in the demo university');
    const workflow = t.app.get(WorkflowService);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => workflow.apply(p.id, { type: 'COMMENT', content: `意见 ${i}` }, committee)),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'fulfilled'));
    expect(await api.version(p.id)).toBe(p.version + 40);
    const comments = (await t.db.query(`SELECT content FROM proposal_comments WHERE proposal_id = $1`, [p.id])) as { content: string }[];
    expect(comments.map((c) => c.content).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `意见 ${i}`).sort());
    const history = (await api.get('committee1', `/api/proposals/${p.id}/history`)).body as { seq: number; event: string }[];
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((h) => h.event === 'COMMENT')).toHaveLength(40);
    const { breaks } = await t.app.get(HistoryService).verify({ proposalId: p.id });
    expect(breaks).toEqual([]);
  });

  it('fails the whole statement, new rows included, when proposal_next_version finds the row moved on', async () => {
    const p = await api.submitted();
    const write = (expected: number) =>
      t.db.query(
        `WITH c AS (INSERT INTO proposal_comments (proposal_id, author_id, content)
                      SELECT id, lead_proposer_id, 'x' FROM proposals WHERE id = $1)
         UPDATE proposals SET version = proposal_next_version(id, version, $2) WHERE id = $1 RETURNING version`,
        [p.id, expected],
      );
    await expect(write(p.version - 1)).rejects.toMatchObject({ driverError: { code: '40001' } });
    const count = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM proposal_comments WHERE proposal_id = $1`, [p.id])) as { n: number }[])[0].n;
    expect(await count()).toBe(0);
    expect(await api.version(p.id)).toBe(p.version);
    await expect(write(p.version)).resolves.toEqual([[{ version: p.version + 1 }], 1]);
    expect(await count()).toBe(1);
  });

  it('gives a converted suggestion a number of its own series (J)', async () => {
    const p = await api.submitted();
    const converted = await api.ok('committee1', p.id, 'CONVERT', { reason: '属于工作建议' });
    expect(converted).toMatchObject({ state: 'classified', kind: 'suggestion' });
    expect(converted.number).toMatch(/^\d{4}-J\d{2}$/);
  });
});
