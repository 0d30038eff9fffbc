// What `npm run bench` and the reminders benchmark share: the PostgreSQL server of DATABASE_URL (its `postgres`
// database, for creating and dropping), the bench's own database on it, and the environment of the processes a
// bench starts (API, worker, CLI).
import process from 'node:process';

/** `server`: the server's `postgres` database; `env.DATABASE_URL`: the database `dbName` on the same server. */
export function benchEnvironment(dbName, logLevel) {
  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/congress');
  server.pathname = '/postgres';
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    LOG_LEVEL: logLevel,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    DEMO_PASSWORD: 'demo12345',
    NX_NO_CLOUD: 'true',
  };
  return { server, env };
}
