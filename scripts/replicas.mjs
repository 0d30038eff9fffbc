#!/usr/bin/env node
// Replicas under load: two API processes and two workers (the built dist) on one PostgreSQL database and one Redis,
// concurrent load across both APIs, then consistency checks. Exits 1 on any violation.
//
//   node scripts/replicas.mjs [--duration 60] [--users 16] [--database congress_replicas] [--keep]
//
// - the database (default congress_replicas, on the server of DATABASE_URL) is dropped and created afresh, then
//   `cli.js setup` migrates it and seeds the demo university; the Redis prefix is congress_replicas_<pid>;
// - APIs run with WORKER_MODE=off, the two workers (worker.js) relay the outbox and run the queues;
// - load for --duration seconds by --users virtual users, every request to one API or the other at random:
//   * conflict users: read a "hot" proposal (in handling) and send URGE with the version they read; several users
//     on few proposals, so many answers are 409 (stale version) and none may be lost;
//   * submission users: delegates draft, submit, co-sign; then committee1 and committee2 ACCEPT the same proposal at
//     once on different APIs (one wins, one 409; the winner numbers it), then CLASSIFY and ASSIGN (reminders);
//   * readers: the proposal list and details;
// - then the outbox and queues settle and the checks run (SQL, BullMQ, `cli.js verify-history`), a figure table
//   is printed, and the processes get SIGTERM (graceful shutdown; each must exit 0).
// Without --keep the database, the Redis keys and (when it passed) the process logs are removed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import pg from 'pg';
import { isStale, run } from './lib/build.mjs';
import { freePort } from './lib/ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist/backend/backend/src');

// ---- options ----------------------------------------------------------------------------------------------
function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  if (args[i].includes('=')) return args[i].split('=').slice(1).join('=');
  return typeof fallback === 'boolean' ? true : args[i + 1];
}
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    'usage: node scripts/replicas.mjs [--duration seconds (60)] [--users n (16)] [--database name (congress_replicas)] [--keep]\n' +
      'env: DATABASE_URL (its server is used), REDIS_URL, REPLICAS_DURATION',
  );
  process.exit(0);
}
const durationS = Number(option('duration', process.env.REPLICAS_DURATION ?? '60'));
const users = Number(option('users', '16'));
const dbName = String(option('database', 'congress_replicas'));
const keep = Boolean(option('keep', false));
if (!(durationS > 0) || !(users >= 4) || !/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) {
  console.error('replicas: --duration must be > 0, --users >= 4, --database a plain lower-case name');
  process.exit(2);
}
const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/congress');
const urlOf = (db) => Object.assign(new URL(serverUrl), { pathname: `/${db}` }).toString();
const databaseUrl = urlOf(dbName);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `congress_replicas_${process.pid}`;
const password = process.env.DEMO_PASSWORD ?? 'demo12345';
const logDir = mkdtempSync(path.join(os.tmpdir(), 'congress-replicas-'));
const log = (m) => console.log(`[replicas] ${m}`);

// ---- processes ----------------------------------------------------------------------------------------------
const children = [];
function start(name, script, extraEnv) {
  const out = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(process.execPath, [path.join(dist, script)], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DB_POOL_MAX: '10',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      DEMO_PASSWORD: password,
      FRONTEND_DIST: '/nonexistent',
      LOGIN_MAX_FAILURES: '1000',
      RELAY_INTERVAL_MS: '200',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const proc = { name, child, exited: new Promise((r) => child.once('exit', (code, signal) => r({ code, signal }))) };
  children.push(proc);
  return proc;
}

async function stopAll() {
  const results = await Promise.all(
    children.map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return { name: p.name, ...(await p.exited) };
      p.child.kill('SIGTERM');
      const timer = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
      const r = await p.exited;
      clearTimeout(timer);
      return { name: p.name, ...r };
    }),
  );
  return results;
}

