import type { Language } from '@congress/api-types';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Mailer } from '../mail/mailer.service';
import { QueueWorkers } from '../queues/queue-workers';
import { CLOCK, Clock } from '../workflow/clock';
import { mailOf } from './templates';

interface Claimed {
  address: string;
  title: string;
  body: string;
  link: string | null;
  language: Language;
}

/**
 * The `mail` queue: one job per e-mail delivery (`mail-<deliveryId>`). The delivery row is claimed first
 * (`sending`, with a lease), so two workers never send the same e-mail; a failure is written to the log
 * (`retrying` with the error, `failed` after the last attempt) and thrown, so BullMQ retries with backoff.
 */
@Injectable()
export class MailProcessor implements OnModuleInit {
  constructor(
    private readonly workers: QueueWorkers,
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.workers.register('mail', (job) => this.process(job));
  }

  async process(job: Job): Promise<string> {
    const id = String((job.data as { deliveryId: string }).deliveryId);
    const [claimed] = (await this.db.query(
      `WITH c AS (
         UPDATE notification_deliveries SET status = 'sending', claimed_at = now(), attempts = attempts + 1, updated_at = now()
          WHERE id = $1 AND channel = 'email'
            AND (status IN ('pending', 'retrying') OR (status = 'sending' AND claimed_at < now() - interval '10 minutes'))
          RETURNING notification_id, address)
       SELECT c.address, n.title, n.body, n.link, n.language FROM c JOIN notifications n ON n.id = c.notification_id`,
      [id],
    )) as Claimed[];
    if (!claimed) return 'nothing to send (sent already, or another worker has it)';
    if (!this.mailer.enabled) {
      await this.mark(id, 'skipped', 'e-mail is off (SMTP_HOST is not set)');
      return 'skipped: e-mail is off';
    }
    const url = claimed.link ? `${this.config.publicUrl}${claimed.link}` : null;
    try {
      await this.mailer.send({ to: claimed.address, ...mailOf(claimed.language, claimed, url) });
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.mark(id, final ? 'failed' : 'retrying', (err as Error).message);
      throw err;
    }
    await this.mark(id, 'sent', null);
    return `sent to ${claimed.address}`;
  }

  private async mark(id: string, status: 'sent' | 'retrying' | 'failed' | 'skipped', error: string | null): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      `UPDATE notification_deliveries
          SET status = $2::varchar, last_error = COALESCE($3::text, last_error),
              sent_at = CASE WHEN $2::varchar = 'sent' THEN $4::timestamptz ELSE sent_at END,
              updated_at = now()
        WHERE id = $1`,
      [id, status, error ? error.slice(0, 2000) : null, now],
    );
  }
}
