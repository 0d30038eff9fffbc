import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../redis/redis.module';

/**
 * Login throttling with counters in Redis (under the app's key prefix). Failures count per account and per
 * client address in a fixed window of LOGIN_WINDOW_SECONDS from the first failure; LOGIN_MAX_FAILURES failures
 * lock the account, ADDRESS_FACTOR times as many lock the address (a whole office can sit behind one
 * campus NAT address). A successful login resets the account's counter, not the address's.
 * When Redis does not answer, logins are let through (and logged): PostgreSQL still checks the password.
 */
export const ADDRESS_FACTOR = 5;

export class LoginThrottled extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: 'account' | 'address',
  ) {
    super(`login throttled for ${retryAfterSeconds}s (${scope})`);
  }
}

@Injectable()
export class LoginThrottleService {
  private readonly log = new Logger(LoginThrottleService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, address: string) {
    return {
      account: `login:fail:account:${username.trim().toLowerCase()}`,
      address: `login:fail:address:${address}`,
    };
  }

  /** Throws LoginThrottled when the account or the address has used up its failures. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const k = this.keys(username, address);
    let counts: [number, number, number, number];
    try {
      const res = await this.redis.multi().get(k.account).pttl(k.account).get(k.address).pttl(k.address).exec();
      counts = (res ?? []).map(([, v]) => Number(v ?? 0)) as [number, number, number, number];
    } catch (err) {
      this.log.warn(`login throttle unavailable, letting the attempt through: ${(err as Error).message}`);
      return;
    }
    const [accountFailures, accountTtl, addressFailures, addressTtl] = counts;
    const max = this.config.loginMaxFailures;
    if (accountFailures >= max) throw new LoginThrottled(this.seconds(accountTtl), 'account');
    if (addressFailures >= max * ADDRESS_FACTOR) throw new LoginThrottled(this.seconds(addressTtl), 'address');
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const k = this.keys(username, address);
    const window = this.config.loginWindowSeconds;
    try {
      await this.redis
        .multi()
        .set(k.account, 0, 'EX', window, 'NX')
        .incr(k.account)
        .set(k.address, 0, 'EX', window, 'NX')
        .incr(k.address)
        .exec();
    } catch (err) {
      this.log.warn(`could not count a failed login: ${(err as Error).message}`);
    }
  }

  async recordSuccess(username: string): Promise<void> {
    try {
      await this.redis.del(this.keys(username, '').account);
    } catch (err) {
      this.log.warn(`could not reset the login counter: ${(err as Error).message}`);
    }
  }

  private seconds(pttl: number): number {
    return pttl > 0 ? Math.ceil(pttl / 1000) : this.config.loginWindowSeconds;
  }
}
