#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): the system at a thousand times a university's volume.
//  1. (re)creates its own database congress_bench on the PostgreSQL server of DATABASE_URL (default
//     postgres://postgres@127.0.0.1:5432), runs the migrations and the demo seed (`cli.js setup`), then seeds
//     --proposals N (default 200,000) with history, co-signers, replies and contacts inside PostgreSQL (seed.mjs);
//  2. starts the real API (dist/backend/backend/src/main.js, NODE_ENV=production, LOG_LEVEL=warn, its own
//     REDIS_PREFIX) and the bare node:http + pg baseline (baseline.mjs), each on a free port of 127.0.0.1;
//  3. drives each scenario with autocannon (--connections 32, an unmeasured --warmup of 5 s, then --rounds 3 of
//     --duration 10 s) and reports the median round: requests/s, p50, p99, non-2xx and errors, the ratio to the
//     baseline (detail, list, event and search: the baseline runs the same statements), the API's peak RSS;
//  4. measures the frontend's initial JavaScript (gzipped) and checks that the role areas are lazy;
//  5. prints a table and writes tmp/bench-<time>.json. The database is left in place for EXPLAIN ANALYZE
//     (psql congress_bench) and dropped at the start of the next run.
// Options: --proposals N  --duration S  --rounds N  --warmup S (0: none)  --connections N  --only name,name  --skip-seed (reuse the
// database of the previous run)  --profile (the API runs with --cpu-prof; its top self time is printed and
// the .cpuprofile stays in tmp/bench-profile/ for Chrome DevTools).
// `--only reminders` runs the reminders benchmark instead (scripts/bench/reminders.mjs, its own database
// congress_bench_reminders; --proposals is passed on; other options: node scripts/bench/reminders.mjs --help).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import pg from 'pg';
import { buildIfStale, run } from '../lib/build.mjs';
import { freePort } from '../lib/ports.mjs';
import { redisAnswers, startPrivateRedis } from '../lib/redis.mjs';
import { summariseProfile } from './profile.mjs';
import { commentBody, listPath, scenarioTargets, SEARCH_WORDS, searchPath } from './scenario-targets.mjs';
import { seedLarge } from './seed.mjs';
import { benchEnvironment } from './bench-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const require = createRequire(import.meta.url);
const log = (msg) => console.log(`[bench] ${msg}`);

