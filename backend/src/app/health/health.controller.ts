import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { QueueStats } from '../queues/queue-stats';
import { REDIS } from '../redis/redis.module';

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

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queueStats: QueueStats,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: PostgreSQL and Redis answer (200) or not (503)',
    description: 'Also `queues`: per queue the waiting, active, delayed and failed jobs, and the outbox rows the relay has not moved yet (figures only; they do not change the status).',
  })
  @ApiOkResponse({ description: 'Both answer' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer' })
  async check(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis, queues] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.redis.ping()),
      this.queueStats.figures(),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', postgres, redis, queues, time: new Date().toISOString() };
  }
}
