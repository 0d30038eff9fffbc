#!/usr/bin/env node
// The reminders benchmark (issue 7: "scheduling 100,000 jobs in at most 60 s and each firing within 2 s of its
// time"), through the application's own path: outbox rows → the real worker process (dist worker.js: OutboxRelay,
// ReminderSync, JobLedger, BullMQ, RemindersProcessor → WorkflowService) → queue_jobs + Redis. No toy BullMQ loop.
//
//   node scripts/bench/reminders.mjs [options]        (or: npm run bench -- --only reminders [--proposals N])
//
//  1. (re)creates its own database congress_bench_reminders (never congress_bench), runs `cli.js setup` (migrations
//     and the demo university) and seeds --proposals N (default 200,000) with seed.mjs, like run.mjs;
//  2. scheduling: gives every proposal in a state with reminders (cosigning, submitted, handling.*, replied, and the
//     grade-B unfulfilled replied/disputed/closed) anchors in the future, and writes the `schedule` outbox rows the
//     machine writes for them (WorkflowService's payload: {kind, reminder, anchor, proposalId, version, state,
//     event, actorId, at}), all before the worker starts (so the reconciler's start pass leaves them to the relay,
//     as it does with any backlog); then starts the real worker (NODE_ENV=production, its own REDIS_PREFIX,
//     REMINDER_RECONCILE_SECONDS=86400 so that no second reconcile pass runs during the measurement) and times the
//     relay until the outbox is empty: jobs in queue_jobs and in Redis, jobs/s, the time to the 100,000th job,
//     Redis memory (MEMORY USAGE of every key under the prefix, and the server's used_memory delta), CPU of the
//     worker, of its PostgreSQL backends and of Redis, and every PostgreSQL statement and Redis call the worker
//     made (counted and timed inside the worker by a preloaded shim: --import of a data: URL that wraps
//     pg.Client#query and ioredis' sendCommand / Pipeline#exec; the backend code is not touched);
//  3. firing: moves the evaluation deadline of --fire N (default 3,000) replied proposals to instants spread over
//     --fire-window S (default 30 s) starting --fire-lead S (default 30 s, more if the relay needs it) from now, and
//     writes their `schedule` rows (evaluationReminder, evaluationDeadline); the worker relays them and, at each
//     deadline, RemindersProcessor sends EVALUATION_DEADLINE through WorkflowService (replied → closed, with its own
//     outbox effects and notices); then a second round of --burst N (default 3,000) deadlines all due at the same
//     instant, as the app schedules them (every evaluation/co-sign deadline of a day at 23:59:59.999 local, every
//     day-based reminder at REMINDER_HOUR:00). Lag = queue_jobs.finished_at − run_at (the event applied and the
//     ledger row done), and pick-up lag = the job's `active` event in BullMQ's event stream − run_at;
//  4. prints a table, writes tmp/bench-reminders-<time>.json (and the worker's log beside it), stops the worker,
//     deletes its Redis keys (SCAN MATCH <prefix>:* only) and drops the database (unless --keep).
// Options: --proposals N  --fire N  --fire-window S  --fire-lead S  --burst N (0: no burst round)  --workers N
// (worker processes, default 1)  --concurrency N (WORKER_CONCURRENCY, default the app's)  --keep (keep the database)  --skip-seed (reuse the database a --keep run left; its job tables are
// emptied)  --profile (the worker runs with --cpu-prof; top self time printed)  --no-trace (no counting shim)
// --timeout S (give up waiting for the relay after S s, default 1200).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { run } from '../lib/build.mjs';
import { redisAnswers, startPrivateRedis } from '../lib/redis.mjs';
import { summariseProfile } from './profile.mjs';
import { seedLarge } from './seed.mjs';
import { benchEnvironment } from './bench-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const log = (msg) => console.log(`[reminders] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const DB_NAME = 'congress_bench_reminders';
const TZ = 'Asia/Shanghai'; // APP_TIMEZONE's default; the worker runs with it
const TARGET_JOBS = 100_000;
const TARGET_SECONDS = 60;
const TARGET_LAG_MS = 2000;

