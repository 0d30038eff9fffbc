// Redis for `npm start`: is one answering at REDIS_URL? If not, start a private redis-server under ./.data/.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { freePort } from './ports.mjs';

/** Sends PING over a raw socket (no client library needed) and waits for +PONG or an auth error. */
export function redisAnswers(url, timeoutMs = 2000) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, error: 'no answer' }));
    socket.on('error', (err) => done({ ok: false, error: err.code || err.message }));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (buf) => {
      const s = buf.toString();
      done(s.startsWith('+PONG') || s.includes('NOAUTH') ? { ok: true } : { ok: false, error: s.trim() });
    });
  });
}

function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export async function startPrivateRedis(dir) {
  const bin = which('redis-server');
  if (!bin) return null;
  mkdirSync(dir, { recursive: true });
  const port = await freePort(6390);
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', 'redis.log'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if ((await redisAnswers(url, 500)).ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
