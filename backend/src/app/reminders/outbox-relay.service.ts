import { REMINDERS, type Reminder } from '@congress/workflow';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { WorkingCalendar } from '../organisation/working-days';
import { JobLedger, jobOf, LedgerEntry, LedgerRow } from '../queues/job-ledger';
import { throttled } from '../queues/queue-names';
import { QueueRegistry } from '../queues/queue-registry';
import { QueueWorkers } from '../queues/queue-workers';
import { CLOCK, Clock } from '../workflow/clock';
import { isUuid } from '../workflow/proposal-facts';
import { DeadlineSweeps } from './deadline-sweeps';
import { RelayBatch } from './relay-batch';
import { loadProposalState, PROPOSAL_STATE_COLUMNS, ProposalState, ReminderSync } from './reminder-sync.service';
import { queryPrepared } from '../../database/prepared';
import { OUTBOX_CHANNEL } from '../outbox/outbox-wake';

const BATCH = 100;

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

interface Preloaded {
  proposals: Map<string, ProposalState>;
  ledger: Map<string, LedgerRow[]>;
}

/** The batch's Redis writes failed: its transaction rolls back and every row waits for the next try. */
class BatchWaits extends Error {}

/** A row the relay can never handle (unknown kind, malformed payload): logged and set aside, not retried forever. */
class UnusableRow extends Error {}