export function parseOptions(argv) {
  const o = {
    proposals: 200_000, fire: 3000, fireWindow: 30, fireLead: 30, burst: 3000, concurrency: null, workers: 1,
    keep: false, skipSeed: false, profile: false, trace: true, timeout: 1200,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return Number(v);
    };
    if (a === '--proposals') o.proposals = val();
    else if (a === '--fire') o.fire = val();
    else if (a === '--burst') o.burst = val();
    else if (a === '--fire-window') o.fireWindow = val();
    else if (a === '--fire-lead') o.fireLead = val();
    else if (a === '--concurrency') o.concurrency = val();
    else if (a === '--workers') o.workers = val();
    else if (a === '--timeout') o.timeout = val();
    else if (a === '--keep') o.keep = true;
    else if (a === '--skip-seed') o.skipSeed = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-trace') o.trace = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['proposals', 'fireLead', 'timeout', 'workers']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a positive integer`);
  }
  for (const k of ['fire', 'burst']) {
    if (!Number.isInteger(o[k]) || o[k] < 0) throw new Error(`--${k} must be a whole number (0: no such round)`);
  }
  if (!Number.isFinite(o.fireWindow) || o.fireWindow < 0) throw new Error('--fire-window must be a number of seconds ≥ 0');
  if (o.concurrency !== null && (!Number.isInteger(o.concurrency) || o.concurrency < 1)) throw new Error('--concurrency must be a positive integer');
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// The counting shim, preloaded into the worker with --import data:… It wraps pg.Client#query (every statement the
// app sends: TypeORM, the relay's LISTEN client) and ioredis (single commands timed, pipelined commands counted,
// Pipeline#exec timed as one round trip; blocking reads of the BullMQ workers are counted, not timed). On SIGUSR2
// it writes its totals to BENCH_TRACE_FILE. Time is what the caller waited: queueing in the driver included.
const SHIM = String.raw`
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
const require = createRequire(process.cwd() + '/');
const file = process.env.BENCH_TRACE_FILE;
let seq = 0;
const pgT = { n: 0, ms: 0, by: {} };
const rT = { trips: 0, ms: 0, pipelined: 0, by: {} };
const add = (by, k, ms) => { const e = by[k] || (by[k] = { n: 0, ms: 0 }); e.n++; e.ms += ms; };
const norm = (sql) => sql.replace(/\$\d+/g, '$').replace(/\s+/g, ' ').trim().slice(0, 90);
const pgm = require('pg');
const q = pgm.Client.prototype.query;
pgm.Client.prototype.query = function (config, values, cb) {
  const text = typeof config === 'string' ? config : config && typeof config.text === 'string' ? config.text : null;
  if (text === null) return q.apply(this, arguments);
  const t = performance.now();
  const done = () => { const ms = performance.now() - t; pgT.n++; pgT.ms += ms; add(pgT.by, norm(text), ms); };
  const args = [...arguments];
  const ci = typeof values === 'function' ? 1 : typeof cb === 'function' ? 2 : -1;
  if (ci > 0) { const orig = args[ci]; args[ci] = function () { done(); return orig.apply(this, arguments); }; return q.apply(this, args); }
  const r = q.apply(this, args);
  if (r && typeof r.then === 'function') r.then(done, done); else done();
  return r;
};
const ioredis = require('ioredis');
const Redis = ioredis.default || ioredis;
const Pipeline = require('ioredis/built/Pipeline').default;
const scripts = {};
const def = Redis.prototype.defineCommand;
Redis.prototype.defineCommand = function (name, d) {
  if (d && d.lua) scripts[createHash('sha1').update(d.lua).digest('hex')] = name;
  return def.apply(this, arguments);
};
const BLOCKING = new Set(['bzpopmin', 'bzpopmax', 'brpoplpush', 'blmove', 'brpop', 'blpop', 'xread', 'xreadgroup']);
const nameOf = (c) => (c.name === 'evalsha' || c.name === 'eval') && c.args && c.args.length ? 'script ' + (scripts[String(c.args[0])] || String(c.args[0]).slice(0, 8)) : c.name;
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (command, stream) {
  if (stream) { rT.pipelined++; add(rT.by, '(pipelined) ' + nameOf(command), 0); return send.apply(this, arguments); }
  const name = nameOf(command);
  if (BLOCKING.has(command.name)) { add(rT.by, '(blocking) ' + name, 0); return send.apply(this, arguments); }
  const t = performance.now();
  const r = send.apply(this, arguments);
  const done = () => { const ms = performance.now() - t; rT.trips++; rT.ms += ms; add(rT.by, name, ms); };
  if (command.promise && typeof command.promise.then === 'function') command.promise.then(done, done); else done();
  return r;
};
const exec = Pipeline.prototype.exec;
Pipeline.prototype.exec = function () {
  const n = this._queue ? this._queue.length : 0;
  const t = performance.now();
  const r = exec.apply(this, arguments);
  const done = () => { const ms = performance.now() - t; rT.trips++; rT.ms += ms; add(rT.by, 'pipeline/multi exec (' + (n > 12 ? '>12' : n) + ' cmds)', ms); };
  if (r && typeof r.then === 'function') r.then(done, done); else done();
  return r;
};
process.on('SIGUSR2', () => {
  seq++;
  try { writeFileSync(file, JSON.stringify({ seq, at: Date.now(), cpu: process.cpuUsage(), pg: pgT, redis: rT })); } catch {}
});
`;

// ---------------------------------------------------------------------------------------------------------------
const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => log(`cleanup: ${err.message}`));
}

/** utime + stime in seconds of a process, from /proc (0 when it is gone). */
function cpuSeconds(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // fields 14, 15; CLK_TCK 100
  } catch {
    return 0;
  }
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const r0 = (x) => (x === null || x === undefined ? null : Math.round(x));
const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));