async function waitReady(base, proc) {
  const until = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}); see ${logDir}/${proc.name}.log`);
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${proc.name} not ready within 60 s; see ${logDir}/${proc.name}.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---- HTTP with figures ----------------------------------------------------------------------------------------
const samples = []; // { kind, api, status, ms }
let apis = [];
const pick = (a) => a[Math.floor(Math.random() * a.length)];

async function call(kind, method, url, { token, body, api = pick(apis) } = {}) {
  const started = performance.now();
  let status = 0;
  let json = null;
  try {
    const res = await fetch(`${api.base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    status = res.status;
    const text = await res.text();
    json = text ? JSON.parse(text) : null;
  } catch (err) {
    json = { error: err.message };
  }
  const sample = { kind, api: api.name, status, ms: performance.now() - started, expected: false };
  samples.push(sample);
  return { status, body: json, sample };
}

const unexpected = []; // answers the flows did not expect (a 4xx other than the races' 409, any 5xx, network errors)
function expectOk(res, what) {
  if (res.status >= 200 && res.status < 300) return res.body;
  unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return null;
}

// ---- main -------------------------------------------------------------------------------------------------------
let db;
let exitCode = 1;
try {
  const why = isStale(['backend/src', 'libs/workflow/src', 'libs/api-types/src'].map((p) => path.join(root, p)), path.join(root, 'dist/backend/.built'));
  if (why) {
    log(`building the backend (its build is ${why})`);
    if ((await run(process.execPath, [path.join(root, 'scripts/build-backend.mjs')])) !== 0) throw new Error('the build failed');
  }

  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const setup = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'setup'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, DEMO_PASSWORD: password, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(`cli.js setup failed: ${setup.stderr || setup.stdout}`);
  log(`database ${dbName} created with cli.js setup; Redis prefix ${prefix}; logs in ${logDir}`);

  db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const q = async (sql, params = []) => (await db.query(sql, params)).rows;

  for (const n of [1, 2]) {
    const port = await freePort(4100 + n * 10);
    const proc = start(`api${n}`, 'main.js', { PORT: String(port), HOST: '127.0.0.1', WORKER_MODE: 'off' });
    apis.push({ name: `api${n}`, base: `http://127.0.0.1:${port}`, proc });
  }
  for (const n of [1, 2]) start(`worker${n}`, 'worker.js', { WORKER_CONCURRENCY: '4' });
  await Promise.all(apis.map((a) => waitReady(a.base, a.proc)));
  log(`api1 ${apis[0].base}, api2 ${apis[1].base}, worker1, worker2 running`);

  // the people and the ids the flows need
  const [session] = await q(`SELECT id FROM congress_sessions ORDER BY is_current DESC, opens_at DESC LIMIT 1`);
  const [category] = await q(`SELECT id FROM categories ORDER BY name LIMIT 1`);
  const departments = (await q(`SELECT id, code FROM departments ORDER BY code`)).map((d) => d.id);
  const userIds = Object.fromEntries((await q(`SELECT username, id FROM users`)).map((u) => [u.username, u.id]));
  const names = ['committee1', 'committee2', ...Array.from({ length: 12 }, (_, i) => `delegate${String(i + 1).padStart(2, '0')}`)];
  const tokens = {};
  await Promise.all(
    names.map(async (u, i) => {
      const res = await call('login', 'POST', '/api/auth/login', { body: { username: u, password }, api: apis[i % 2] });
      if (res.status !== 200) throw new Error(`login ${u}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens[u] = res.body.accessToken;
    }),
  );
  const delegations = [
    ['delegate01', 'delegate02', 'delegate03', 'delegate04'],
    ['delegate05', 'delegate06', 'delegate07', 'delegate08'],
    ['delegate09', 'delegate10', 'delegate11', 'delegate12'],
  ];
  const TEXT = {
    background:
      '近年来学校教职工人数持续增加，食堂就餐高峰时段排队时间过长，菜品种类单一，价格逐年上涨，教职工反映强烈。' +
      '部分窗口卫生状况有待改善，晚餐供应时间过短，加班教师难以按时就餐。',
    suggestions: '一、增设教工专用窗口并延长晚餐供应时间；二、每月公开菜品价格与成本；三、建立教职工伙食监督小组定期检查。',
  };
  let drafted = 0;
  const ev = (kind, who, id, type, expectedVersion, payload = {}, api) =>
    call(`event ${kind}`, 'POST', `/api/proposals/${id}/events`, { token: tokens[who], body: { type, expectedVersion, ...payload }, api });

  /** draft → SUBMIT → 2 co-signs → submitted; returns the proposal body or null. */
  async function submittedProposal() {
    const group = pick(delegations);
    const [lead, a, b] = [...group].sort(() => Math.random() - 0.5);
    const n = ++drafted;
    let p = expectOk(
      await call('create draft', 'POST', '/api/proposals', {
        token: tokens[lead],
        body: { sessionId: session.id, title: `关于改善教职工就餐条件的提案（并发 ${n}）`, ...TEXT, cosignerIds: [userIds[a], userIds[b]] },
      }),
      'create draft',
    );
    if (!p) return null;
    p = expectOk(await ev('SUBMIT', lead, p.id, 'SUBMIT', p.version), 'SUBMIT');
    if (!p) return null;
    p = expectOk(await ev('COSIGN', a, p.id, 'COSIGN', p.version), 'COSIGN');
    if (!p) return null;
    return expectOk(await ev('COSIGN', b, p.id, 'COSIGN', p.version), 'COSIGN');
  }

  // the hot proposals: in handling, urged by many users at once
  const hot = [];
  for (let i = 0; i < 4; i++) {
    let p = await submittedProposal();
    p = p && expectOk(await ev('ACCEPT', 'committee1', p.id, 'ACCEPT', p.version), 'ACCEPT');
    p = p && expectOk(await ev('CLASSIFY', 'committee1', p.id, 'CLASSIFY', p.version, { categoryId: category.id }), 'CLASSIFY');
    p = p && expectOk(await ev('ASSIGN', 'committee1', p.id, 'ASSIGN', p.version, { leadDepartmentId: departments[i % departments.length] }), 'ASSIGN');
    if (!p) throw new Error(`preparing the hot proposals failed: ${unexpected.join('; ')}`);
    hot.push({ id: p.id, startVersion: p.version, urged: 0 });
  }
  const hotStart = Object.fromEntries(
    (await q(`SELECT proposal_id::text AS id, count(*)::int AS n FROM proposal_history WHERE proposal_id = ANY($1::uuid[]) GROUP BY 1`, [hot.map((h) => h.id)])).map((r) => [
      r.id,
      r.n,
    ]),
  );
  samples.length = 0; // the figures are of the load phase only

  // ---- the load ----
  const until = Date.now() + durationS * 1000;
  const races = []; // { id, winners }
  const conflictUsers = Math.max(2, Math.round(users * 0.4));
  const submissionUsers = Math.max(1, Math.round(users * 0.3));
  const readerUsers = Math.max(1, users - conflictUsers - submissionUsers);
  log(`load for ${durationS} s: ${conflictUsers} conflict users on ${hot.length} proposals, ${submissionUsers} submission users, ${readerUsers} readers`);

  async function conflictUser() {
    while (Date.now() < until) {
      const h = pick(hot);
      const who = pick(['committee1', 'committee2']);
      const seen = await call('read detail', 'GET', `/api/proposals/${h.id}`, { token: tokens[who] });
      if (!expectOk(seen, 'read hot')) continue;
      await new Promise((r) => setTimeout(r, Math.random() * 15));
      const res = await ev('URGE', who, h.id, 'URGE', seen.body.version, { comment: '请尽快办理' });
      if (res.status === 200) h.urged++;
      else if (res.status !== 409) expectOk(res, 'URGE');
    }
  }

  async function submissionUser() {
    while (Date.now() < until) {
      const p = await submittedProposal();
      if (!p) continue;
      // two committee members accept it at the same moment, on different APIs
      const [x, y] = await Promise.all([
        ev('ACCEPT race', 'committee1', p.id, 'ACCEPT', p.version, {}, apis[0]),
        ev('ACCEPT race', 'committee2', p.id, 'ACCEPT', p.version, {}, apis[1]),
      ]);
      const winners = [x, y].filter((r) => r.status === 200);
      races.push({ id: p.id, winners: winners.length });
      for (const r of [x, y]) if (r.status !== 200 && r.status !== 409) expectOk(r, 'ACCEPT race');
      if (winners.length !== 1) continue;
      let a = winners[0].body;
      a = expectOk(await ev('CLASSIFY', pick(['committee1', 'committee2']), a.id, 'CLASSIFY', a.version, { categoryId: category.id }), 'CLASSIFY');
      if (a) expectOk(await ev('ASSIGN', pick(['committee1', 'committee2']), a.id, 'ASSIGN', a.version, { leadDepartmentId: pick(departments) }), 'ASSIGN');
    }
  }

  async function reader() {
    while (Date.now() < until) {
      const who = pick(names);
      const list = await call('read list', 'GET', '/api/proposals?pageSize=20', { token: tokens[who] });
      const items = expectOk(list, 'list')?.items ?? [];
      if (!items.length) continue;
      const item = pick(items);
      const detail = await call('read detail', 'GET', `/api/proposals/${item.id}`, { token: tokens[who] });
      // any delegate sees a proposal while it is open to co-sign, only its people once co-signing closed: a 404 then is right
      if (detail.status === 404 && item.state === 'cosigning' && !who.startsWith('committee')) detail.sample.expected = true;
      else expectOk(detail, `detail (${who}, listed as ${item.state})`);
    }
  }

  const progress = setInterval(() => log(`${samples.length} requests so far, ${Math.max(0, Math.round((until - Date.now()) / 1000))} s to go`), 15_000);
  await Promise.all([
    ...Array.from({ length: conflictUsers }, conflictUser),
    ...Array.from({ length: submissionUsers }, submissionUser),
    ...Array.from({ length: readerUsers }, reader),
  ]);
  clearInterval(progress);
  const loadSamples = samples.slice();

  // ---- settle: the outbox relayed and the notices processed ----
  const queues = ['notices', 'reminders'].map((name) => new Queue(name, { connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix }));
  const settleUntil = Date.now() + 60_000;
  for (;;) {
    const [{ pending }] = await q(`SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`);
    const counts = await Promise.all(queues.map((qu) => qu.getJobCounts('waiting', 'active', 'prioritized')));
    if (pending === 0 && counts.every((c) => !c.waiting && !c.active && !c.prioritized)) break;
    if (Date.now() > settleUntil) {
      unexpected.push(`the outbox and queues did not settle within 60 s (outbox pending ${pending})`);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  // ---- checks ----
  const checks = [];
  const check = (name, found, detail = '') => checks.push({ name, found, detail });

  const versionMismatch = await q(
    `SELECT p.id, p.version, count(h.id)::int AS records, coalesce(max(h.seq), 0) AS last_seq
       FROM proposals p LEFT JOIN proposal_history h ON h.proposal_id = p.id
      GROUP BY p.id, p.version HAVING p.version <> count(h.id) OR count(h.id) <> coalesce(max(h.seq), 0)`,
  );
  check('proposals whose version ≠ history count / last seq', versionMismatch.length, versionMismatch.slice(0, 3).map((r) => r.id).join(' '));

  let lost = 0;
  const hotDetail = [];
  for (const h of hot) {
    const [{ version }] = await q(`SELECT version FROM proposals WHERE id = $1`, [h.id]);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM proposal_history WHERE proposal_id = $1`, [h.id]);
    const [{ urges }] = await q(`SELECT count(*)::int AS urges FROM proposal_history WHERE proposal_id = $1 AND event = 'URGE'`, [h.id]);
    if (version - h.startVersion !== h.urged || n - hotStart[h.id] !== h.urged || urges !== h.urged) lost++;
    hotDetail.push(`${h.urged} URGE 200s → version +${version - h.startVersion}, history +${n - hotStart[h.id]}`);
  }
  check('lost or phantom updates (hot proposals: 200s vs version and history)', lost, hotDetail.join('; '));

  const dupNumbers = await q(
    `SELECT session_id, series, number, count(*)::int FROM proposals WHERE number IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  );
  check('duplicate proposal numbers', dupNumbers.length);
  const gaps = await q(
    `SELECT p.session_id, p.series, count(*)::int AS n, max(p.number) AS max, c.last
       FROM proposals p JOIN proposal_number_counters c ON c.session_id = p.session_id AND c.series = p.series
      WHERE p.number IS NOT NULL GROUP BY p.session_id, p.series, c.last
     HAVING count(*) <> max(p.number) OR max(p.number) <> c.last`,
  );
  const [{ numbered }] = await q(`SELECT count(*)::int AS numbered FROM proposals WHERE number IS NOT NULL`);
  check('gaps in the numbers (count ≠ max ≠ counter)', gaps.length, `${numbered} proposals numbered`);
  const badRaces = races.filter((r) => r.winners !== 1);
  check('ACCEPT races without exactly one winner', badRaces.length, `${races.length} races`);

  const dupJobs = await q(
    `SELECT proposal_id, name, anchor, data->>'step' AS step, count(*)::int FROM queue_jobs WHERE queue = 'reminders'
      GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
  );
  const [{ reminderJobs }] = await q(`SELECT count(*)::int AS "reminderJobs" FROM queue_jobs WHERE queue = 'reminders'`);
  check('duplicated reminders (proposal + kind + due + step)', dupJobs.length, `${reminderJobs} reminder occurrences planned`);
  const twice = await q(
    `SELECT proposal_id, name, data->>'step' AS step, count(*)::int FROM queue_jobs WHERE queue = 'reminders' AND status = 'scheduled'
      GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  );
  check('reminders scheduled twice for one deadline (proposal + kind + step)', twice.length);
  const dupNotices = await q(
    `SELECT recipient_id, proposal_id, topic, event_key, count(*)::int FROM notifications GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
  );
  check('duplicated notifications (recipient + proposal + kind + event)', dupNotices.length);
  const dupDeliveries = await q(`SELECT event_key, recipient_id, channel, count(*)::int FROM notification_deliveries GROUP BY 1, 2, 3 HAVING count(*) > 1`);
  check('duplicated deliveries', dupDeliveries.length);

  // every successful URGE is one notice, to the same people each time
  let urgeProblems = 0;
  const urgeDetail = [];
  for (const h of hot) {
    const rows = await q(`SELECT event_key, count(*)::int AS recipients FROM notifications WHERE proposal_id = $1 AND topic = 'urged' GROUP BY 1`, [h.id]);
    const per = new Set(rows.map((r) => r.recipients));
    if (rows.length !== h.urged || per.size > 1) urgeProblems++;
    urgeDetail.push(`${rows.length}/${h.urged}`);
  }
  check('URGE notices missing or doubled (notices/200s per hot proposal)', urgeProblems, urgeDetail.join(' '));

  const assigned = await q(`SELECT id FROM proposals WHERE state LIKE 'handling%'`);
  const withoutReminders = await q(
    `SELECT p.id FROM proposals p WHERE p.state LIKE 'handling%'
        AND NOT EXISTS (SELECT 1 FROM queue_jobs j WHERE j.proposal_id = p.id AND j.name = 'handlingDue' AND j.status = 'scheduled')`,
  );
  check('proposals in handling without a scheduled due-date reminder', withoutReminders.length, `${assigned.length} in handling`);
  const scheduled = await q(`SELECT job_id, queue FROM queue_jobs WHERE status = 'scheduled'`);
  let missingInRedis = 0;
  for (const j of scheduled) {
    const job = await queues[j.queue === 'notices' ? 0 : 1].getJob(j.job_id);
    if (!job) missingInRedis++;
  }
  check('scheduled ledger rows missing in Redis (BullMQ)', missingInRedis, `${scheduled.length} scheduled`);
  const [{ pendingOutbox }] = await q(`SELECT count(*)::int AS "pendingOutbox" FROM outbox WHERE processed_at IS NULL`);
  check('outbox rows not relayed', pendingOutbox);
  const byWorker = await q(`SELECT count(*)::int AS n FROM outbox`);
  await Promise.all(queues.map((qu) => qu.close()));

  const verify = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'verify-history'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  check('cli.js verify-history', verify.status === 0 ? 0 : 1, (verify.stdout + verify.stderr).trim().split('\n').pop());
  check('unexpected answers (5xx, network errors, 4xx other than the 409s)', unexpected.length, unexpected.slice(0, 3).join(' | '));

  // ---- graceful shutdown of the four processes ----
  const exits = await stopAll();
  const badExits = exits.filter((e) => e.code !== 0);
  check('processes not exiting 0 on SIGTERM', badExits.length, exits.map((e) => `${e.name}=${e.code ?? e.signal}`).join(' '));

  // ---- the figures ----
  const pct = (arr, p) => {
    if (!arr.length) return 0;
    const s = [...arr].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };
  const rowOf = (label, list) => ({
    label,
    requests: list.length,
    ok: list.filter((s) => s.status >= 200 && s.status < 300).length,
    conflict: list.filter((s) => s.status === 409).length,
    gone: list.filter((s) => s.expected).length,
    errors: list.filter((s) => !s.expected && (s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status !== 409))).length,
    p50: pct(list.map((s) => s.ms), 50),
    p99: pct(list.map((s) => s.ms), 99),
  });
  const kinds = [...new Set(loadSamples.map((s) => s.kind))].sort();
  const rows = [
    ...kinds.map((k) => rowOf(k, loadSamples.filter((s) => s.kind === k))),
    ...apis.map((a) => rowOf(`(all on ${a.name})`, loadSamples.filter((s) => s.api === a.name))),
    rowOf('total', loadSamples),
  ];
  const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const widths = [22, 9, 8, 7, 7, 7, 9, 9];
  console.log('');
  console.log(`Load: ${durationS} s, ${users} virtual users, 2 APIs (WORKER_MODE=off) + 2 workers, one database (${dbName}), one Redis (prefix ${prefix})`);
  console.log(line(['', 'requests', '2xx', '409', '404*', 'errors', 'p50 ms', 'p99 ms'], widths));
  for (const r of rows) console.log(line([r.label, r.requests, r.ok, r.conflict, r.gone, r.errors, r.p50.toFixed(1), r.p99.toFixed(1)], widths));
  console.log('404*: a delegate opened a proposal listed as open to co-sign just after co-signing closed (no longer theirs to see)');
  const seconds = durationS;
  console.log(`throughput: ${(loadSamples.length / seconds).toFixed(1)} requests/s; outbox rows written and relayed: ${byWorker[0].n}`);
  console.log('');
  console.log(line(['check', 'found'], [72, 6]));
  for (const c of checks) console.log(`${line([c.name, c.found], [72, 6])}${c.detail ? `   ${c.detail}` : ''}`);
  const violations = checks.filter((c) => c.found !== 0);
  console.log('');
  if (violations.length) {
    console.log(`[replicas] FAILED: ${violations.length} check(s) found violations; process logs in ${logDir}`);
    for (const u of unexpected.slice(0, 20)) console.log(`  unexpected: ${u}`);
    exitCode = 1;
  } else {
    console.log('[replicas] PASSED: no lost update, no repeated number, nothing duplicated, every history chain intact');
    exitCode = 0;
  }
} catch (err) {
  console.error(`[replicas] ${err.stack ?? err.message}`);
  console.error(`[replicas] process logs in ${logDir}`);
  exitCode = 2;
} finally {
  await stopAll().catch(() => undefined);
  await db?.end().catch(() => undefined);
  if (!keep) {
    try {
      const admin = new pg.Client({ connectionString: urlOf('postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    } catch (err) {
      console.error(`[replicas] cleanup: ${err.message}`);
    }
  } else {
    log(`kept: database ${dbName}, Redis keys ${prefix}:*, process logs in ${logDir}`);
  }
  if (exitCode === 0 && !keep) rmSync(logDir, { recursive: true, force: true });
  process.exit(exitCode);
}
