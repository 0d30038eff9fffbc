// A stand-in for autocannon when it is not installed: `connections` keep-alive HTTP/1.1 connections on
// node:http, each sending its next request when the previous answer is complete (no pipelining, as autocannon by
// default), for `duration` seconds. Same options subset and result shape as run.mjs uses from autocannon.
import http from 'node:http';

export function fallbackLoad(opts, done) {
  const { url, connections, duration, headers = {}, requests } = opts;
  const base = new URL(url);
  const spec = requests[0];
  const latencies = [];
  let errors = 0;
  let timeouts = 0;
  let total = 0;
  const until = Date.now() + duration * 1000;
  const started = Date.now();
  const loops = [];
  for (let c = 0; c < connections; c++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const context = {};
    const one = () =>
      new Promise((resolve) => {
        const r = spec.setupRequest({ method: 'GET', path: '/', headers: { ...headers } }, context);
        const t0 = process.hrtime.bigint();
        const req = http.request(
          { host: base.hostname, port: base.port, method: r.method ?? 'GET', path: r.path, headers: r.headers, agent, timeout: 10_000 },
          (res) => {
            const chunks = [];
            res.on('data', (d) => chunks.push(d));
            res.on('end', () => {
              latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
              total++;
              spec.onResponse?.(res.statusCode, Buffer.concat(chunks).toString(), context, res.headers);
              resolve();
            });
          },
        );
        let timedOut = false;
        req.on('timeout', () => {
          timeouts++;
          timedOut = true;
          req.destroy();
        });
        req.on('error', () => {
          if (!timedOut) errors++; // a timeout is counted once, as a timeout
          resolve();
        });
        if (r.body) req.end(r.body);
        else req.end();
      });
    loops.push(
      (async () => {
        while (Date.now() < until) await one();
        agent.destroy();
      })(),
    );
  }
  Promise.all(loops).then(() => {
    const s = latencies.sort((a, b) => a - b);
    const pct = (p) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]) : 0);
    const seconds = (Date.now() - started) / 1000;
    done(null, { requests: { average: total / seconds, total }, latency: { p50: pct(50), p99: pct(99) }, errors, timeouts });
  }, done);
}
