import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { QueueStats } from '../queues/queue-stats';
import { REDIS } from '../redis/redis.module';
import { ShutdownState } from './shutdown-state';

type Probe = { status: 'up' | 'down'; latencyMs?: number; error?: string };

async function probe(run: () => Promise<unknown>, timeoutMs = 2000): Promise<Probe> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Three views of the process's health:
 * - `GET /api/health/live` (liveness): the process answers HTTP. Nothing else is checked, so an outage of
 *   PostgreSQL or Redis never gets a healthy process restarted (restarting would not help).
 * - `GET /api/health/ready` (readiness): 200 when PostgreSQL answers, 503 when it does not or the process is
 *   shutting down. Redis down is not "unready": reads and workflow events go on, their reminders and notices
 *   wait in the outbox until Redis is back (the body says `redis.status: 'down'`).
 * - `GET /api/health`: both services and the queue figures; 200 only when PostgreSQL and Redis answer
 *   (`status: 'ok'`), else 503 with `status: 'degraded'` (Redis down: the API works, the queues wait) or
 *   `'error'` (PostgreSQL down: requests answer 503).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queueStats: QueueStats,
    private readonly shutdown: ShutdownState,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'PostgreSQL and Redis answer (200) or not (503), with the queue figures',
    description:
      '`status`: `ok`, `degraded` (Redis down: requests are served, reminders and notices wait in the outbox) or `error` ' +
      '(PostgreSQL down). Also `queues`: per queue the waiting, active, delayed and failed jobs, and the outbox rows the relay has ' +
      'not moved yet (figures only; they do not change the status).',
  })
  @ApiOkResponse({ description: 'Both answer' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer' })
  async check(@Res({ passthrough: true }) res: FastifyReply) {
    const [postgres, redis, queues] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.redis.ping()),
      this.queueStats.figures(),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const status = ok ? 'ok' : postgres.status === 'up' ? 'degraded' : 'error';
    return { status, api: this.shutdown.stopping ? 'stopping' : 'up', postgres, redis, queues, time: new Date().toISOString() };
  }

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (always 200 while it runs); for a container restart policy' })
  @ApiOkResponse({ description: 'The process runs' })
  live() {
    return { status: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL answers and the process is not shutting down (200), else 503; for a load balancer',
    description: 'Redis down does not make the process unready (the body says so): requests are served, reminders wait in the outbox.',
  })
  @ApiOkResponse({ description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL does not answer, or the process is shutting down' })
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const [postgres, redis] = await Promise.all([probe(() => this.db.query('SELECT 1'), 1500), probe(() => this.redis.ping(), 1000)]);
    const ready = postgres.status === 'up' && !this.shutdown.stopping;
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : this.shutdown.stopping ? 'stopping' : 'unready', postgres, redis };
  }
}
