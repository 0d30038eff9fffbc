/**
 * Helpers of the fault tests (backend/test/faults): private servers the tests may stop and start (a Redis and a
 * PostgreSQL cluster of their own, each on its own port with its data under /tmp, never the shared ones), the
 * built backend (rebuilt when older than its sources) and child processes of it.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist/backend/backend/src');

/** A free TCP port on 127.0.0.1 (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves true when a TCP connection to the port is accepted, false when refused (or nothing within 1 s). */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/** Polls until `check` returns something truthy (every 100 ms, at most `ms`). */
export async function eventually<T>(check: () => Promise<T> | T, what: string, ms = 15_000): Promise<Truthy<T>> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as Truthy<T>;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(100);
  }
}

function which(bin: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A redis-server of the test's own (append-only file on, like production), stopped and started at will on one port. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async create(): Promise<PrivateRedis> {
    if (!which('redis-server')) throw new Error('the fault tests need redis-server (Debian: apt-get install redis-server)');
    const r = new PrivateRedis(await freePort(), mkdtempSync(path.join(os.tmpdir(), 'congress-fault-redis-')));
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--logfile', 'redis.log'],
      { stdio: 'ignore' },
    );
    await eventually(() => portAccepts(this.port), `redis-server on ${this.port}`, 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Redis Sentinel of the test's own watching a PrivateRedis as master `name` (quorum 1). */
export class PrivateSentinel {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async create(master: PrivateRedis, name = 'mymaster'): Promise<PrivateSentinel> {
    const s = new PrivateSentinel(await freePort(), mkdtempSync(path.join(os.tmpdir(), 'congress-fault-sentinel-')));
    const conf = path.join(s.dir, 'sentinel.conf');
    writeFileSync(conf, [`port ${s.port}`, 'bind 127.0.0.1', `dir ${s.dir}`, `sentinel monitor ${name} 127.0.0.1 ${master.port} 1`, ''].join('\n'));
    s.child = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    await eventually(() => portAccepts(s.port), `redis sentinel on ${s.port}`, 10_000);
    return s;
  }

  async destroy(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The newest PostgreSQL binaries of the machine (Debian keeps them under /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => existsSync(path.join(base, d, 'bin/initdb'))) : [];
  majors.sort((a, b) => Number(b) - Number(a));
  if (majors.length) return path.join(base, majors[0], 'bin');
  const initdb = which('initdb');
  if (initdb) return path.dirname(initdb);
  throw new Error('the fault tests need PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql, or set PG_BIN');
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` account. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) throw new Error('running as root, the fault tests need an OS account "postgres" to own their private cluster');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A PostgreSQL cluster of the test's own (initdb into /tmp, its own port and socket folder), stopped and started at will. */
export class PrivatePostgres {
  private readonly bin = postgresBin();
  private readonly owner = runAs();
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-fault-pg-'));
    const pg = new PrivatePostgres(await freePort(), dir);
    if (pg.owner) chownSync(dir, pg.owner.uid, pg.owner.gid);
    pg.run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await pg.start();
    return pg;
  }

  private run(tool: string, args: string[]): string {
    const r = spawnSync(path.join(this.bin, tool), args, { encoding: 'utf8', cwd: this.dir, ...(this.owner ?? {}) });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  }

  /** `fast`: sessions are ended and the server shuts down cleanly; `immediate`: like a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', mode, '-w', '-t', '30', 'stop']);
  }

  async query<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.url(database) });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      /* not running */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) walk(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(walk);
  return newest;
}

/**
 * Builds the backend (scripts/build-backend.mjs) when dist/ is missing or older than its sources, as `npm start`
 * does (scripts/lib/build.mjs); a lock folder keeps two test files (or two runs) from building at once.
 */
export function ensureBackendBuilt(): void {
  const marker = path.join(ROOT, 'dist/backend/.built');
  const sources = ['backend/src', 'libs/workflow/src', 'libs/api-types/src'].map((p) => path.join(ROOT, p));
  const stale = () => !existsSync(marker) || !existsSync(path.join(DIST, 'main.js')) || newestMtime(sources) > statSync(marker).mtimeMs;
  if (!stale()) return;
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const lock = path.join(ROOT, 'dist/.backend-build-lock');
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another build holds the lock; one older than 3 minutes was left by a killed process
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > until) throw new Error(`waited 3 minutes for ${lock}`);
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, ['scripts/build-backend.mjs'], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building the backend failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  } finally {
    rmdirSync(lock);
  }
}

/** A child process of the built backend (main.js, worker.js, cli.js) with its output kept for messages. */
export class NodeProcess {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

  constructor(script: string, env: Record<string, string>, args: string[] = []) {
    this.child = spawn(process.execPath, [path.join(DIST, script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (b: Buffer) => {
      this.output = (this.output + b.toString()).slice(-20_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.running) this.child.kill(signal);
  }

  /** Ends the process if a test left it running (SIGKILL after 10 s). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(t);
  }
}

/** Waits until GET url answers `status` (any 2xx by default). */
export async function waitForHttp(url: string, proc?: NodeProcess, ms = 30_000): Promise<void> {
  await eventually(
    async () => {
      if (proc && !proc.running) throw new Error(`the process exited:\n${proc.output}`);
      const res = await fetch(url);
      return res.ok;
    },
    `${url} to answer`,
    ms,
  );
}
