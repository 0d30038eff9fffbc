// Two builds of the API side by side on the benchmark's database: the API's own CPU per request, alternating
// rounds, for a change whose effect is smaller than the machine's swing between runs (docs/benchmarks.md).
//
//   node scripts/bench/ab.mjs <dirA> <dirB> <detail|list|search|event> [rounds=4] [seconds=8]
//
// Each dir is a checkout with its backend built (`node scripts/build-backend.mjs`; e.g. a `git worktree` of the
// older commit with a node_modules symlink). Needs the database `congress_bench` of `npm run bench` (seeded,
// migrated by the newer build) and Redis. Both APIs run at once (NODE_ENV=production, WORKER_MODE=off, ports 3911
// and 3912); rounds alternate A B, B A, … at 32 connections; each prints req/s, p99 and the API process's CPU
// milliseconds per request (utime + stime from /proc/<pid>/stat), which the other processes' load moves far
// less than it moves throughput.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { benchEnvironment } from './bench-env.mjs';
import { commentBody, listPath, scenarioTargets, SEARCH_WORDS, searchPath } from './scenario-targets.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const [dirA, dirB, scenario, roundsArg, secondsArg] = process.argv.slice(2);
if (!dirA || !dirB || !['detail', 'list', 'search', 'event'].includes(scenario)) {
  console.error('usage: node scripts/bench/ab.mjs <dirA> <dirB> <detail|list|search|event> [rounds] [seconds]');
  process.exit(2);
}
const rounds = Number(roundsArg || 4);
const seconds = Number(secondsArg || 8);
const { env } = benchEnvironment('congress_bench', 'warn');
Object.assign(env, { WORKER_MODE: 'off', REDIS_PREFIX: `bench-ab-${process.pid}` });

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
};
const children = [];
async function start(dir, port) {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/backend/backend/src/main.js'], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'committee1', password: env.DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`${dir}: login ${res.status}`);
  return { child, base, token: (await res.json()).accessToken };
}

try {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  // the requests of run.mjs's scenarios; the events carry the version last seen for their proposal
  const { detailIds, eventRows, currentSession } = await scenarioTargets(db);
  const handling = eventRows.map((r) => r.id);
  const versions = new Map();
  let n = 0;
  const request = () => {
    n++;
    if (scenario === 'detail') return { path: `/api/proposals/${detailIds[n % detailIds.length]}` };
    if (scenario === 'list') return { path: listPath(currentSession) };
    if (scenario === 'search') return { path: searchPath(SEARCH_WORDS[n % SEARCH_WORDS.length]) };
    const id = handling[n % handling.length];
    return {
      id,
      method: 'POST',
      path: `/api/proposals/${id}/events`,
      headers: { 'content-type': 'application/json' },
      body: commentBody(versions.get(id)),
    };
  };
  const a = await start(dirA, 3911);
  const b = await start(dirB, 3912);
  // a warm-up of each, not counted (round -1), then the rounds
  for (let round = -1; round < rounds; round++) {
    for (const [name, api] of round % 2 ? [['B', b], ['A', a]] : [['A', a], ['B', b]]) {
      if (scenario === 'event') {
        for (const r of (await db.query(`SELECT id, version FROM proposals WHERE id = ANY($1::uuid[])`, [handling])).rows) versions.set(r.id, r.version);
      }
      const before = cpuMs(api.child.pid);
      const out = await autocannon({
        url: api.base,
        connections: 32,
        duration: round < 0 ? 3 : seconds,
        headers: { authorization: `Bearer ${api.token}` },
        requests: [
          {
            setupRequest: (req, context) => {
              const { id, ...r } = request();
              context.id = id;
              return { ...req, ...r, headers: { ...req.headers, ...(r.headers ?? {}) } };
            },
            onResponse: (status, body, context) => {
              if (scenario !== 'event' || (status !== 200 && status !== 409)) return;
              try {
                const v = JSON.parse(body);
                const version = status === 200 ? v.version : v.currentVersion;
                if (Number.isInteger(version)) versions.set(context.id, version);
              } catch {
                /* not JSON */
              }
            },
          },
        ],
      });
      const total = out.requests.total;
      if (round < 0) continue;
      console.log(
        `${name} (${name === 'A' ? dirA : dirB}): ${Math.round(out.requests.average)} req/s, p99 ${out.latency.p99} ms, ` +
          `API CPU ${((cpuMs(api.child.pid) - before) / total).toFixed(3)} ms per request, non-2xx ${out.non2xx}`,
      );
    }
  }
  await db.end();
} finally {
  for (const c of children) c.kill('SIGTERM');
}
