import { canonicalJson, historyHash, HashedRecord } from './history-hash';

const record: HashedRecord = {
  proposalId: '6f1f7a8e-7d0c-4d8e-9a59-1c1f2a3b4c5d',
  seq: 1,
  fromState: null,
  toState: 'draft',
  event: 'CREATE',
  actorId: null,
  payload: { b: 1, a: { d: [1, { z: 1, y: 2 }], c: '食堂' } },
  comment: null,
  at: '2026-03-01T08:00:00.000Z',
};

describe('history hashing', () => {
  it('writes the same JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: undefined }] })).toBe('{"a":[2,{"d":1}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('gives the same hash for a record read back with its keys reordered and its date as a Date', () => {
    const again = { ...record, payload: { a: { c: '食堂', d: [1, { y: 2, z: 1 }] }, b: 1 }, at: new Date(record.at) };
    expect(historyHash(null, again)).toBe(historyHash(null, record));
  });

  it('changes when any covered field or the previous hash changes', () => {
    const base = historyHash(null, record);
    expect(historyHash('0'.repeat(64), record)).not.toBe(base);
    expect(historyHash(null, { ...record, toState: 'submitted' })).not.toBe(base);
    expect(historyHash(null, { ...record, payload: { b: 2 } })).not.toBe(base);
    expect(historyHash(null, { ...record, at: '2026-03-01T08:00:00.001Z' })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
