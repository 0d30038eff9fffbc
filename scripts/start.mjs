#!/usr/bin/env node
// `npm start`: brings the whole system up from a fresh clone.
//  1. builds the backend when it is missing or older than its sources, then validates the configuration;
//  2. PostgreSQL at DATABASE_URL (creating the database), or embedded PostgreSQL (PGlite) under ./.data/;
//  3. Redis at REDIS_URL, or a private redis-server under ./.data/ when the binary exists;
//  4. runs the migrations and seeds the demo university once (not with NODE_ENV=production);
//  5. builds the frontend when its build is missing or older than its sources;
//  6. serves on PORT and prints the URL and the demo accounts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale, run } from './lib/build.mjs';
import { startEmbeddedPostgres, postgresAnswers } from './lib/postgres.mjs';
import { redisAnswers, startPrivateRedis } from './lib/redis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const log = (msg) => console.log(`[start] ${msg}`);
const cleanups = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  process.exit(code);
}

async function main() {
  if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
  const env = { ...process.env };
  env.NODE_ENV ??= 'development';
  env.NX_NO_CLOUD = 'true';
  env.NX_DAEMON ??= 'false';

  await buildIfStale('backend', ['backend/src', 'libs/workflow/src', 'libs/api-types/src'], 'dist/backend/.built', () =>
    run(process.execPath, ['scripts/build-backend.mjs']),
  );
  const { loadConfig, ConfigError } = await import(pathToFileURL(path.join(root, 'dist/backend/backend/src/config/app-config.js')).href);
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError || err?.name === 'ConfigError') {
      console.error(`[start] ${err.message}`);
      process.exit(2);
    }
    throw err;
  }

  const dataDir = path.resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });

  // PostgreSQL: the configured server, else embedded PGlite
  const pg = await postgresAnswers(config.databaseUrl);
  if (pg.ok) {
    const { ensureDatabase } = await import(pathToFileURL(path.join(root, 'dist/backend/backend/src/database/ensure-database.js')).href);
    if (await ensureDatabase(config.databaseUrl)) log(`created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  } else {
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
    cleanups.push(embedded.stop);
    env.DATABASE_URL = embedded.url;
    env.DB_POOL_MAX = '1';
    log(`PostgreSQL does not answer at ${redact(config.databaseUrl)} (${pg.error}); using embedded PostgreSQL (PGlite) with data in ${path.relative(root, embedded.dir)} at ${embedded.url}`);
  }

  // Redis: the configured server, else a private redis-server
  const redis = await redisAnswers(config.redisUrl);
  if (!redis.ok) {
    const own = await startPrivateRedis(path.join(dataDir, 'redis'));
    if (!own) {
      console.error(
        `[start] Redis does not answer at ${redact(config.redisUrl)} (${redis.error}) and no redis-server binary was found on PATH.\n` +
          '        Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), start it, or set REDIS_URL to a running one.',
      );
      await shutdown(1);
      return;
    }
    cleanups.push(own.stop);
    env.REDIS_URL = own.url;
    log(`Redis does not answer at ${redact(config.redisUrl)}; started a private redis-server at ${own.url} with data in ${path.relative(root, own.dir)}`);
  }

  // schema and demo data
  const setup = await run(process.execPath, ['dist/backend/backend/src/cli.js', 'setup'], { env, quiet: false });
  if (setup !== 0) {
    console.error('[start] migrations or seeding failed; see above.');
    await shutdown(1);
    return;
  }

  await buildIfStale('frontend', ['frontend/src', 'frontend/project.json', 'libs/api-types/src', 'libs/workflow/src'], 'dist/frontend/browser/index.html', () =>
    run(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'build', 'frontend', '--skip-nx-cache'], { env }),
  );

  const api = spawn(process.execPath, ['dist/backend/backend/src/main.js'], { env, stdio: 'inherit' });
  cleanups.push(async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
  });
  api.on('exit', (code) => shutdown(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => shutdown(0));

  const url = `http://localhost:${config.port}`;
  if (await waitForHealth(`http://127.0.0.1:${config.port}/api/health`)) {
    const accounts = await import(pathToFileURL(path.join(root, 'dist/backend/backend/src/database/seeds/demo-university.js')).href);
    log('');
    log(`教代会提案系统 is up: ${url}   (API ${url}/api, OpenAPI ${url}/api/docs)`);
    if (config.nodeEnv !== 'production') {
      log(`demo accounts (password: ${config.demoPassword}):`);
      for (const line of accounts.describeDemoAccounts()) log(`  ${line}`);
    }
    log('stop with Ctrl+C');
  }
}

async function waitForHealth(url, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function redact(u) {
  try {
    const x = new URL(u);
    if (x.password) x.password = '***';
    return x.toString();
  } catch {
    return u;
  }
}

if (!existsSync(path.join(root, 'node_modules'))) {
  console.error('[start] node_modules is missing; run npm start (its prestart step installs them).');
  process.exit(1);
}
main().catch(async (err) => {
  console.error('[start] failed:', err);
  await shutdown(1);
});
