import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { connectRedis } from '../redis/redis.module';
import { QUEUE_NAMES, QueueName, throttled, withTimeout } from './queue-names';

/** How long one Redis call of a producer may take before it counts as "Redis is down". */
export const REDIS_CALL_TIMEOUT_MS = 3000;

/** What a producer adds: a deterministic id (no `:`), a name, data, and when it should run. */
export interface JobToAdd {
  jobId: string;
  name: string;
  data: Record<string, unknown>;
  /** Milliseconds from now (0: at once). */
  delay: number;
}

/** Retries and retention per queue: exponential backoff, and completed or failed jobs do not pile up. */
export function defaultJobOptions(queue: QueueName, jobs: AppConfig['jobs']): JobsOptions {
  const mail = queue === 'mail';
  return {
    attempts: mail ? jobs.mailAttempts : jobs.attempts,
    backoff: { type: 'exponential', delay: mail ? jobs.mailBackoffMs : jobs.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 14 * 24 * 3600, count: 5000 },
  };
}

/**
 * The producers' side of the queues: one shared ioredis connection (fails fast when Redis is down, so rows wait
 * in PostgreSQL instead of piling up in memory) and a BullMQ Queue per name. Every process has it, whatever
 * WORKER_MODE says: the API adds nothing itself, but Bull Board and /api/health read the queues through it.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly log = new Logger('Queues');
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const warn = throttled((m) => this.log.warn(m));
    this.connection = connectRedis(config, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
    });
    this.connection.on('error', (err) => warn(`Redis for the queues: ${err.message}`));
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, {
        connection: this.connection,
        prefix: config.redisPrefix,
        defaultJobOptions: defaultJobOptions(name, config.jobs),
      });
      queue.on('error', (err) => warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
  }

  get prefix(): string {
    return this.config.redisPrefix;
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  /** Adds jobs; an id that exists already (waiting, delayed, active, or kept completed) is left alone. */
  async add(name: QueueName, jobs: readonly JobToAdd[]): Promise<void> {
    if (!jobs.length) return;
    const bulk = jobs.map((j) => ({ name: j.name, data: j.data, opts: { jobId: j.jobId, delay: Math.max(0, Math.round(j.delay)) } }));
    await withTimeout(this.queue(name).addBulk(bulk), REDIS_CALL_TIMEOUT_MS, `add to ${name}`);
  }

  /** Removes jobs that wait or are delayed; a job being processed right now stays (its processor re-checks). */
  async remove(name: QueueName, jobIds: readonly string[]): Promise<void> {
    const queue = this.queue(name);
    for (const id of jobIds) {
      try {
        await withTimeout(queue.remove(id), REDIS_CALL_TIMEOUT_MS, `remove from ${name}`);
      } catch (err) {
        if ((err as Error).name === 'RedisUnavailableError') throw err;
        this.log.debug(`job ${id} stays: ${(err as Error).message}`);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close().catch(() => undefined)));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
