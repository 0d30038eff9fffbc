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

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const nx = (...a) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/nx/dist/bin/nx.js', ...a], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

// 1. unit and HTTP tests of every project; 2. the browser tests (Playwright, Debian's Chromium) on the built app
const skipE2e = process.env.SKIP_E2E === '1';
const unit = await nx('run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache');
const e2e = skipE2e ? 0 : await nx('run', 'frontend:e2e', '--outputStyle=stream');
console.log(`[test] unit and HTTP tests: ${unit === 0 ? 'passed' : 'FAILED'}; browser tests: ${skipE2e ? 'skipped (SKIP_E2E=1)' : e2e === 0 ? 'passed' : 'FAILED'}`);
process.exit(unit || e2e ? 1 : 0);
