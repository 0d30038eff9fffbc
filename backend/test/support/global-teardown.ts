import Redis from 'ioredis';
import { Client } from 'pg';
import { databaseUrlFor, redisUrl } from './run-id';

/** Drops every database of this run (the template and any clone a crashed file left) and its Redis keys. */
export default async function globalTeardown() {
  const runId = process.env.CONGRESS_TEST_RUN_ID;
  if (!runId) return;
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runId}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  try {
    await deleteKeys(redis, `${runId}*`);
  } finally {
    redis.disconnect();
  }
}

export async function deleteKeys(redis: Redis, pattern: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