function diffTrace(a, b) {
  const by = (x, y) => {
    const out = {};
    for (const [k, v] of Object.entries(y.by)) {
      const p = x.by[k] ?? { n: 0, ms: 0 };
      if (v.n - p.n) out[k] = { n: v.n - p.n, ms: v.ms - p.ms };
    }
    return out;
  };
  return {
    cpuSeconds: (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1e6,
    pg: { statements: b.pg.n - a.pg.n, ms: b.pg.ms - a.pg.ms, by: by(a.pg, b.pg) },
    redis: { trips: b.redis.trips - a.redis.trips, ms: b.redis.ms - a.redis.ms, pipelined: b.redis.pipelined - a.redis.pipelined, by: by(a.redis, b.redis) },
  };
}

function topOf(by, n = 12) {
  return Object.entries(by)
    .sort((x, y) => y[1].n - x[1].n)
    .slice(0, n)
    .map(([what, v]) => ({ what, calls: v.n, 'total s': r1(v.ms / 1000), 'avg ms': v.n ? Math.round((v.ms / v.n) * 100) / 100 : 0 }));
}

/** Runs the benchmark with parsed options (parseOptions); everything it started is cleaned up, also on failure. */
export async function benchReminders(o) {
  try {
    return await measure(o);
  } finally {
    await cleanup();
  }
}

/** Stops what a running benchReminders started (for a caller's SIGINT handler). */
export const cleanupReminders = cleanup;

async function measure(o) {
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const worker = path.join(root, 'dist/backend/backend/src/worker.js');
  if (!existsSync(worker)) {
    log('dist/backend is missing: building it (node scripts/build-backend.mjs)…');
    if ((await run(process.execPath, [path.join(root, 'scripts/build-backend.mjs')])) !== 0) throw new Error('the backend build failed');
  }
  const distBuiltAt = statSync(worker).mtime.toISOString();
  const loadStart = os.loadavg();

  // --- database ---------------------------------------------------------------------------------------------
  const { server, env } = benchEnvironment(DB_NAME, 'info');
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: server.toString() });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };
  if (!o.keep) cleanups.push(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    log(`database ${DB_NAME} dropped`);
  });
  let seedSeconds = null;
  if (!o.skipSeed) {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
    log(`database ${DB_NAME} created; migrations and the demo university (cli.js setup)…`);
    const code = await run(process.execPath, [path.join(root, 'dist/backend/backend/src/cli.js'), 'setup'], { env: { ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn' } });
    if (code !== 0) throw new Error(`cli.js setup failed (exit ${code})`);
    const { createInitialContext } = require(path.join(root, 'dist/backend/libs/workflow/src/lib/context.js'));
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    const rules = (await c.query(`SELECT rules FROM congress_sessions WHERE is_current`)).rows[0].rules;
    log(`seeding ${o.proposals} proposals (seed.mjs)…`);
    const t = Date.now();
    await seedLarge(c, { proposals: o.proposals, initialContext: createInitialContext(rules), log: (m) => log(m) });
    seedSeconds = (Date.now() - t) / 1000;
    await c.end();
  } else {
    const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'`)).rowCount;
    if (!exists) throw new Error(`--skip-seed: there is no database ${DB_NAME} (run once with --keep)`);
  }
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  cleanups.push(() => db.end());
  if (o.skipSeed) {
    await db.query(`TRUNCATE outbox, queue_jobs, notification_deliveries, notifications`);
    log(`--skip-seed: reusing ${DB_NAME}; outbox, queue_jobs and notifications emptied`);
  }
  const sizes = (await db.query(`SELECT (SELECT count(*) FROM proposals)::int AS proposals,
      pg_size_pretty(pg_database_size(current_database())) AS "databaseSize"`)).rows[0];

  // --- redis ----------------------------------------------------------------------------------------------------
  const Redis = require('ioredis');
  const { QueueEvents } = require('bullmq');
  let redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!(await redisAnswers(redisUrl)).ok) {
    const own = await startPrivateRedis(path.join(root, 'tmp/bench-redis'));
    if (!own) throw new Error(`Redis does not answer at ${redisUrl} and there is no redis-server binary`);
    cleanups.push(own.stop);
    redisUrl = own.url;
  }
  const prefix = `bench-reminders-${process.pid}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  cleanups.push(async () => {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    await redis.quit();
    log(`Redis: ${deleted} keys under ${prefix}: deleted`);
  });
  const info = async (section) => {
    const text = await redis.info(section);
    return Object.fromEntries(text.split('\r\n').filter((l) => l.includes(':')).map((l) => l.split(/:(.*)/s).slice(0, 2)));
  };
  const redisCpu = async () => {
    const i = await info('cpu');
    return Number(i.used_cpu_user) + Number(i.used_cpu_sys);
  };
  const redisVersion = (await info('server')).redis_version;
  const key = (k) => `${prefix}:reminders:${k}`;

  // --- phase 1: the schedule rows -----------------------------------------------------------------------------
  const committeeId = (await db.query(`SELECT id FROM users WHERE username = 'committee1'`)).rows[0]?.id ?? null;
  const T = new Date();
  const Tiso = T.toISOString();
  // end of the local day `k` days after T (as deadlines are), and that instant as the app writes ISO dates
  const eod = (k) => `(((date_trunc('day', $1::timestamptz AT TIME ZONE '${TZ}') + make_interval(days => ${k} + 1)) AT TIME ZONE '${TZ}') - interval '1 millisecond')`;
  const iso = (e) => `to_char((${e}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const h = `abs(hashtext(p.id::text))`;
  const B_OPEN = `p.context->>'grade' = 'B' AND coalesce((p.context->>'fulfilled')::boolean, false) = false AND p.state IN ('replied', 'disputed', 'closed')`;
  log('phase 1: future anchors for every proposal in a state with reminders, and their schedule rows…');
  const tPrep = Date.now();
  await db.query('BEGIN');
  await db.query(`SET LOCAL synchronous_commit = off`);
  const updates = [
    ['handling (dueAt in 20–79 days)', `UPDATE proposals p SET due_at = x.d,
        context = p.context || jsonb_build_object('dueAt', ${iso('x.d')}, 'originalDueAt', ${iso('x.d')})
       FROM (SELECT p.id, ${eod(`20 + ${h} % 60`)} AS d FROM proposals p WHERE p.state LIKE 'handling.%' AND p.deleted_at IS NULL) x
      WHERE p.id = x.id`],
    ['cosigning (cosignDeadline in 4–8 days)', `UPDATE proposals p SET context = p.context || jsonb_build_object('cosignDeadline', ${iso(eod(`4 + ${h} % 5`))})
      WHERE p.state = 'cosigning' AND p.deleted_at IS NULL`],
    ['submitted (submittedAt in the last 2 days)', `UPDATE proposals p SET submitted_at = x.s, context = p.context || jsonb_build_object('submittedAt', ${iso('x.s')})
       FROM (SELECT p.id, $1::timestamptz - make_interval(mins => ${h} % 2880) AS s FROM proposals p WHERE p.state = 'submitted' AND p.deleted_at IS NULL) x
      WHERE p.id = x.id`],
    ['replied (evaluationDeadline in 5–18 days)', `UPDATE proposals p SET context = p.context || jsonb_build_object('evaluationDeadline', ${iso(eod(`5 + ${h} % 14`))})
      WHERE p.state = 'replied' AND p.deleted_at IS NULL`],
    ['grade B not fulfilled (plannedAt in 10–89 days)', `UPDATE proposals p SET context = p.context || jsonb_build_object('plannedAt', ${iso(eod(`10 + ${h} % 80`))})
      WHERE ${B_OPEN} AND p.deleted_at IS NULL`],
  ];
  const prepared = {};
  for (const [name, sql] of updates) {
    const r = await db.query(sql, [Tiso]);
    prepared[name] = r.rowCount;
    log(`  ${name}: ${r.rowCount} proposals`);
  }
  // the rows as WorkflowService writes them: {...effect, proposalId, version, state, event, actorId, at}; the
  // effects of one proposal together (one transaction each in the app), proposals in a random order
  const outbox1 = await db.query(
    `INSERT INTO outbox (kind, payload, created_at)
     SELECT 'schedule', jsonb_build_object('kind', 'schedule', 'reminder', r.reminder, 'anchor', p.context->>r.field,
              'proposalId', p.id, 'version', p.version, 'state', p.state, 'event', r.event,
              'actorId', CASE WHEN r.event = 'SUBMIT' THEN p.lead_proposer_id ELSE $2::uuid END, 'at', $1::text), $1::timestamptz
       FROM proposals p
       JOIN LATERAL (VALUES
              (1, 'cosignReminder', 'cosignDeadline', 'SUBMIT', p.state = 'cosigning'),
              (2, 'cosignDeadline', 'cosignDeadline', 'SUBMIT', p.state = 'cosigning'),
              (3, 'reviewOverdue', 'submittedAt', 'SUBMIT', p.state = 'submitted'),
              (4, 'handlingDue', 'dueAt', 'ASSIGN', p.state LIKE 'handling.%'),
              (5, 'evaluationReminder', 'evaluationDeadline', 'APPROVE_REPLY', p.state = 'replied'),
              (6, 'evaluationDeadline', 'evaluationDeadline', 'APPROVE_REPLY', p.state = 'replied'),
              (7, 'plannedDate', 'plannedAt', 'APPROVE_REPLY', ${B_OPEN})
            ) r(ord, reminder, field, event, applies) ON r.applies
      WHERE p.deleted_at IS NULL
      ORDER BY md5(p.id::text), r.ord`,
    [Tiso, committeeId],
  );
  await db.query('COMMIT');
  const rows1 = outbox1.rowCount;
  const byReminder1 = Object.fromEntries(
    (await db.query(`SELECT payload->>'reminder' AS r, count(*)::int AS n FROM outbox WHERE processed_at IS NULL GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.r, r.n]),
  );
  log(`  ${rows1} schedule rows written in ${((Date.now() - tPrep) / 1000).toFixed(1)} s: ${JSON.stringify(byReminder1)}`);
  await db.query(`VACUUM ANALYZE proposals, outbox`);

  // --- the workers ----------------------------------------------------------------------------------------------
  const profDir = path.join(root, 'tmp/bench-reminders-profile');
  const args = [
    ...(o.trace ? [`--import=data:text/javascript,${encodeURIComponent(SHIM)}`] : []),
    ...(o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
    worker,
  ];
  const usedMemoryBefore = Number((await info('memory')).used_memory);
  const workers = [];
  const spawnedAt = Date.now();
  for (let n = 0; n < o.workers; n++) {
    const suffix = o.workers > 1 ? `-${n + 1}` : '';
    const w = {
      n,
      traceFile: path.join(root, `tmp/bench-reminders-${stamp}${suffix}.trace.json`),
      logFile: path.join(root, `tmp/bench-reminders-${stamp}${suffix}.worker.log`),
      lastSeq: 0,
      exited: null,
      log: { running: null, errors: [], warnings: [], errorCount: 0, warnCount: 0, setAside: 0 },
    };
    const workerEnv = {
      ...env,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      REMINDER_RECONCILE_SECONDS: '86400',
      BENCH_TRACE_FILE: w.traceFile,
      ...(o.concurrency ? { WORKER_CONCURRENCY: String(o.concurrency) } : {}),
    };
    delete workerEnv.SMTP_HOST;
    const logOut = createWriteStream(w.logFile);
    cleanups.push(() => new Promise((r) => logOut.end(r)));
    const child = spawn(process.execPath, args, { cwd: root, env: workerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    w.child = child;
    child.on('exit', (code, signal) => (w.exited = { code, signal }));
    cleanups.push(async () => {
      if (w.exited) return;
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => (clearTimeout(t), r()));
      });
      log(`worker ${n + 1} stopped (${JSON.stringify(w.exited)})`);
    });
    let buffered = '';
    const onLine = (line) => {
      let j = null;
      try {
        j = JSON.parse(line);
      } catch {
        /* not pino */
      }
      const msg = j ? String(j.msg ?? '') : line;
      const L = w.log;
      if (msg.startsWith('worker running')) L.running = j?.time ?? Date.now();
      if (msg.includes('set aside')) L.setAside++;
      if (j && j.level >= 50) {
        L.errorCount++;
        if (L.errors.length < 10) L.errors.push(msg.slice(0, 300));
      } else if (j && j.level === 40) {
        L.warnCount++;
        if (L.warnings.length < 10) L.warnings.push(msg.slice(0, 300));
      } else if (!j && line.trim()) {
        L.errorCount++;
        if (L.errors.length < 10) L.errors.push(line.slice(0, 300));
      }
    };
    for (const st of [child.stdout, child.stderr]) {
      st.on('data', (b) => {
        logOut.write(b);
        buffered += b.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop();
        lines.forEach(onLine);
      });
    }
    workers.push(w);
  }
  const checkAlive = () => {
    const dead = workers.find((w) => w.exited);
    if (dead) throw new Error(`worker ${dead.n + 1} exited (${JSON.stringify(dead.exited)}); see ${path.relative(root, dead.logFile)}`);
  };

  // the shims' totals of every worker, summed
  const traceOne = async (w) => {
    w.child.kill('SIGUSR2');
    for (let i = 0; i < 200; i++) {
      await sleep(10);
      try {
        const t = JSON.parse(readFileSync(w.traceFile, 'utf8'));
        if (t.seq > w.lastSeq) {
          w.lastSeq = t.seq;
          return t;
        }
      } catch {
        /* not yet */
      }
    }
    throw new Error(`worker ${w.n + 1} did not write its counts`);
  };
  const trace = async () => {
    if (!o.trace || workers.some((w) => w.exited)) return null;
    const all = await Promise.all(workers.map(traceOne));
    const merge = (a, b) => {
      const by = { ...a.by };
      for (const [k, v] of Object.entries(b.by)) by[k] = { n: (by[k]?.n ?? 0) + v.n, ms: (by[k]?.ms ?? 0) + v.ms };
      return { ...a, ...Object.fromEntries(Object.entries(b).filter(([k, v]) => typeof v === 'number').map(([k, v]) => [k, (a[k] ?? 0) + v])), by };
    };
    return all.reduce((a, t) => ({
      cpu: { user: a.cpu.user + t.cpu.user, system: a.cpu.system + t.cpu.system },
      pg: merge(a.pg, t.pg),
      redis: merge(a.redis, t.redis),
    }));
  };
  const pgBackends = async () =>
    (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`)).rows.map((r) => r.pid);
  const cpuSnapshot = async () => {
    const pids = await pgBackends();
    return {
      at: Date.now(),
      worker: workers.reduce((n, w) => n + cpuSeconds(w.child.pid), 0),
      pg: Object.fromEntries(pids.map((p) => [p, cpuSeconds(p)])),
      redis: await redisCpu(),
    };
  };
  const cpuDiff = (a, b) => ({
    wallSeconds: (b.at - a.at) / 1000,
    workerSeconds: r1(b.worker - a.worker),
    pgBackendsSeconds: r1(Object.entries(b.pg).reduce((n, [p, v]) => n + v - (a.pg[p] ?? 0), 0)),
    redisServerSeconds: r1(b.redis - a.redis),
  });

  // wait until the workers run (the relay starts at bootstrap, just before "worker running")
  while (workers.some((w) => !w.log.running)) {
    checkAlive();
    if (Date.now() - spawnedAt > 120_000) throw new Error('the worker did not start within 120 s');
    await sleep(50);
  }
  const runningAt = Math.min(...workers.map((w) => (typeof w.log.running === 'number' ? w.log.running : Date.parse(w.log.running))));
  log(`${o.workers} worker(s) up (pid ${workers.map((w) => w.child.pid).join(', ')}, ${((runningAt - spawnedAt) / 1000).toFixed(1)} s after spawn); relaying…`);
  const trace0 = await trace();
  const cpu0 = await cpuSnapshot();

  // --- phase 1: wait for the relay ----------------------------------------------------------------------------
  const timeline = [];
  let pending = rows1;
  let lastLog = 0;
  while (pending > 0) {
    checkAlive();
    if (Date.now() - runningAt > o.timeout * 1000) {
      log(`giving up after ${o.timeout} s with ${pending} rows still in the outbox`);
      break;
    }
    await sleep(500);
    pending = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)).rows[0].n;
    const delayed = await redis.zcard(key('delayed'));
    timeline.push({ t: Date.now() - runningAt, outboxPending: pending, redisDelayed: delayed });
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  +${((Date.now() - runningAt) / 1000).toFixed(0)} s: ${rows1 - pending}/${rows1} rows relayed, ${delayed} delayed jobs in Redis`);
    }
  }
  const cpu1 = await cpuSnapshot();
  const trace1 = await trace();
  const relay = (await db.query(
    `SELECT (SELECT min(created_at) FROM queue_jobs) AS first_job_tx, (SELECT max(processed_at) FROM outbox) AS last_processed,
            (SELECT count(*)::int FROM queue_jobs WHERE queue = 'reminders') AS jobs,
            (SELECT count(*)::int FROM queue_jobs WHERE queue = 'reminders' AND status = 'scheduled') AS scheduled,
            (SELECT count(*)::int FROM outbox WHERE processed_at IS NOT NULL) AS relayed`,
  )).rows[0];
  const byName = Object.fromEntries(
    (await db.query(`SELECT name, count(*)::int AS n FROM queue_jobs WHERE queue = 'reminders' GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.name, r.n]),
  );
  // the ledger rows by relay batch (created_at = the batch transaction's start): when the 100,000th was written
  const batches = (await db.query(`SELECT created_at, count(*)::int AS n FROM queue_jobs WHERE queue = 'reminders' GROUP BY 1 ORDER BY 1`)).rows;
  const relayStart = new Date(relay.first_job_tx).getTime();
  const relayEnd = new Date(relay.last_processed).getTime();
  let to100k = null;
  for (let i = 0, sum = 0; i < batches.length; i++) {
    sum += batches[i].n;
    if (sum >= TARGET_JOBS) {
      const end = i + 1 < batches.length ? new Date(batches[i + 1].created_at).getTime() : relayEnd;
      to100k = (end - relayStart) / 1000;
      break;
    }
  }
  const redisCounts = await Promise.all(['delayed', 'wait', 'active', 'completed', 'failed', 'prioritized'].map((k) =>
    (k === 'wait' || k === 'active' ? redis.llen(key(k)) : redis.zcard(key(k))).catch(() => 0),
  ));
  const redisJobs = { delayed: redisCounts[0], wait: redisCounts[1], active: redisCounts[2], completed: redisCounts[3], failed: redisCounts[4], prioritized: redisCounts[5] };
  const usedMemoryAfter = Number((await info('memory')).used_memory);
  // MEMORY USAGE of every key under the prefix
  const mem = { keys: 0, bytes: 0, jobHashes: 0, jobHashBytes: 0 };
  {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
      cursor = next;
      if (keys.length) {
        const p = redis.pipeline();
        keys.forEach((k) => p.memory('USAGE', k, 'SAMPLES', 0));
        const res = await p.exec();
        keys.forEach((k, i) => {
          const b = Number(res[i][1] ?? 0);
          mem.keys++;
          mem.bytes += b;
          if (/^[^:]+:reminders:[^:]+$/.test(k) && !['delayed', 'wait', 'active', 'completed', 'failed', 'events', 'meta', 'id', 'marker', 'prioritized', 'paused', 'stalled-check', 'pc'].includes(k.split(':')[2])) {
            mem.jobHashes++;
            mem.jobHashBytes += b;
          }
        });
      }
    } while (cursor !== '0');
  }
  const relaySeconds = (relayEnd - relayStart) / 1000;
  // outbox rows per second in the first and the last quarter of the relay (from the 0.5 s samples)
  const rateBetween = (a, b) => {
    const at = (t) => timeline.reduce((best, x) => (Math.abs(x.t - t) < Math.abs(best.t - t) ? x : best), timeline[0]);
    const x = at(a);
    const y = at(b);
    return y.t > x.t ? ((x.outboxPending - y.outboxPending) / (y.t - x.t)) * 1000 : null;
  };
  const t0 = relayStart - runningAt;
  const span = relayEnd - relayStart;
  const rowsPerSecondFirstQuarter = timeline.length > 8 ? rateBetween(t0, t0 + span / 4) : null;
  const rowsPerSecondLastQuarter = timeline.length > 8 ? rateBetween(t0 + (3 * span) / 4, t0 + span) : null;
  const relayT = trace0 && trace1 ? diffTrace(trace0, trace1) : null;
  const phase1 = {
    outboxRows: rows1,
    rowsByReminder: byReminder1,
    rowsRelayed: relay.relayed,
    rowsLeft: pending,
    proposalsPrepared: prepared,
    jobsInLedger: relay.jobs,
    jobsScheduledInLedger: relay.scheduled,
    jobsByReminder: byName,
    jobsInRedis: redisJobs,
    relaySeconds,
    relayFromWorkerRunningSeconds: (relayEnd - runningAt) / 1000,
    workerStartSeconds: (runningAt - spawnedAt) / 1000,
    jobsPerSecond: relay.jobs / relaySeconds,
    rowsPerSecond: relay.relayed / relaySeconds,
    rowsPerSecondFirstQuarter,
    rowsPerSecondLastQuarter,
    secondsTo100kJobs: to100k,
    batches: batches.length,
    redisMemory: {
      keys: mem.keys,
      totalMB: mem.bytes / 2 ** 20,
      jobHashes: mem.jobHashes,
      bytesPerJob: mem.jobHashes ? mem.jobHashBytes / mem.jobHashes : null,
      bytesPerJobAllKeys: relay.jobs ? mem.bytes / relay.jobs : null,
      usedMemoryDeltaMB: (usedMemoryAfter - usedMemoryBefore) / 2 ** 20,
      usedMemoryAfterMB: usedMemoryAfter / 2 ** 20,
    },
    cpu: cpuDiff(cpu0, cpu1),
    trace: relayT,
    timeline: timeline.filter((_, i) => i % 4 === 0),
  };
  log(`phase 1: ${relay.jobs} jobs (${relay.relayed} rows) in ${relaySeconds.toFixed(1)} s = ${r0(phase1.jobsPerSecond)} jobs/s; 100,000th job at ${to100k === null ? '–' : `${to100k.toFixed(1)} s`}`);

  // --- phase 2: firing ----------------------------------------------------------------------------------------
  // two rounds on disjoint replied proposals: --fire deadlines spread over --fire-window, then --burst deadlines at
  // one instant (as the app schedules them: every evaluation deadline of a day at 23:59:59.999, every day-based
  // reminder at REMINDER_HOUR:00)
  const candidates = (await db.query(
    `SELECT id FROM proposals WHERE state = 'replied' AND deleted_at IS NULL ORDER BY md5(id::text || 'fire') LIMIT $1`, [o.fire + o.burst],
  )).rows.map((r) => r.id);
  const events = new Map(); // jobId → {active, completed, failed} (ms, from the event stream ids)
  const qe = new QueueEvents('reminders', { connection: { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) }, prefix });
  cleanups.push(() => qe.close());
  await qe.waitUntilReady();
  const stamp2 = (kind) => ({ jobId }, id) => {
    const e = events.get(jobId) ?? {};
    if (e[kind] === undefined) e[kind] = Number(String(id).split('-')[0]);
    events.set(jobId, e);
  };
  qe.on('active', stamp2('active'));
  qe.on('completed', stamp2('completed'));
  qe.on('failed', stamp2('failed'));
  const fireRound = async (fire, windowSeconds, name) => {
    const rows2 = fire.length * 2;
    const lead = Math.max(o.fireLead, Math.ceil((2.5 * rows2) / Math.max(1, phase1.rowsPerSecond)));
    const T2 = Date.now();
    const first = T2 + lead * 1000;
    const dues = fire.map((_, i) => new Date(first + Math.floor((windowSeconds * 1000 * (i + 0.5)) / fire.length)));
    log(`${name}: ${fire.length} evaluation deadlines ${windowSeconds ? `between +${lead} s and +${lead + windowSeconds} s (${r0(fire.length / windowSeconds)}/s)` : `all at +${lead} s`}…`);
    const trace2 = await trace();
    const cpu2 = await cpuSnapshot();
    const notices0 = (await db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n;
    const T2iso = new Date(T2).toISOString();
    await db.query('BEGIN');
    await db.query(
      `UPDATE proposals p SET context = p.context || jsonb_build_object('evaluationDeadline', x.d)
         FROM unnest($1::uuid[], $2::text[]) AS x(id, d) WHERE p.id = x.id`,
      [fire, dues.map((d) => d.toISOString())],
    );
    await db.query(
      `INSERT INTO outbox (kind, payload, created_at)
       SELECT 'schedule', jsonb_build_object('kind', 'schedule', 'reminder', r.reminder, 'anchor', x.d, 'proposalId', p.id,
                'version', p.version, 'state', p.state, 'event', 'APPROVE_REPLY', 'actorId', $3::uuid, 'at', $4::text), $4::timestamptz
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(id, d, i)
         JOIN proposals p ON p.id = x.id
         CROSS JOIN (VALUES (1, 'evaluationReminder'), (2, 'evaluationDeadline')) r(ord, reminder)
        ORDER BY x.i, r.ord`,
      [fire, dues.map((d) => d.toISOString()), committeeId, T2iso],
    );
    await db.query('COMMIT');
    // and wake the relay, as the app's OutboxWake does after an event's commit
    await db.query(`SELECT pg_notify('congress_outbox', '')`);
    const fireIds = fire.map((id, i) => `evaluationDeadline-${id}-${dues[i].getTime()}`);
    const lastDue = dues[dues.length - 1]?.getTime() ?? first;
    let left = fireIds.length;
    let relayed2At = null;
    while (left > 0) {
      checkAlive();
      if (Date.now() > lastDue + 300_000) {
        log(`giving up 300 s after the last deadline with ${left} deadline jobs not finished`);
        break;
      }
      await sleep(500);
      const r = (await db.query(
        `SELECT count(*)::int AS ledger, count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled FROM queue_jobs WHERE job_id = ANY($1)`, [fireIds],
      )).rows[0];
      if (relayed2At === null && r.ledger === fireIds.length) relayed2At = Date.now();
      left = r.scheduled + (fireIds.length - r.ledger);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const s = (Date.now() - first) / 1000;
        log(`  ${s < 0 ? `${(-s).toFixed(0)} s before the first deadline` : `+${s.toFixed(0)} s after the first deadline`}: ${fireIds.length - left}/${fireIds.length} fired, ${r.ledger} relayed`);
      }
    }
    const firedAt = Date.now();
    const cpu3 = await cpuSnapshot();
    const trace3 = await trace();
    // the follow-up: the events' own outbox rows relayed, their notices delivered
    let drainedAt = null;
    for (const until = Date.now() + 120_000; Date.now() < until; ) {
      const p = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)).rows[0].n;
      const waiting = (await redis.llen(`${prefix}:notices:wait`)) + (await redis.llen(`${prefix}:notices:active`));
      if (p === 0 && waiting === 0) {
        drainedAt = Date.now();
        break;
      }
      await sleep(500);
    }
    const ledger2 = (await db.query(
      `SELECT job_id, run_at, finished_at, created_at, status, outcome FROM queue_jobs WHERE job_id = ANY($1)`, [fireIds],
    )).rows;
    const notices1 = (await db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n;
    const lags = [];
    const pickups = [];
    const slack = [];
    const statuses = {};
    const outcomes = {};
    for (const r of ledger2) {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const oc = String(r.outcome ?? '').replace(/[0-9a-f-]{36}/g, '…').slice(0, 80);
      outcomes[oc] = (outcomes[oc] ?? 0) + 1;
      const run = new Date(r.run_at).getTime();
      slack.push((run - new Date(r.created_at).getTime()) / 1000);
      if (r.finished_at) lags.push(new Date(r.finished_at).getTime() - run);
      const e = events.get(r.job_id);
      if (e?.active !== undefined) pickups.push(e.active - run);
    }
    lags.sort((a, b) => a - b);
    pickups.sort((a, b) => a - b);
    slack.sort((a, b) => a - b);
    const finishes = ledger2.filter((r) => r.finished_at).map((r) => new Date(r.finished_at).getTime()).sort((a, b) => a - b);
    const fireT = trace2 && trace3 ? diffTrace(trace2, trace3) : null;
    return {
      name,
      jobs: fireIds.length,
      windowSeconds,
      leadSeconds: lead,
      ratePerSecond: windowSeconds ? fire.length / windowSeconds : null,
      relayedAllSecondsAfterWrite: relayed2At ? (relayed2At - T2) / 1000 : null,
      minSlackSeconds: slack.length ? slack[0] : null,
      statuses,
      outcomes,
      finished: lags.length,
      lagMs: { p50: pct(lags, 50), p90: pct(lags, 90), p99: pct(lags, 99), max: lags.at(-1) ?? null, min: lags[0] ?? null },
      over2s: lags.filter((l) => l > TARGET_LAG_MS).length,
      notFinished: fireIds.length - lags.length,
      pickupLagMs: { count: pickups.length, p50: pct(pickups, 50), p99: pct(pickups, 99), max: pickups.at(-1) ?? null, over2s: pickups.filter((l) => l > TARGET_LAG_MS).length },
      throughputPerSecond: finishes.length > 1 ? (finishes.length - 1) / ((finishes.at(-1) - finishes[0]) / 1000) : null,
      lastFinishedAfterLastDueSeconds: finishes.length ? (finishes.at(-1) - lastDue) / 1000 : null,
      followUpDrainedSecondsAfterLastDue: drainedAt ? (drainedAt - lastDue) / 1000 : null,
      notificationsCreated: notices1 - notices0,
      cpu: cpuDiff(cpu2, cpu3),
      trace: fireT,
      firedSecondsAfterWrite: (firedAt - T2) / 1000,
    };
  };
  const rounds = [];
  if (o.fire) rounds.push(await fireRound(candidates.slice(0, o.fire), o.fireWindow, 'firing (spread)'));
  if (o.burst) rounds.push(await fireRound(candidates.slice(o.fire, o.fire + o.burst), 0, 'firing (burst)'));
  const loadEnd = os.loadavg();
  await cleanup();

  let profile = null;
  if (o.profile) profile = summariseProfile(profDir, root);

  // --- report -------------------------------------------------------------------------------------------------
  const p1 = phase1;
  const perRowMs = (ms) => (p1.rowsRelayed ? Math.round((ms / p1.rowsRelayed) * 100) / 100 : null);
  const perRow = (x) => (x === null || !p1.rowsRelayed ? null : Math.round((x / p1.rowsRelayed) * 10) / 10);
  const met1 = p1.secondsTo100kJobs !== null && p1.secondsTo100kJobs <= TARGET_SECONDS;
  const met2 = rounds.length > 0 && rounds.every((p2) => p2.notFinished === 0 && p2.over2s === 0);
  const table = [
    { measure: 'outbox schedule rows (proposals in reminder states)', value: fmt(p1.outboxRows) },
    { measure: 'jobs written: queue_jobs rows / delayed in Redis', value: `${fmt(p1.jobsInLedger)} / ${fmt(p1.jobsInRedis.delayed)}` },
    { measure: 'relay time, first batch → outbox empty', value: `${r1(p1.relaySeconds)} s` },
    { measure: 'jobs per second (outbox rows per second)', value: `${fmt(r0(p1.jobsPerSecond))} (${fmt(r0(p1.rowsPerSecond))})` },
    { measure: 'outbox rows per second, first / last quarter', value: `${fmt(r0(p1.rowsPerSecondFirstQuarter))} / ${fmt(r0(p1.rowsPerSecondLastQuarter))}` },
    { measure: `time to the ${fmt(TARGET_JOBS)}th job (target ≤ ${TARGET_SECONDS} s)`, value: p1.secondsTo100kJobs === null ? 'not reached' : `${r1(p1.secondsTo100kJobs)} s → ${met1 ? 'met' : 'NOT met'}` },
    { measure: 'Redis memory: keys under the prefix / per job hash', value: `${r1(p1.redisMemory.totalMB)} MB / ${fmt(r0(p1.redisMemory.bytesPerJob))} B (used_memory +${r1(p1.redisMemory.usedMemoryDeltaMB)} MB)` },
    { measure: 'CPU during the relay: worker / its PG backends / Redis', value: `${p1.cpu.workerSeconds} s / ${p1.cpu.pgBackendsSeconds} s / ${p1.cpu.redisServerSeconds} s over ${r1(p1.cpu.wallSeconds)} s` },
    ...(p1.trace
      ? [
          { measure: 'PostgreSQL statements (per row), time waited', value: `${fmt(p1.trace.pg.statements)} (${perRow(p1.trace.pg.statements)}), ${r1(p1.trace.pg.ms / 1000)} s` },
          { measure: 'Redis round trips (per row), time waited', value: `${fmt(p1.trace.redis.trips)} (${perRow(p1.trace.redis.trips)}), ${r1(p1.trace.redis.ms / 1000)} s; ${fmt(p1.trace.redis.pipelined)} commands pipelined` },
          { measure: 'per outbox row: waiting on PG / on Redis / the rest', value: `${perRowMs(p1.trace.pg.ms)} / ${perRowMs(p1.trace.redis.ms)} / ${perRowMs(p1.relaySeconds * 1000 * o.workers - p1.trace.pg.ms - p1.trace.redis.ms)} ms` },
        ]
      : []),
    ...rounds.flatMap((p2) => {
      const met = p2.notFinished === 0 && p2.over2s === 0;
      return [
        { measure: `${p2.name}: deadline jobs ${p2.windowSeconds ? `over ${p2.windowSeconds} s (${r0(p2.ratePerSecond)}/s)` : 'due at one instant'}, relayed ${p2.leadSeconds} s ahead`, value: `${fmt(p2.jobs)}; ${JSON.stringify(p2.statuses)}` },
        { measure: '  lag finished_at − run_at: p50 / p99 / max', value: `${fmt(p2.lagMs.p50)} / ${fmt(p2.lagMs.p99)} / ${fmt(p2.lagMs.max)} ms` },
        { measure: `  lag over ${TARGET_LAG_MS / 1000} s (target: none) / not finished`, value: `${fmt(p2.over2s)} / ${fmt(p2.notFinished)} → ${met ? 'met' : 'NOT met'}` },
        { measure: '  pick-up lag (BullMQ active − run_at): p50 / p99 / max', value: `${fmt(p2.pickupLagMs.p50)} / ${fmt(p2.pickupLagMs.p99)} / ${fmt(p2.pickupLagMs.max)} ms (${fmt(p2.pickupLagMs.count)} seen)` },
        { measure: '  deadline jobs finished per second (first → last)', value: `${r1(p2.throughputPerSecond)}` },
        { measure: '  CPU: worker / PG backends / Redis', value: `${p2.cpu.workerSeconds} s / ${p2.cpu.pgBackendsSeconds} s / ${p2.cpu.redisServerSeconds} s over ${r1(p2.cpu.wallSeconds)} s` },
      ];
    }),
  ];
  console.log('');
  console.log(`reminders: ${sizes.proposals} proposals (${sizes.databaseSize}), ${o.workers} worker process(es), concurrency ${o.concurrency ?? 'default (4)'}, ${os.cpus().length} cores, load ${loadStart.map((x) => x.toFixed(1)).join(' ')} → ${loadEnd.map((x) => x.toFixed(1)).join(' ')}`);
  console.table(table);
  if (p1.trace) {
    console.log('where the relay spent its round trips (PostgreSQL, the worker process during phase 1):');
    console.table(topOf(p1.trace.pg.by, 14));
    console.log('Redis calls during phase 1 (timed = one round trip; pipelined = inside a MULTI/pipeline):');
    console.table(topOf(p1.trace.redis.by, 10));
  }
  if (profile) {
    log(`CPU profile of the worker (${profile.file}), top self time:`);
    for (const f of profile.top) log(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}`);
  }
  for (const w of workers) {
    if (w.log.errorCount || w.log.warnCount) {
      log(`worker ${w.n + 1} log: ${w.log.errorCount} errors, ${w.log.warnCount} warnings (${path.relative(root, w.logFile)})`);
      for (const e of [...w.log.errors, ...w.log.warnings].slice(0, 6)) log(`  ${e}`);
    }
  }

  const out = {
    startedAt: started.toISOString(),
    options: o,
    target: { jobs: TARGET_JOBS, seconds: TARGET_SECONDS, lagMs: TARGET_LAG_MS, schedulingMet: met1, firingMet: met2 },
    machine: {
      cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
      postgres: (await pgVersion(server.toString())), redis: redisVersion, loadavgStart: loadStart, loadavgEnd: loadEnd,
    },
    distBuiltAt,
    data: { ...sizes, seedSeconds, database: DB_NAME, kept: o.keep, redisPrefix: prefix },
    workers: {
      count: o.workers,
      env: { NODE_ENV: 'production', REMINDER_RECONCILE_SECONDS: 86400, WORKER_CONCURRENCY: o.concurrency ?? 'default (4)', LOG_LEVEL: 'info', DB_POOL_MAX: 'default (10)' },
      logs: workers.map((w) => ({ file: path.relative(root, w.logFile), ...w.log })),
    },
    table,
    scheduling: phase1,
    firing: rounds,
    profile,
  };
  const file = path.join(root, `tmp/bench-reminders-${stamp}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  log(`written to ${path.relative(root, file)}`);
  return out;
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

export async function main(argv = process.argv.slice(2)) {
  let o;
  try {
    o = parseOptions(argv);
  } catch (err) {
    console.error(`[reminders] ${err.message} (--help lists the options)`);
    process.exitCode = 2;
    return;
  }
  if (o.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
    return;
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cleanup().then(() => process.exit(130)));
  try {
    await benchReminders(o);
  } catch (err) {
    console.error('[reminders] failed:', err);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