/**
 * Moves outbox rows to BullMQ. One transaction per batch: rows taken `FOR UPDATE SKIP LOCKED` in id order (so
 * several processes share the work), the proposals and ledger rows they need read at once, each row dispatched
 * in memory (RelayBatch), then the batch's Redis calls made (one addBulk per queue), its ledger rows written and
 * its rows marked processed; if Redis fails the transaction rolls back, so with Redis down rows simply wait in
 * the outbox. A crash after the Redis calls and before the commit adds the same deterministic job ids again next
 * time: harmless. Polls every RELAY_INTERVAL_MS and is woken by the NOTIFY that OutboxWake sends after the
 * writing transactions committed.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private readonly warn = throttled((m) => this.log.warn(m));
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private listener: Client | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly workers: QueueWorkers,
    private readonly ledger: JobLedger,
    private readonly sync: ReminderSync,
    private readonly sweeps: DeadlineSweeps,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.workers.running) return;
    this.timer = setInterval(() => this.wake(), this.config.jobs.relayIntervalMs);
    void this.listen();
    this.wake();
  }

  /** Runs the relay now, or once more right after the run in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err: Error) => this.warn(`relay: ${err.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Relays batches until the outbox is empty or a batch stops early; returns how many rows were relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { relayed, complete, full } = await this.batch();
      total += relayed;
      if (!complete || !full || this.stopped) return total;
    }
  }

  private async batch(): Promise<{ relayed: number; complete: boolean; full: boolean }> {
    // deadlines first: a burst of them being applied in this process goes before relaying their effects
    await this.sweeps.quiet();
    const calendar = await this.sync.calendarNow();
    try {
      return await this.batchIn(calendar);
    } catch (err) {
      if (err instanceof BatchWaits) return { relayed: 0, complete: false, full: false };
      throw err;
    }
  }

  private batchIn(calendar: WorkingCalendar): Promise<{ relayed: number; complete: boolean; full: boolean }> {
    return this.db.transaction(async (em) => { // READ COMMITTED, the connections' default (data-source.ts)
      const rows = (await em.query(
        // ORDER BY outbox.id, not the text column `id` of the select list: that sorted every waiting row as text
        `SELECT id::text AS id, kind, payload FROM outbox WHERE processed_at IS NULL ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )) as OutboxRow[];
      const done: string[] = [];
      const known = await this.preload(em, rows);
      const writes = new RelayBatch();
      for (const row of rows) {
        try {
          // dispatch checks a row before it records anything, and writes nothing itself: a row it refuses
          // leaves the batch's writes as they were
          await this.dispatch(em, row, calendar, known, writes);
          done.push(row.id);
        } catch (err) {
          if (!(err instanceof UnusableRow)) throw err;
          this.log.error(`outbox row ${row.id} (${row.kind}) set aside: ${err.message}`);
          done.push(row.id);
        }
      }
      try {
        await writes.apply(em, this.queues, this.ledger, this.clock.now());
      } catch (err) {
        // Redis (or the ledger) refused: the transaction rolls back and every row of the batch waits
        this.warn(`outbox: ${rows.length} row(s) wait: ${(err as Error).message}`);
        throw new BatchWaits();
      }
      if (done.length) {
        await em.query(`UPDATE outbox SET processed_at = $2 WHERE id = ANY($1::bigint[])`, [done, this.clock.now()]);
      }
      return { relayed: done.length, complete: true, full: rows.length === BATCH };
    });
  }

  /**
   * The proposals and ledger rows the batch's schedule and cancel rows need, read in two statements instead of
   * two per row (docs/benchmarks.md, Reminders); dispatch keeps the ledger rows current as it writes.
   */
  private async preload(em: EntityManager, rows: OutboxRow[]): Promise<Preloaded> {
    const ids = [...new Set(rows.filter((r) => r.kind !== 'notify' && isUuid(r.payload.proposalId)).map((r) => r.payload.proposalId as string))];
    const known: Preloaded = { proposals: new Map(), ledger: new Map() };
    if (!ids.length) return known;
    const { rows: proposals } = await queryPrepared<ProposalState>(em, `SELECT ${PROPOSAL_STATE_COLUMNS} FROM proposals WHERE id = ANY($1::uuid[])`, [ids]);
    for (const p of proposals) known.proposals.set(p.id, p);
    for (const id of ids) known.ledger.set(id, []);
    for (const r of await this.ledger.ofProposals(em, ids)) known.ledger.get(r.proposalId as string)?.push(r);
    return known;
  }

  private async dispatch(em: EntityManager, row: OutboxRow, calendar: WorkingCalendar, known: Preloaded, writes: RelayBatch): Promise<void> {
    const p = row.payload;
    if (!isUuid(p.proposalId)) throw new UnusableRow('no proposalId');
    const at = typeof p.at === 'string' && !Number.isNaN(Date.parse(p.at)) ? new Date(p.at) : this.clock.now();
    switch (row.kind) {
      case 'notify': {
        if (typeof p.notice !== 'string') throw new UnusableRow('no notice');
        const entry: LedgerEntry = {
          jobId: `notice-${row.id}`,
          queue: 'notices',
          name: p.notice,
          proposalId: p.proposalId,
          anchor: null,
          runAt: at.toISOString(),
          data: { ...p, outboxId: row.id },
        };
        writes.add('notices', [{ ...jobOf(entry, at), delay: 0 }]);
        writes.insert([entry], false);
        return;
      }
      case 'schedule':
      case 'cancel': {
        if (!REMINDERS.includes(p.reminder as Reminder)) throw new UnusableRow(`unknown reminder ${String(p.reminder)}`);
        const proposal = known.proposals.get(p.proposalId) ?? (await loadProposalState(em, p.proposalId));
        if (!proposal) throw new UnusableRow(`no proposal ${p.proposalId}`);
        const ledger = known.ledger.get(p.proposalId);
        const why = `${row.kind} effect of ${String(p.event)}`;
        const result = await this.sync.sync(em, proposal, p.reminder as Reminder, at, why, calendar, ledger, writes);
        if (ledger) {
          // what this row wrote, for the next rows of the same proposal in this batch
          const removed = new Set(result.removed);
          for (const r of ledger) if (removed.has(r.jobId)) r.status = 'cancelled';
          for (const e of result.addedEntries) {
            const same = ledger.find((r) => r.jobId === e.jobId);
            if (same) same.status = 'scheduled';
            else ledger.push({ ...e, status: 'scheduled' });
          }
        }
        return;
      }
      default:
        throw new UnusableRow(`unknown kind ${row.kind}`);
    }
  }

  /** LISTEN on a connection of its own; on a lost connection, retry in a few seconds (polling goes on meanwhile). */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl });
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 5000).unref();
    };
    client.on('error', (err) => {
      this.warn(`outbox listener: ${err.message}`);
      retry();
    });
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) return void client.end().catch(() => undefined);
      this.listener = client;
    } catch (err) {
      this.warn(`outbox listener: ${(err as Error).message}`);
      retry();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }
}
