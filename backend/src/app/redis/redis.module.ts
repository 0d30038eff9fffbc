import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export const REDIS = Symbol('REDIS');

type RedisTarget = Pick<AppConfig, 'redisUrl' | 'redisSentinel'>;

/**
 * How to reach Redis through Sentinel (REDIS_SENTINELS): ioredis asks the sentinels for the master at each
 * (re)connection, so a failover is followed without a restart; the user, password, database and TLS of the
 * master still come from REDIS_URL (its host and port are not used).
 */
export function sentinelOptions(config: RedisTarget, extra: RedisOptions = {}): RedisOptions {
  const s = config.redisSentinel;
  if (!s) throw new Error('no REDIS_SENTINELS');
  const u = new URL(config.redisUrl);
  return {
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: /^\/\d+$/.test(u.pathname) ? Number(u.pathname.slice(1)) : 0,
    ...(u.protocol === 'rediss:' ? { tls: {}, enableTLSForSentinelMode: true } : {}),
    sentinels: s.sentinels,
    name: s.name,
    sentinelPassword: s.password ?? undefined,
    ...extra,
  };
}

/** Connection options for BullMQ (which opens its own connections): REDIS_URL as ioredis parses it, or Sentinel. */
export function redisOptions(config: RedisTarget, extra: RedisOptions = {}): RedisOptions & { url?: string } {
  return config.redisSentinel ? sentinelOptions(config, extra) : { url: config.redisUrl, ...extra };
}

/** A new ioredis connection to REDIS_URL, or to the master the sentinels name. */
export function connectRedis(config: RedisTarget, extra: RedisOptions = {}): Redis {
  return config.redisSentinel ? new Redis(sentinelOptions(config, extra)) : new Redis(config.redisUrl, extra);
}

/**
 * The app's own connection (login throttle, logout list, calendar revision, health): every key under
 * `<REDIS_PREFIX>:`. It fails fast while Redis is down rather than queueing commands until it is back:
 * - no offline queue: a command sent while disconnected is rejected at once (every caller has a fallback:
 *   the throttle lets the login through, the logout list answers "not logged out", the calendar reloads);
 * - `commandTimeout`: a Redis that accepts connections but does not answer (a stopped process, a lost network)
 *   rejects after a second instead of holding the request;
 * reconnecting goes on in the background (ioredis' default backoff, at most 2 s between attempts).
 */
export function createRedis(config: Pick<AppConfig, 'redisUrl' | 'redisPrefix' | 'redisSentinel'>, extra: RedisOptions = {}): Redis {
  return connectRedis(config, {
    keyPrefix: `${config.redisPrefix}:`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 3000,
    lazyConnect: false,
    ...extra,
  });
}

/** Resolves when the connection is ready, or at its first failure, or after `ms`: a start never waits for Redis. */
export function firstConnection(redis: Redis, ms = 3000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      redis.off('end', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
    redis.once('error', done);
    redis.once('end', done);
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const redis = createRedis(config);
        const log = new Logger('Redis');
        let down = false;
        redis.on('error', (err) => {
          if (!down) log.warn(`Redis does not answer (${err.message}); going on without it and reconnecting`);
          down = true;
        });
        redis.on('ready', () => {
          if (down) log.log('Redis answers again');
          down = false;
        });
        // without an offline queue, a command sent before the first connection would fail: wait for it briefly
        await firstConnection(redis);
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
