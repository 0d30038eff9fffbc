import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config/app-config';

/** The longest a graceful shutdown may take (in-flight requests, then jobs) before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * The API process. SIGTERM (or SIGINT) shuts it down gracefully and it exits 0:
 * 1. it stops listening at once (new connections are refused; a load balancer sends them to another replica)
 *    and readiness answers 503 on the keep-alive connections still open;
 * 2. the requests in flight finish and get their answers; idle keep-alive connections are closed;
 * 3. the application closes (Nest's hooks): the queue workers let their running jobs finish (WORKER_MODE=inline),
 *    the outbox relay and the reconciler stop, then the PostgreSQL pool and the Redis connections close.
 * After SHUTDOWN_TIMEOUT_MS the remaining connections are cut and the process exits 1.
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { createApp } = await import('./app/create-app');
  const { ShutdownState } = await import('./app/health/shutdown-state');
  const app = await createApp(config);
  // createApp's enableShutdownHooks would close the pool before the server and end by re-raising the signal
  // (exit status 143): this process handles its signals itself, below
  (app as unknown as { unsubscribeFromProcessSignals(): void }).unsubscribeFromProcessSignals();
  await app.listen(config.port, config.host);
  const { Logger } = await import('nestjs-pino');
  const log = app.get(Logger);
  log.log(`API listening on ${config.host}:${config.port}`);

  const server = app.getHttpServer() as Server;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.get(ShutdownState).stopping = true;
    const started = Date.now();
    log.log(`${signal}: no new connections; finishing the requests in flight`);
    const deadline = setTimeout(() => {
      log.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms: cutting the remaining connections`);
      server.closeAllConnections();
      setTimeout(() => process.exit(1), 1000).unref();
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    // close() stops listening and calls back when the last connection has ended; connections that go idle
    // (keep-alive, between requests) are closed as they do
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(idle);
    log.log(`requests finished in ${Date.now() - started} ms; closing the workers and connections`);
    await app.close();
    clearTimeout(deadline);
    log.log(`stopped in ${Date.now() - started} ms`);
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      shutdown(signal).catch((err) => {
        console.error('error during shutdown', err);
        process.exit(1);
      });
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
