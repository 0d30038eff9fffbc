import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ChannelWatch } from '../redis/channel-watch';
import { REDIS } from '../redis/redis.module';

const KEY = 'auth:logged-out:';
/** Above this many entries, the expired ones are swept at the next logout. */
const SWEEP_ABOVE = 1000;

/**
 * The tokens ended by a logout before they expire (the logout list): a key `auth:logged-out:<jti>` in Redis per
 * token, for the token's remaining life, so that every replica refuses it.
 *
 * Every request asks whether its token is on the list. Rather than a round trip to Redis each time, each process
 * keeps a copy in memory while it is subscribed to the list's channel: a logout sets the key and publishes the
 * token id, and every subscribed process adds it. On each (re)subscription the copy is rebuilt from the keys
 * (SCAN), after subscribing, so no logout falls in between. While the subscription is down (Redis unreachable, or
 * not yet connected) the copy is not used and each request asks Redis, as before; with Redis down altogether the
 * answer is "not logged out" (docs/deployment.md). A logout made in this process is in its copy at once.
 */
@Injectable()
export class LogoutListService implements OnApplicationShutdown {
  private readonly log = new Logger(LogoutListService.name);
  /** jti → when the token expires (ms); used only while the watch is up. */
  private readonly copy = new Map<string, number>();
  private readonly watch: ChannelWatch;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.watch = new ChannelWatch(config, `${config.redisPrefix}:auth:logged-out`, {
      message: (message) => {
        const [jti, until] = message.split(' ');
        if (jti && Number(until) > 0) this.remember(jti, Number(until));
      },
      subscribed: () => this.rebuild(),
      lost: (wasUp) => {
        if (wasUp) this.log.warn('logout list: subscription lost; asking Redis on every request until it is back');
      },
      failed: (err) => this.log.warn(`logout list: could not load the list (${err.message}); asking Redis on every request`),
    });
  }

  /** Whether answers come from the copy in memory now. */
  get inMemory(): boolean {
    return this.watch.up;
  }

  async has(jti: string): Promise<boolean> {
    if (this.watch.up) {
      const until = this.copy.get(jti);
      return until !== undefined && until > Date.now();
    }
    this.watch.start();
    try {
      return (await this.redis.exists(`${KEY}${jti}`)) === 1;
    } catch (err) {
      this.log.warn(`logout list unavailable: ${(err as Error).message}`);
      return false;
    }
  }

  /** Puts a token on the list until `expiresAt` (seconds since the epoch, the token's `exp`). */
  async add(jti: string, expiresAt: number): Promise<void> {
    const ttl = Math.max(1, expiresAt - Math.floor(Date.now() / 1000));
    this.remember(jti, expiresAt * 1000);
    await this.redis.set(`${KEY}${jti}`, '1', 'EX', ttl);
    await this.redis.publish(this.watch.channel, `${jti} ${expiresAt * 1000}`);
  }

  private remember(jti: string, until: number): void {
    if (this.copy.size > SWEEP_ABOVE) {
      const now = Date.now();
      for (const [k, t] of this.copy) if (t <= now) this.copy.delete(k);
    }
    this.copy.set(jti, until);
  }

  /** Rebuilds the copy from the keys, after each (re)subscription (ChannelWatch calls it before `up`). */
  private async rebuild(): Promise<void> {
    this.copy.clear();
    const prefix = `${this.config.redisPrefix}:`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}${KEY}*`, 'COUNT', 1000);
      cursor = next;
      if (!keys.length) continue;
      const pipeline = this.redis.pipeline();
      for (const k of keys) pipeline.pttl(k.slice(prefix.length));
      const ttls = (await pipeline.exec()) ?? [];
      const now = Date.now();
      keys.forEach((k, i) => {
        const ttl = Number(ttls[i]?.[1]);
        if (ttl > 0) this.remember(k.slice(prefix.length + KEY.length), now + ttl);
      });
    } while (cursor !== '0');
  }

  onApplicationShutdown(): void {
    this.watch.stop();
  }
}
