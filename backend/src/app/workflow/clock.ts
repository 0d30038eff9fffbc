import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** Where every `now` of the lifecycle comes from. Inject with `@Inject(CLOCK)`. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock tests can move: it follows the real time until `set()`, then stands still at what was set, moving
 * only by `advance()`. `reset()` goes back to real time. Provided instead of SystemClock when NODE_ENV=test,
 * so that an HTTP test moves time (`t.app.get(CLOCK).advance(...)`) instead of waiting.
 */
export class SettableClock implements Clock {
  private fixed: number | null = null;
  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }
  set(at: Date | string): void {
    this.fixed = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.fixed = (this.fixed ?? Date.now()) + ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
  reset(): void {
    this.fixed = null;
  }
}

@Global()
@Module({
  providers: [
    {
      provide: CLOCK,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Clock => (config.nodeEnv === 'test' ? new SettableClock() : new SystemClock()),
    },
  ],
  exports: [CLOCK],
})
export class ClockModule {}
