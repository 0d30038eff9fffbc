#!/usr/bin/env node
// `npm test`: every project's tests (Nx), against the real PostgreSQL and Redis. Each backend test run uses its
// own databases and Redis key prefix (backend/test/support), so two runs on one machine do not collide.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresAnswers } from './lib/postgres.mjs';
import { redisAnswers } from './lib/redis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const [pg, redis] = await Promise.all([postgresAnswers(databaseUrl), redisAnswers(redisUrl)]);
const missing = [];
if (!pg.ok) missing.push(`PostgreSQL at ${databaseUrl} (${pg.error}); set TEST_DATABASE_URL to use another`);
if (!redis.ok) missing.push(`Redis at ${redisUrl} (${redis.error}); set TEST_REDIS_URL to use another`);
if (missing.length) {
  console.error(`[test] the tests run against real services, and these do not answer:\n  - ${missing.join('\n  - ')}\n` +
    '  Start them (bash .ci/run starts or installs both, then runs the tests).');
  process.exit(1);
}

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl };
const args = ['node_modules/nx/bin/nx.js', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
