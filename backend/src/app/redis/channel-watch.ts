import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { connectRedis } from './redis.module';

export interface ChannelWatchHandlers {
  /** A message published on the channel. */
  message(message: string): void;
  /**
   * Called after each (re)subscription, before the watch counts as up: whatever was kept in memory may have
   * missed messages while unsubscribed, so rebuild or forget it here. A rejection leaves the watch down.
   */
  subscribed(): Promise<void> | void;
  /** The subscription is lost (Redis unreachable); `wasUp`: it had been up. */
  lost?(wasUp: boolean): void;
  /** Subscribing or `subscribed` failed. */
  failed?(err: Error): void;
}

/**
 * A subscription to one Redis channel, on a connection of its own, that says whether it is up. A process keeps
 * something in memory (the logout list, the working-day calendar) and trusts it only while `up`: then every
 * change is announced to it. Opened lazily by `start()` (a process that never needs it never subscribes);
 * ioredis reconnects by itself, and each reconnection subscribes again and calls `subscribed` before `up`.
 */
export class ChannelWatch {
  private subscriber: Redis | null = null;
  private isUp = false;
  private stopped = false;

  constructor(
    private readonly config: Pick<AppConfig, 'redisUrl' | 'redisSentinel'>,
    readonly channel: string,
    private readonly handlers: ChannelWatchHandlers,
  ) {}

  get up(): boolean {
    return this.isUp;
  }

  /** Opens the subscription once; later calls do nothing. */
  start(): void {
    if (this.subscriber || this.stopped) return;
    const sub = connectRedis(this.config, { connectTimeout: 3000, maxRetriesPerRequest: 1 });
    this.subscriber = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.handlers.message(message);
    });
    sub.on('ready', () => void this.subscribe(sub));
    sub.on('close', () => {
      const wasUp = this.isUp;
      this.isUp = false;
      this.handlers.lost?.(wasUp);
    });
    sub.on('error', () => undefined); // ioredis reconnects; 'close' has said what it means
  }

  stop(): void {
    this.stopped = true;
    this.isUp = false;
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private async subscribe(sub: Redis): Promise<void> {
    this.isUp = false;
    try {
      await sub.subscribe(this.channel);
      await this.handlers.subscribed();
      if (sub === this.subscriber && sub.status === 'ready') this.isUp = true;
    } catch (err) {
      this.handlers.failed?.(err as Error);
    }
  }
}
