// PostgreSQL for `npm start`: does a server answer at DATABASE_URL? If not, serve embedded PostgreSQL (PGlite)
// over the wire protocol with @electric-sql/pglite-socket, data under ./.data/pglite.
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { freePort } from './ports.mjs';

export async function postgresAnswers(url) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err.code || err.message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startEmbeddedPostgres(dir) {
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { citext } = await import('@electric-sql/pglite/contrib/citext');
  // the extensions the migrations create must be loaded into PGlite explicitly
  const db = await PGlite.create(dir, { extensions: { pg_trgm, citext } });
  const port = await freePort(54329);
  // PGlite is one connection underneath: the app uses a pool of one (DB_POOL_MAX=1) on top of this server.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  return {
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
