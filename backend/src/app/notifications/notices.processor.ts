import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { entryOf, JobLedger } from '../queues/job-ledger';
import { QueueWorkers } from '../queues/queue-workers';
import { CLOCK, Clock } from '../workflow/clock';
import { Deliveries } from './deliveries.service';

/** The outbox payload of a `notify` effect, as the workflow writes it (plus the outbox row's id). */
export interface NoticePayload {
  outboxId: string;
  notice: string;
  proposalId: string;
  state: string;
  event: string;
  actorId: string | null;
  at: string;
}

/**
 * The `notices` queue: one job per `notify` effect (`notice-<outboxId>`), delivered at once. Idempotent: the job's
 * ledger row is locked and must still be `scheduled`, and the inbox and log rows are unique per recipient.
 */
@Injectable()
export class NoticesProcessor implements OnModuleInit {
  constructor(
    private readonly workers: QueueWorkers,
    private readonly db: DataSource,
    private readonly ledger: JobLedger,
    private readonly deliveries: Deliveries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.workers.register('notices', (job) => this.process(job));
  }

  async process(job: Job): Promise<string> {
    const entry = entryOf(job.data);
    const n = entry.data as unknown as NoticePayload;
    const outcome = await this.db.transaction(async (em) => {
      const row = await this.ledger.claim(em, entry);
      if (row.status !== 'scheduled') return `already ${row.status}`;
      const now = this.clock.now();
      const count = await this.deliveries.deliver(
        em,
        {
          eventKey: entry.jobId,
          kind: 'notice',
          topic: n.notice,
          proposalId: n.proposalId,
          event: { type: n.event, at: n.at, actorId: n.actorId, state: n.state },
        },
        now,
      );
      const outcome = `delivered to ${count} recipient(s)`;
      await this.ledger.finish(em, entry.jobId, 'done', outcome, now);
      return outcome;
    });
    await this.deliveries.enqueueMail(entry.jobId);
    return outcome;
  }
}
