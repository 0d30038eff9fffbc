import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';

/**
 * The worker process: the same modules as the API, without HTTP (an application context): the BullMQ
 * processors, the outbox relay and the reconciler. Run as many as needed beside any number of API processes
 * on one Redis and one PostgreSQL (deterministic job ids and the delivery log keep every reminder single); set
 * WORKER_MODE=off on the API processes to keep the work here. SIGTERM/SIGINT close it gracefully and it exits 0:
 * no new jobs are taken, the jobs being processed finish first (worker.close()), the relay's batch in progress
 * commits, then the connections close.
 *
 *   node dist/backend/backend/src/worker.js      (nx run backend:worker, npm run worker)
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
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { AppModule } = await import('./app/app.module');
  const app = await NestFactory.createApplicationContext(AppModule.with({ ...config, workerMode: 'inline' }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // useProcessExit: exit 0 once closed (Nest's default re-raises the signal, an exit status of 143)
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.init();
  app.get(Logger).log('worker running: queues notices, reminders, mail; outbox relay; reconciler');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
