import { HistoryService } from '../src/app/workflow/history.service';
import { verifyHistoryCommand } from '../src/app/workflow/verify-history';
import { Api } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('the history: append-only in the database, and tampering detectable', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
  });
  afterAll(() => t.close());

  it('chains each record to the previous one of its proposal', async () => {
    const p = await api.handling();
    const rows = (await t.db.query(`SELECT seq, prev_hash, hash FROM proposal_history WHERE proposal_id = $1 ORDER BY seq`, [p.id])) as {
      seq: number;
      prev_hash: string | null;
      hash: string;
    }[];
    expect(rows[0].prev_hash).toBeNull();
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    const { breaks, checked } = await t.app.get(HistoryService).verify();
    expect(breaks).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(rows.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of history records in the database itself', async () => {
    const p = await api.submitted();
    await expect(t.db.query(`UPDATE proposal_history SET comment = 'rewritten' WHERE proposal_id = $1`, [p.id])).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.db.query(`DELETE FROM proposal_history WHERE proposal_id = $1`, [p.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.db.query(`TRUNCATE proposal_history CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM proposal_history WHERE proposal_id = $1 AND comment = 'rewritten'`, [
      p.id,
    ])) as { n: number }[];
    expect(n).toBe(0);
  });

  it('finds a record forged behind the trigger’s back, a removed one and a cut-off end; the verify command exits 1 naming them', async () => {
    const forged = await api.replied();
    const cut = await api.submitted();
    const tail = await api.submitted();
    const intact = await api.submitted();
    // a superuser can switch the trigger off; the chain still gives the forgery away
    await t.db.query(`ALTER TABLE proposal_history DISABLE TRIGGER proposal_history_append_only`);
    try {
      await t.db.query(
        `UPDATE proposal_history SET payload = jsonb_set(payload, '{grade}', '"A+"') WHERE proposal_id = $1 AND event = 'SUBMIT_REPLY'`,
        [forged.id],
      );
      await t.db.query(`DELETE FROM proposal_history WHERE proposal_id = $1 AND seq = 2`, [cut.id]);
      await t.db.query(`DELETE FROM proposal_history WHERE proposal_id = $1 AND seq = (SELECT max(seq) FROM proposal_history WHERE proposal_id = $1)`, [tail.id]);
    } finally {
      await t.db.query(`ALTER TABLE proposal_history ENABLE TRIGGER proposal_history_append_only`);
    }
    const { breaks } = await t.app.get(HistoryService).verify({ pageSize: 3 });
    const byProposal = new Map(breaks.map((b) => [b.proposalId, b]));
    const seqOfReply = (await t.db.query(`SELECT seq FROM proposal_history WHERE proposal_id = $1 AND event = 'SUBMIT_REPLY'`, [forged.id]))[0].seq;
    expect(byProposal.get(forged.id)).toMatchObject({ seq: seqOfReply, problem: expect.stringMatching(/altered/) });
    expect(byProposal.get(cut.id)).toMatchObject({ seq: 3, problem: expect.stringMatching(/missing/) });
    expect(byProposal.get(tail.id)).toMatchObject({ problem: expect.stringMatching(/is submitted but its history ends in cosigning/) });
    expect(byProposal.has(intact.id)).toBe(false);
    expect(breaks).toHaveLength(3);

    const lines: string[] = [];
    const out = { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    expect(await verifyHistoryCommand(t.db, undefined, out)).toBe(1);
    expect(lines.join('\n')).toContain(`proposal ${forged.id}`);
    expect(lines.join('\n')).toContain(`proposal ${cut.id}`);
    expect(await verifyHistoryCommand(t.db, intact.id, out)).toBe(0);
  });
});
