import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { redisOptions } from '../redis/redis.module';
import { QueueName, throttled } from './queue-names';

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * The consumers' side: processors register a handler per queue (in onModuleInit); when this process runs the
 * worker (WORKER_MODE=inline, or backend/src/worker.ts) a BullMQ Worker per queue starts at bootstrap. On
 * shutdown (SIGTERM with enableShutdownHooks) `worker.close()` lets the jobs being processed finish first.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('QueueWorkers');
  private readonly handlers = new Map<QueueName, JobHandler>();
  private readonly workers: Worker[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this process runs the workers, the relay and the reconciler. */
  get running(): boolean {
    return this.config.workerMode === 'inline';
  }

  register(queue: QueueName, handler: JobHandler): void {
    if (this.handlers.has(queue)) throw new Error(`queue ${queue} has a processor already`);
    this.handlers.set(queue, handler);
  }

  onApplicationBootstrap(): void {
    if (!this.running) {
      this.log.log('WORKER_MODE=off: no queue workers, relay or reconciler in this process');
      return;
    }
    for (const [queue, handler] of this.handlers) {
      const worker = new Worker(queue, handler, {
        // BullMQ's own blocking connection (maxRetriesPerRequest null, offline queue on): it waits out a Redis outage
        // and resumes by itself; REDIS_URL or Sentinel alike
        connection: redisOptions(this.config, { connectTimeout: 3000, maxRetriesPerRequest: null }),
        prefix: this.config.redisPrefix,
        concurrency: this.config.jobs.concurrency,
      });
      const warn = throttled((m) => this.log.warn(m));
      worker.on('error', (err) => warn(`worker ${queue}: ${err.message}`));
      worker.on('failed', (job, err) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        const message = `${queue} job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', gave up' : ''}): ${err.message}`;
        if (final) this.log.error(message);
        else this.log.warn(message);
      });
      this.workers.push(worker);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.close().catch((err) => this.log.warn(`closing a worker: ${(err as Error).message}`))));
  }
}
