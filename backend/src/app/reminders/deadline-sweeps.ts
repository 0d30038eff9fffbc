import { Injectable } from '@nestjs/common';

/** How long the relay waits at most for the sweeps of this process before its next batch. */
export const RELAY_YIELD_MAX_MS = 2000;

/**
 * Deadlines first: while this process sweeps due deadlines (RemindersProcessor), the outbox relay of the same
 * process waits before its next batch (at most RELAY_YIELD_MAX_MS). In a burst (every deadline of a day falls on
 * its 23:59:59.999) the relay would otherwise relay the effects of the batches already applied (their notices, the
 * removal of their other reminders) on the same two cores, and the last deadlines would be applied seconds late;
 * the notices follow once the burst is applied (docs/benchmarks.md).
 */
@Injectable()
export class DeadlineSweeps {
  private active = 0;
  private waiting: (() => void)[] = [];

  /** Runs `sweep`, counted as a sweep in progress. */
  async during<T>(sweep: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await sweep();
    } finally {
      if (--this.active === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  /** Resolves when no sweep is in progress, or after `maxMs`. */
  quiet(maxMs = RELAY_YIELD_MAX_MS): Promise<void> {
    if (!this.active) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxMs);
      const waiting = this.waiting;
      function done() {
        clearTimeout(timer);
        const i = waiting.indexOf(done);
        if (i >= 0) waiting.splice(i, 1);
        resolve();
      }
      waiting.push(done);
    });
  }
}
