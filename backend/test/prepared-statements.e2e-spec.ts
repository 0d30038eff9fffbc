import { DataSource, QueryFailedError } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { queryPrepared } from '../src/database/prepared';
import { createTestDatabase } from './support/test-app';

/** The hot statements as named prepared statements (database/prepared.ts), against a real PostgreSQL. */
describe('prepared statements', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const sources: DataSource[] = [];
  const open = async (dbPreparedStatements: boolean, dbPoolMax = 2) => {
    const ds = createDataSource({ databaseUrl: database.url, dbPoolMax, dbPreparedStatements });
    await ds.initialize();
    sources.push(ds);
    return ds;
  };
  /** The statements prepared on the connection `em` holds, by their text. */
  const preparedOn = async (ds: DataSource, run: (em: DataSource['manager']) => Promise<unknown>) =>
    ds.transaction(async (em) => {
      await run(em);
      return ((await em.query(`SELECT name, statement FROM pg_prepared_statements`)) as { name: string; statement: string }[]).map((r) => r.statement);
    });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    await database.drop();
  });

  it('prepares a statement once on the connection that runs it, and answers as node-postgres does', async () => {
    const ds = await open(true);
    const sql = `SELECT $1::int + 1 AS n, $2::text AS t`;
    const statements = await preparedOn(ds, async (em) => {
      const first = await queryPrepared<{ n: number; t: string }>(em, sql, [1, 'a']);
      const second = await queryPrepared<{ n: number; t: string }>(em, sql, [41, '提案']);
      expect(first.rows).toEqual([{ n: 2, t: 'a' }]);
      expect(second.rows).toEqual([{ n: 42, t: '提案' }]);
      expect(second.rowCount).toBe(1);
    });
    expect(statements.filter((s) => s === sql)).toHaveLength(1);
  });

  it('sends the statements unnamed with DB_PREPARED_STATEMENTS=off, and with a single connection (embedded PostgreSQL)', async () => {
    for (const ds of [await open(false), await open(true, 1)]) {
      const sql = `SELECT $1::int * 2 AS n`;
      const statements = await preparedOn(ds, async (em) => {
        expect((await queryPrepared<{ n: number }>(em, sql, [21])).rows).toEqual([{ n: 42 }]);
      });
      expect(statements).not.toContain(sql);
    }
  });

  it('reports a failed statement as TypeORM does (QueryFailedError with the driver error), and leaves no name behind', async () => {
    const ds = await open(true);
    const refused = queryPrepared(ds.manager, `SELECT 1 / $1::int AS n`, [0]);
    await expect(refused).rejects.toBeInstanceOf(QueryFailedError);
    await expect(refused).rejects.toMatchObject({ driverError: { code: '22012' } });
    await expect(queryPrepared(ds.manager, `SELECT * FROM no_such_table`, [])).rejects.toMatchObject({ driverError: { code: '42P01' } });
    // the same text works once the table exists: node-postgres forgets a name whose preparation failed
    await ds.query(`CREATE TABLE no_such_table (a int)`);
    await expect(queryPrepared(ds.manager, `SELECT * FROM no_such_table`, [])).resolves.toMatchObject({ rows: [] });
  });

  it('prepares again when a table changed under a prepared SELECT * (a migration while the API runs)', async () => {
    const ds = await open(true);
    await ds.query(`CREATE TABLE changing (a int)`);
    await ds.query(`INSERT INTO changing VALUES (1)`);
    const sql = `SELECT * FROM changing WHERE a = $1`;
    // prepared on both pooled connections, so that the next run meets the old plan whichever it gets
    await Promise.all([queryPrepared(ds.manager, sql, [1]), queryPrepared(ds.manager, sql, [1])]);
    await ds.query(`ALTER TABLE changing ADD COLUMN b text DEFAULT 'new'`);
    const { rows } = await queryPrepared(ds.manager, sql, [1]);
    expect(rows).toEqual([{ a: 1, b: 'new' }]);
  });
});