function options(argv) {
  const o = { proposals: 200_000, duration: 10, rounds: 3, warmup: 5, connections: 32, only: null, skipSeed: false, seedOnly: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--proposals') o.proposals = Number(val());
    else if (a === '--duration') o.duration = Number(val());
    else if (a === '--rounds') o.rounds = Number(val());
    else if (a === '--warmup') o.warmup = Number(val());
    else if (a === '--connections') o.connections = Number(val());
    else if (a === '--only') o.only = val().split(',');
    else if (a === '--skip-seed') o.skipSeed = true;
    else if (a === '--seed-only') o.seedOnly = true;
    else if (a === '--profile') o.profile = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['proposals', 'duration', 'rounds', 'connections']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a positive integer`);
  }
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error('--warmup must be a whole number of seconds, 0 for none');
  return o;
}

const DB_NAME = 'congress_bench';
const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  cleanups.length = 0;
}

function spawnServer(args, env, name) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (b) => {
    const s = b.toString();
    if (name === 'api') process.stdout.write(s.split('\n').filter(Boolean).map((l) => `[api] ${l}\n`).join(''));
  });
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => (clearTimeout(t), r()));
      });
    }
  });
  return child;
}

async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** kB of VmHWM (peak) and VmRSS of a process, from /proc. */
function memory(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return { hwm: 0, rss: 0 };
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const o = options(process.argv.slice(2));
  const started = new Date();

  await buildIfStale('backend', ['backend/src', 'libs/workflow/src', 'libs/api-types/src'], 'dist/backend/.built', () =>
    run(process.execPath, ['scripts/build-backend.mjs']),
  );

  if (o.only?.includes('reminders')) {
    const { benchReminders, cleanupReminders, parseOptions } = await import('./reminders.mjs');
    cleanups.push(cleanupReminders);
    await benchReminders(parseOptions(['--proposals', String(o.proposals)]));
    o.only = o.only.filter((name) => name !== 'reminders');
    if (!o.only.length) return;
  }

  // --- database -------------------------------------------------------------------------------------------
  const { server, env } = benchEnvironment(DB_NAME, 'warn');
  let seedSeconds = null;
  if (!o.skipSeed) {
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    await admin.end();
    log(`database ${DB_NAME} recreated; migrations and the demo university…`);
    // the demo seed is refused with NODE_ENV=production: setup runs as development
    const code = await run(process.execPath, ['dist/backend/backend/src/cli.js', 'setup'], { env: { ...env, NODE_ENV: 'development' } });
    if (code !== 0) throw new Error(`cli.js setup failed (exit ${code})`);
    const { createInitialContext } = require(path.join(root, 'dist/backend/libs/workflow/src/lib/context.js'));
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const rules = (await client.query(`SELECT rules FROM congress_sessions WHERE is_current`)).rows[0].rules;
    log(`seeding ${o.proposals} proposals…`);
    const t = Date.now();
    await seedLarge(client, { proposals: o.proposals, initialContext: createInitialContext(rules), log: (m) => log(m) });
    seedSeconds = (Date.now() - t) / 1000;
    await client.end();
  }
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  cleanups.push(() => db.end());
  const sizes = (await db.query(`SELECT (SELECT count(*) FROM proposals)::int AS proposals, (SELECT count(*) FROM proposal_history)::int AS history,
      (SELECT count(*) FROM proposal_cosigners)::int AS cosigners, (SELECT count(*) FROM proposal_replies)::int AS replies,
      (SELECT count(*) FROM congress_sessions)::int AS sessions, (SELECT count(*) FROM departments)::int AS departments,
      pg_size_pretty(pg_database_size(current_database())) AS "databaseSize"`)).rows[0];
  log(`data: ${JSON.stringify(sizes)}`);
  // What autovacuum does on a live system, done here when the server has it off (this machine does): the rows
  // that earlier runs' events wrote (comments, history, outbox, new row versions) get statistics and their dead
  // versions are cleared, so that a run's plans do not depend on how many runs came before it
  const autovacuum = (await db.query(`SHOW autovacuum`)).rows[0].autovacuum;
  if (autovacuum !== 'on') {
    const t = Date.now();
    await db.query(`VACUUM (ANALYZE) proposals, proposal_history, proposal_comments, outbox`);
    log(`autovacuum is off on this server: VACUUM (ANALYZE) of the tables the events write, ${Date.now() - t} ms`);
  }
  if (o.seedOnly) {
    log(`--seed-only: database ${DB_NAME} is ready${seedSeconds === null ? '' : ` (seeded in ${seedSeconds} s)`}`);
    await cleanup();
    return;
  }

  let autocannon;
  let driver = 'autocannon';
  try {
    autocannon = require('autocannon');
  } catch {
    driver = 'fallback (autocannon not installed): scripts/bench/fallback-load.mjs';
    autocannon = (await import('./fallback-load.mjs')).fallbackLoad;
    log(`autocannon is not installed; using ${driver}`);
  }

  // --- redis, API, baseline -------------------------------------------------------------------------------
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  env.REDIS_URL = redisUrl;
  if (!(await redisAnswers(redisUrl)).ok) {
    const own = await startPrivateRedis(path.join(root, 'tmp/bench-redis'));
    if (!own) throw new Error(`Redis does not answer at ${redisUrl} and there is no redis-server binary`);
    cleanups.push(own.stop);
    env.REDIS_URL = own.url;
  }
  env.REDIS_PREFIX = `bench-${process.pid}`;
  const apiPort = await freePort(3900);
  const profDir = path.join(root, 'tmp/bench-profile');
  const profArgs = o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  // WORKER_MODE=off, as docker/compose.yml deploys the API: the worker is its own process (measured by
  // `--only reminders`); an inline worker's start-up reconcile pass over every open proposal would run
  // beside the HTTP scenarios and blur them
  const api = spawnServer([...profArgs, 'dist/backend/backend/src/main.js'], { ...env, WORKER_MODE: 'off', PORT: String(apiPort), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${apiPort}` }, 'api');
  const apiBase = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${apiBase}/api/health`);
  log(`API up on ${apiBase} (pid ${api.pid})`);

  const login = async (username) => {
    const res = await fetch(`${apiBase}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo12345' }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  };
  const committee = await login('committee1');
  const committeeId = (await db.query(`SELECT id FROM users WHERE username = 'committee1'`)).rows[0].id;

  const basePort = await freePort(apiPort + 1);
  const baseline = spawnServer(['scripts/bench/baseline.mjs', String(basePort)], { ...env, USER_ID: committeeId }, 'baseline');
  const baselineBase = `http://127.0.0.1:${basePort}`;
  await waitFor(`${baselineBase}/api/proposals`);

  // --- targets of the scenarios ---------------------------------------------------------------------------
  // events: COMMENT by committee1 (any non-final state but closed takes it; it can repeat) over many proposals
  // in handling, each request carrying the version last seen (so 409 only when two connections race on one); the
  // versions are read again before each round, since the requests in flight when a round ends were applied but
  // their answers never read
  const { detailIds, eventRows, currentSession } = await scenarioTargets(db);
  const versions = new Map(eventRows.map((r) => [r.id, r.version]));
  const eventIds = eventRows.map((r) => r.id);
  const listPathNow = listPath(currentSession);
  const auth = { authorization: `Bearer ${committee}` };
  let cursor = 0;
  const next = (xs) => xs[cursor++ % xs.length];

  const scenarios = [
    { name: 'detail', baseline: true, request: () => ({ path: `/api/proposals/${next(detailIds)}` }) },
    { name: 'list', baseline: true, request: () => ({ path: listPathNow }), note: 'current session, state=handling, page 1 of 20' },
    {
      name: 'event',
      baseline: true,
      request: () => {
        const id = next(eventIds);
        return {
          method: 'POST',
          path: `/api/proposals/${id}/events`,
          headers: { 'content-type': 'application/json' },
          body: commentBody(versions.get(id)),
          id,
        };
      },
      onResponse: (status, body, id) => {
        if (status === 200 || status === 409) {
          try {
            const v = JSON.parse(body);
            const version = status === 200 ? v.version : v.currentVersion;
            if (Number.isInteger(version)) versions.set(id, version);
          } catch {
            /* not JSON */
          }
        }
      },
      beforeRound: async () => {
        const { rows } = await db.query(`SELECT id, version FROM proposals WHERE id = ANY($1::uuid[])`, [eventIds]);
        for (const r of rows) versions.set(r.id, r.version);
      },
      note: 'COMMENT by committee1 with expectedVersion, over 4000 proposals in handling',
    },
    { name: 'figures', request: () => ({ path: `/api/reports/figures?by=department` }), note: 'current session, per lead department' },
    { name: 'trends', request: () => ({ path: `/api/reports/trends` }), note: 'every session: all proposals' },
    { name: 'portal', request: () => ({ path: `/api/public/proposals` }), note: 'anonymous, page 1' },
    // last: its statements are the dearest (a common word's capped count reads all its index entries first);
    // requests the client gave up on keep running in PostgreSQL (statement_timeout 30 s) and would slow the
    // scenarios after it
    { name: 'search', baseline: true, request: () => ({ path: searchPath(next(SEARCH_WORDS)) }), note: 'q over all sessions: 食堂, 青年教师, 停车, …' },
  ].filter((s) => !o.only || o.only.includes(s.name));

  const runOnce = (base, scenario, headers, duration = o.duration) =>
    new Promise((resolve, reject) => {
      const codes = {};
      const instance = autocannon(
        {
          url: base,
          connections: o.connections,
          duration,
          headers,
          requests: [
            {
              setupRequest: (req, context) => {
                const r = scenario.request();
                context.id = r.id;
                const { id: _id, ...rest } = r;
                return { ...req, ...rest, headers: { ...req.headers, ...(rest.headers ?? {}) } };
              },
              onResponse: (status, body, context) => {
                codes[status] = (codes[status] ?? 0) + 1;
                scenario.onResponse?.(status, body, context.id);
              },
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve({ result, codes })),
      );
      void instance;
    });

  // before each round: wait (up to 60 s) until no query of the previous one still runs in the database, seen at
  // four checks in a row 250 ms apart (a request the client dropped may sit in the API between two statements)
  const settle = async () => {
    const until = Date.now() + 60_000;
    let quiet = 0;
    while (Date.now() < until) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      quiet = rows[0].n === 0 ? quiet + 1 : 0;
      if (quiet === 4) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    log('queries of the previous round still run after 60 s; going on');
  };

  const results = [];
  for (const scenario of scenarios) {
    const targets = [['api', apiBase, scenario.name === 'portal' ? {} : auth]];
    if (scenario.baseline) targets.push(['baseline', baselineBase, {}]);
    for (const [target, base, headers] of targets) {
      const rounds = [];
      // every round, the warm-up included, starts on a quiet database with the scenario's state read again
      const freshRound = async (duration) => {
        await settle();
        await scenario.beforeRound?.();
        return runOnce(base, scenario, headers, duration);
      };
      // a first pass over a route is slower (V8 compiles its code, each pooled connection prepares its statements):
      // a warm-up round, not measured, so that the medians are of the server as it runs all day
      if (o.warmup > 0) {
        const { result } = await freshRound(o.warmup);
        log(`${scenario.name} ${target} warm-up (${o.warmup} s, not counted): ${result.requests.average.toFixed(0)} req/s`);
      }
      for (let i = 0; i < o.rounds; i++) {
        const { result, codes } = await freshRound(o.duration);
        const round = {
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          codes,
          errors: result.errors,
          timeouts: result.timeouts,
        };
        rounds.push(round);
        log(`${scenario.name} ${target} round ${i + 1}: ${round.rps.toFixed(0)} req/s, p50 ${round.p50} ms, p99 ${round.p99} ms, codes ${JSON.stringify(codes)}, errors ${round.errors}`);
      }
      const total = (k) => rounds.reduce((n, r) => n + r[k], 0);
      const codes = {};
      for (const r of rounds) for (const [c, n] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + n;
      results.push({
        scenario: scenario.name,
        target,
        note: scenario.note ?? null,
        rps: median(rounds.map((r) => r.rps)),
        p50: median(rounds.map((r) => r.p50)),
        p99: median(rounds.map((r) => r.p99)),
        codes,
        errors: total('errors') + total('timeouts'),
        rounds,
        apiPeakRssMB: target === 'api' ? Math.round(memory(api.pid).hwm / 1024) : undefined,
      });
    }
  }
  const apiMemory = memory(api.pid);
  await cleanup();

  const profile = o.profile ? summariseProfile(profDir, root) : null;
  if (profile) {
    log(`CPU profile of the API (${profile.file}), top self time:`);
    for (const f of profile.top) log(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}`);
  }

  // --- frontend ---------------------------------------------------------------------------------------------
  const frontend = measureFrontend();

  // --- report -------------------------------------------------------------------------------------------------
  const byKey = new Map(results.map((r) => [`${r.scenario}:${r.target}`, r]));
  const rows = results
    .filter((r) => r.target === 'api')
    .map((r) => {
      const b = byKey.get(`${r.scenario}:baseline`);
      const ok = Object.entries(r.codes).filter(([c]) => c.startsWith('2')).reduce((n, [, v]) => n + v, 0);
      const all = Object.values(r.codes).reduce((n, v) => n + v, 0);
      return {
        scenario: r.scenario,
        'req/s': Math.round(r.rps),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        '2xx %': all ? Math.round((ok / all) * 1000) / 10 : 0,
        other: Object.entries(r.codes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${c}×${n}`).join(' ') || '-',
        errors: r.errors,
        'baseline req/s': b ? Math.round(b.rps) : '',
        'baseline p99': b ? b.p99 : '',
        ratio: b ? Math.round((r.rps / b.rps) * 100) / 100 : '',
        'peak RSS MB': r.apiPeakRssMB,
      };
    });
  console.log('');
  console.log(`medians of ${o.rounds} rounds of ${o.duration} s (after a warm-up of ${o.warmup} s) at ${o.connections} connections, ${sizes.proposals} proposals`);
  console.table(rows);
  console.log(`API peak RSS ${Math.round(apiMemory.hwm / 1024)} MB (RSS at the end ${Math.round(apiMemory.rss / 1024)} MB)`);
  console.log(`frontend initial JS: ${frontend ? `${frontend.initialGzipKB} KB gzipped in ${frontend.files.length} files; role areas lazy: ${frontend.lazy.ok}` : 'no build in dist/frontend/browser'}`);

  const out = {
    startedAt: started.toISOString(),
    options: o,
    driver,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: (await pgVersion(env.DATABASE_URL)) },
    data: { ...sizes, seedSeconds },
    table: rows,
    results,
    apiPeakRssMB: Math.round(apiMemory.hwm / 1024),
    frontend,
    profile,
  };
  mkdirSync('tmp', { recursive: true });
  const file = `tmp/bench-${started.toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(out, null, 2));
  writeFileSync('tmp/bench-latest.json', JSON.stringify(out, null, 2));
  log(`written to ${file} (and tmp/bench-latest.json); the database ${DB_NAME} stays for EXPLAIN ANALYZE`);
}

async function pgVersion(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await c.end();
  }
}

/** The JS index.html loads up front (script tags and module preloads), gzipped; role areas must not be in it. */
function measureFrontend() {
  const dir = path.join(root, 'dist/frontend/browser');
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const names = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) names.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) names.add(m[1]);
  const files = [...names].map((name) => {
    const buf = readFileSync(path.join(dir, name));
    return { name, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  const initial = files.map((f) => readFileSync(path.join(dir, f.name), 'utf8')).join('\n');
  // role areas: the component selectors under each lazily routed folder must not occur in the initial JS
  const areas = {};
  for (const area of ['delegate', 'committee', 'department', 'leader', 'admin']) {
    const selectors = [];
    const walk = (p) => {
      for (const n of readdirSync(p)) {
        const f = path.join(p, n);
        if (statSync(f).isDirectory()) walk(f);
        else if (f.endsWith('.ts') && !f.endsWith('.spec.ts')) {
          for (const m of readFileSync(f, 'utf8').matchAll(/selector:\s*'([^']+)'/g)) selectors.push(m[1]);
        }
      }
    };
    const src = path.join(root, 'frontend/src/app', area);
    if (existsSync(src)) walk(src);
    const eager = selectors.filter((s) => initial.includes(`"${s}"`));
    areas[area] = { selectors: selectors.length, inInitialJs: eager };
  }
  const routes = readFileSync(path.join(root, 'frontend/src/app/app.routes.ts'), 'utf8');
  const lazyRoutes = ['delegate', 'committee', 'department', 'leader', 'admin'].filter((a) =>
    new RegExp(`import\\('\\./${a}/`).test(routes),
  );
  const builtAt = statSync(index).mtime.toISOString();
  return {
    builtAt,
    files,
    initialBytes: files.reduce((n, f) => n + f.bytes, 0),
    initialGzipKB: Math.round(files.reduce((n, f) => n + f.gzip, 0) / 102.4) / 10,
    lazy: { ok: lazyRoutes.length === 5 && Object.values(areas).every((a) => a.inInitialJs.length === 0), lazyRoutes, areas },
  };
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cleanup().then(() => process.exit(130)));
main().catch(async (err) => {
  console.error('[bench] failed:', err);
  await cleanup();
  process.exit(1);
});
