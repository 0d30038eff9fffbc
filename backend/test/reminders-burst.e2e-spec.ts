import { RemindersProcessor } from '../src/app/reminders/reminders.processor';
import { HistoryService } from '../src/app/workflow/history.service';
import { Api } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';
import {
  anotherApp,
  AppLike,
  at,
  clockOf,
  FAST_JOBS,
  ledgerOf,
  LedgerRowView,
  notificationsOf,
  scheduledStep,
  settle,
  startFastApp,
  waitFor,
} from './reminders-harness';

/**
 * Deadlines due at one instant (every evaluation deadline of a day is its 23:59:59.999) are swept in batches:
 * one transaction takes the due rows, applies their events together through WorkflowService#applySystemEvents and
 * finishes the rows; the jobs of those rows then find them done. Each event must be exactly what it would have been
 * alone: one history record chained to the one before, the notices, the ledger's outcome.
 */
describe('a burst of deadlines is applied in batches, each event as if alone', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await startFastApp(null);
    api = new Api(t);
  });
  afterAll(() => t.close());
  beforeEach(() => clockOf(t).reset());

  const historyOf = async (id: string) =>
    (await t.db.query(`SELECT event, from_state AS "from", to_state AS "to", actor_id AS "actorId" FROM proposal_history WHERE proposal_id = $1 ORDER BY seq`, [
      id,
    ])) as { event: string; from: string; to: string; actorId: string | null }[];

  it('two workers sweep one instant together: each due deadline applied once, a moved one left obsolete, chains intact, notices sent', async () => {
    const proposals = [await api.replied('kyc'), await api.replied('jwc'), await api.replied('cwc')];
    const rows = await Promise.all(proposals.map((p) => scheduledStep(t, p.id, 'evaluationDeadline', 'deadline')));
    const due = new Date(Math.max(...rows.map((r) => r.runAt.getTime())));
    // the relay done: the co-sign deadlines these proposals passed are cancelled, not left for the sweep
    await settle(t);
    // the third one's deadline moved a day on, and the relay has not caught up: its row names a deadline it no longer has
    const moved = new Date(Date.parse(proposals[2].evaluationDeadline) + 86_400_000).toISOString();
    await t.db.query(`UPDATE proposals SET context = jsonb_set(context, '{evaluationDeadline}', to_jsonb($2::text)) WHERE id = $1`, [proposals[2].id, moved]);
    // a second worker process on the same database and Redis prefix (started now: the proposals' effects were
    // relayed by one process, so their co-sign deadlines were cancelled in order and only these three are due)
    const other = await anotherApp(t, { workerMode: 'inline', jobs: FAST_JOBS });
    try {
      await sweepTogether(other, proposals, rows, due, moved);
    } finally {
      await other.close();
    }
  });

  /** The first case from the sweeps on, with the second worker `other` up: the three rows, `moved` the third's new deadline. */
  async function sweepTogether(
    other: AppLike,
    proposals: { id: string; version: number }[],
    rows: LedgerRowView[],
    due: Date,
    moved: string,
  ): Promise<void> {
    // both processes' clocks at the instant, no reconcile (nothing handed to BullMQ): the sweeps alone
    clockOf(t).set(due);
    clockOf(other).set(due);
    const taken = await Promise.all([t.app.get(RemindersProcessor).sweepBatch(), other.app.get(RemindersProcessor).sweepBatch()]);
    expect(taken[0] + taken[1]).toBe(3);

    for (const p of proposals.slice(0, 2)) {
      const [row] = (await t.db.query(`SELECT state, evaluation, version FROM proposals WHERE id = $1`, [p.id])) as { state: string; evaluation: string; version: number }[];
      expect(row).toEqual({ state: 'closed', evaluation: 'none', version: p.version + 1 });
      const history = await historyOf(p.id);
      expect(history.filter((h) => h.event === 'EVALUATION_DEADLINE')).toEqual([{ event: 'EVALUATION_DEADLINE', from: 'replied', to: 'closed', actorId: null }]);
      expect((await t.app.get(HistoryService).verify({ proposalId: p.id })).breaks).toEqual([]);
      expect((await ledgerOf(t, p.id, 'evaluationDeadline'))[0]).toMatchObject({ status: 'done', outcome: 'EVALUATION_DEADLINE: replied → closed' });
    }
    const [obsolete] = await ledgerOf(t, proposals[2].id, 'evaluationDeadline');
    expect(obsolete).toMatchObject({ jobId: rows[2].jobId, status: 'obsolete', outcome: `the reason is gone (now replied, evaluationDeadline on ${moved})` });
    expect((await t.db.query(`SELECT state FROM proposals WHERE id = $1`, [proposals[2].id]))[0].state).toBe('replied');

    // the jobs of the swept rows, run now, find them done and change nothing
    await at(due, t, other);
    await settle(t);
    for (const p of proposals.slice(0, 2)) {
      expect((await historyOf(p.id)).filter((h) => h.event === 'EVALUATION_DEADLINE')).toHaveLength(1);
      const lapsed = await waitFor(async () => {
        const n = await notificationsOf(t, p.id, 'evaluationLapsed');
        return n.length >= 3 && n;
      }, 'the evaluationLapsed notices');
      expect(lapsed).toHaveLength(3);
    }
    // the moved one: its old row stays obsolete; the reconciler scheduled the new deadline
    expect((await ledgerOf(t, proposals[2].id, 'evaluationDeadline')).map((r) => [r.jobId === rows[2].jobId, r.status])).toEqual([
      [true, 'obsolete'],
      [false, 'scheduled'],
    ]);
    expect(await notificationsOf(t, proposals[2].id, 'evaluationLapsed')).toEqual([]);
  }

  it('a sweep takes only what is due by the clock, and nothing twice', async () => {
    const p = await api.replied('kyc');
    const row = await scheduledStep(t, p.id, 'evaluationDeadline', 'deadline');
    await settle(t);
    const sweep = () => t.app.get(RemindersProcessor).sweepBatch();
    const evaluationDeadline = async () => (await ledgerOf(t, p.id, 'evaluationDeadline'))[0];
    clockOf(t).set(new Date(row.runAt.getTime() - 1));
    await sweep();
    expect((await evaluationDeadline()).status).toBe('scheduled');
    clockOf(t).set(row.runAt);
    expect(await sweep()).toBe(1);
    expect(await evaluationDeadline()).toMatchObject({ status: 'done', outcome: 'EVALUATION_DEADLINE: replied → closed' });
    expect(await sweep()).toBe(0);
    expect((await historyOf(p.id)).filter((h) => h.event === 'EVALUATION_DEADLINE')).toHaveLength(1);
    expect((await t.db.query(`SELECT state FROM proposals WHERE id = $1`, [p.id]))[0].state).toBe('closed');
  });
});
