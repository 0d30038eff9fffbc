import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export const REDIS = Symbol('REDIS');

/** Opens an ioredis connection; every key the app writes itself goes under `<REDIS_PREFIX>:`. */
export function createRedis(config: Pick<AppConfig, 'redisUrl' | 'redisPrefix'>, extra: Record<string, unknown> = {}): Redis {
  return new Redis(config.redisUrl, {
    keyPrefix: `${config.redisPrefix}:`,
    maxRetriesPerRequest: 2,
    connectTimeout: 3000,
    lazyConnect: false,
    ...extra,
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
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRedis(config) },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
