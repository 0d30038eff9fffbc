import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { throttled } from '../queues/queue-names';

/** The channel the relay LISTENs on (OutboxRelay). */
export const OUTBOX_CHANNEL = 'congress_outbox';

/** How long a wake-up waits for more commits to share it. */
export const WAKE_DELAY_MS = 10;

/**
 * Wakes the outbox relay after commits that wrote outbox rows: `NOTIFY congress_outbox` in a statement of its
 * own, at most one per WAKE_DELAY_MS however many commits ask, each sent after the commits it answers for.
 *
 * Not a trigger on `outbox` (as until migration 1765800000000): a transaction that notifies holds a lock on the
 * whole database from its commit until its WAL is flushed (PostgreSQL serialises notifying commits to keep the
 * queue in commit order), so every event's commit, disk flush included, waited for the one before: under the
 * benchmark's events, 16 of 21 samples of busy backends were waiting on that lock or the flush
 * (docs/benchmarks.md). This statement writes nothing and flushes nothing, so it holds the lock for microseconds.
 * A wake-up lost (the process ends within the delay, PostgreSQL is down) costs at most the relay's polling
 * interval (RELAY_INTERVAL_MS).
 */
@Injectable()
export class OutboxWake implements OnApplicationShutdown {
  private readonly warn = throttled((m) => new Logger('OutboxWake').warn(m));
  private pending: NodeJS.Timeout | null = null;

  constructor(private readonly db: DataSource) {}

  /** Call after the commit of a transaction that wrote outbox rows. */
  afterCommit(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.db.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]).catch((err: Error) => this.warn(`outbox wake-up: ${err.message}`));
    }, WAKE_DELAY_MS);
    this.pending.unref();
  }

  onApplicationShutdown(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }
}
