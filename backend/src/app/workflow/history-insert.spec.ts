import { HistoryService, NewHistoryRecord } from './history.service';

describe('HistoryService: one record or a batch, the same rows', () => {
  const history = new HistoryService(null as never);
  const record = (proposalId: string, at: Date): NewHistoryRecord => ({
    proposalId,
    fromState: 'replied',
    toState: 'closed',
    event: 'EVALUATION_DEADLINE',
    actorId: null,
    payload: { note: '评价期满' },
    comment: null,
    at,
  });

  it('insertMany writes, column by column, what insert writes for each record after its own head', () => {
    const at = new Date('2026-12-01T15:59:59.999Z');
    const items = [
      { record: record('0b8f4a6e-6a43-4c1e-9d0e-4f7f2f1c1a01', at), head: { seq: 7, hash: 'a'.repeat(64) } },
      { record: record('0b8f4a6e-6a43-4c1e-9d0e-4f7f2f1c1a02', at), head: null },
    ];
    const columns = (history.insertMany(items)?.params ?? []) as unknown[][];
    expect(columns).toHaveLength(11);
    items.forEach(({ record: r, head }, i) => {
      expect(columns.map((column) => column[i])).toEqual(history.insert(r, head).params);
    });
    // the second record is its proposal's first: seq 1, no previous hash
    expect(columns[1][1]).toBe(1);
    expect(columns[9][1]).toBeNull();
  });

  it('writes nothing for no records', () => {
    expect(history.insertMany([])).toBeNull();
  });
});
