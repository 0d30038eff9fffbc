import { DeferredWrites } from './deferred-writes';

describe('DeferredWrites', () => {
  it('leaves the main statement alone when nothing is deferred', () => {
    const w = new DeferredWrites();
    expect(w.statement({ sql: 'UPDATE t SET a = $1 WHERE id = $2', params: [1, 'x'] })).toEqual({
      sql: 'UPDATE t SET a = $1 WHERE id = $2',
      params: [1, 'x'],
    });
  });

  it('puts the writes in front as WITH parts and renumbers their parameters after the main ones', () => {
    const w = new DeferredWrites();
    w.add('INSERT INTO a (x, y) VALUES ($1, $2)', ['a1', 'a2']);
    w.add('INSERT INTO b (x) SELECT v FROM unnest($1::text[]) AS t(v) WHERE $2 AND $1 IS NOT NULL', [['b'], true]);
    expect(w.size).toBe(2);
    const s = w.statement({ sql: 'UPDATE p SET v = $2 WHERE id = $1 RETURNING v', params: ['id', 7] });
    expect(s.sql).toBe(
      'WITH w0 AS (INSERT INTO a (x, y) VALUES ($3, $4)),\n' +
        'w1 AS (INSERT INTO b (x) SELECT v FROM unnest($5::text[]) AS t(v) WHERE $6 AND $5 IS NOT NULL)\n' +
        'UPDATE p SET v = $2 WHERE id = $1 RETURNING v',
    );
    expect(s.params).toEqual(['id', 7, 'a1', 'a2', ['b'], true]);
  });

  it('renumbers two-digit parameters as numbers, not as text', () => {
    const w = new DeferredWrites();
    w.add('INSERT INTO a VALUES ($1, $10, $11)', Array.from({ length: 11 }, (_, i) => i + 1));
    const s = w.statement({ sql: 'SELECT $1, $2, $3', params: [0, 0, 0] });
    expect(s.sql).toContain('VALUES ($4, $13, $14)');
    expect(s.params).toHaveLength(14);
  });
});
