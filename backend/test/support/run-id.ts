import { randomBytes } from 'node:crypto';

/** Names of this test run's databases and Redis prefix: unique per run, so two runs on one machine never collide. */
export function newRunId(): string {
  return `congress_t_${process.pid}_${randomBytes(3).toString('hex')}`;
}

export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const u = new URL(baseDatabaseUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export function redisUrl(): string {
  return process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}
