import { HistoryService } from '../src/app/workflow/history.service';
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

  it('gives a converted suggestion a number of its own series (J)', async () => {
    const p = await api.submitted();
    const converted = await api.ok('committee1', p.id, 'CONVERT', { reason: '属于工作建议' });
    expect(converted).toMatchObject({ state: 'classified', kind: 'suggestion' });
    expect(converted.number).toMatch(/^\d{4}-J\d{2}$/);
  });
});
