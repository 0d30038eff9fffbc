import type { NotificationKind } from '@congress/api-types';
import type { ProposalContext } from '@congress/workflow';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Mailer } from '../mail/mailer.service';
import { localDay } from '../organisation/working-days';
import { QueueRegistry } from '../queues/queue-registry';
import { audienceOf } from './audiences';
import { Recipients } from './recipients.service';
import { render, TemplateVars } from './templates';
import { queryPrepared } from '../../database/prepared';

/** One thing to tell people: a notice of the workflow, or one occurrence of a reminder. */
export interface DeliveryEvent {
  /** Unique per event: `notice-<outboxId>` or the reminder's job id. With the recipient, the key of the log. */
  eventKey: string;
  kind: NotificationKind;
  /** The notice or reminder name. */
  topic: string;
  proposalId: string;
  /** Notices: the event that caused it (from the outbox row). */
  event?: { type: string; at: string; actorId: string | null; state: string };
  /** Reminders: the occurrence and the date it hangs on. */
  step?: string;
  anchor?: string;
}

/** A lost or stuck e-mail claim is taken over after this long. */
const SENDING_LEASE = `interval '10 minutes'`;

/**
 * Writes notifications and the delivery log. In the caller's transaction: one inbox row per recipient
 * (INSERT … ON CONFLICT DO NOTHING on (event, recipient): a retried job delivers nothing twice), its in-app
 * delivery, and, when e-mail is on, an e-mail delivery `pending` (or `skipped` without an address). After the
 * commit `enqueueMail` hands pending e-mails to the mail queue; the reconciler does so again for any left.
 */
@Injectable()
export class Deliveries {
  private readonly log = new Logger('Deliveries');

  constructor(
    private readonly db: DataSource,
    private readonly recipients: Recipients,
    private readonly mailer: Mailer,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many people got it now (0 when everyone had it already). */
  async deliver(em: EntityManager, e: DeliveryEvent, now: Date): Promise<number> {
    const p = await this.recipients.proposal(em, e.proposalId);
    if (!p) return 0;
    const details = e.event ? await this.eventDetails(em, e.proposalId, e.event) : null;
    const audience = audienceOf({ kind: e.kind, topic: e.topic, state: e.event?.state ?? p.state, step: e.step, internal: details?.internal });
    const people = await this.recipients.resolve(em, p.id, audience, e.event?.actorId ?? null);
    const vars: TemplateVars = {
      title: p.title,
      number: p.number,
      lead: p.leadName,
      actor: details?.actor ?? null,
      date: this.day(e.anchor ?? dateOf(e.topic, p.context)),
      step: e.step ?? null,
      days: e.topic === 'reviewOverdue' ? p.context.rules.reviewTargetDays : null,
      workingDays: workingDaysOf(e.topic, p.context),
      comment: details?.comment ?? null,
      evaluation: p.context.evaluation,
    };
    const link = `/proposals/${p.id}`;
    let delivered = 0;
    for (const r of people) {
      const text = render(e.topic, r.language, vars);
      const [row] = (
        await queryPrepared<{ id: string }>(
          em,
          `INSERT INTO notifications (recipient_id, event_key, kind, topic, proposal_id, language, title, body, link, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_key, recipient_id) DO NOTHING RETURNING id::text AS id`,
          [r.id, e.eventKey, e.kind, e.topic, p.id, r.language, text.title, text.body, link, now],
        )
      ).rows;
      if (!row) continue;
      delivered++;
      await this.logDelivery(em, row.id, e.eventKey, r.id, 'inApp', null, 'sent', null, now);
      if (this.mailer.enabled) {
        await this.logDelivery(em, row.id, e.eventKey, r.id, 'email', r.email, r.email ? 'pending' : 'skipped', r.email ? null : 'no e-mail address', now);
      }
    }
    return delivered;
  }

  /** After the commit: the e-mails of this event that wait, to the mail queue (a Redis failure is left to the reconciler). */
  async enqueueMail(eventKey: string): Promise<void> {
    const { rows } = await queryPrepared<{ id: string }>(
      this.db.manager,
      `SELECT id::text AS id FROM notification_deliveries
        WHERE event_key = $1 AND channel = 'email' AND status IN ('pending', 'retrying')`,
      [eventKey],
    );
    await this.addMailJobs(rows.map((r) => r.id)).catch((err: Error) => this.log.warn(`e-mails of ${eventKey} wait for the reconciler: ${err.message}`));
  }

  /** The reconciler: every e-mail that waits, or whose claim was lost, goes (back) to the queue; existing jobs stay. */
  async requeuePendingMail(): Promise<number> {
    const rows = (await this.db.query(
      `SELECT id::text AS id FROM notification_deliveries
        WHERE channel = 'email' AND (status IN ('pending', 'retrying') OR (status = 'sending' AND claimed_at < now() - ${SENDING_LEASE}))
        ORDER BY id LIMIT 5000`,
    )) as { id: string }[];
    await this.addMailJobs(rows.map((r) => r.id));
    return rows.length;
  }

  private async addMailJobs(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.queues.add(
        'mail',
        ids.slice(i, i + 500).map((id) => ({ jobId: `mail-${id}`, name: 'email', data: { deliveryId: id }, delay: 0 })),
      );
    }
  }

  private async logDelivery(
    em: EntityManager,
    notificationId: string,
    eventKey: string,
    recipientId: string,
    channel: 'inApp' | 'email',
    address: string | null,
    status: 'sent' | 'pending' | 'skipped',
    lastError: string | null,
    now: Date,
  ): Promise<void> {
    await queryPrepared(
      em,
      `INSERT INTO notification_deliveries
         (notification_id, event_key, recipient_id, channel, address, status, attempts, last_error, created_at, sent_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9)
       ON CONFLICT (event_key, recipient_id, channel) DO NOTHING`,
      [notificationId, eventKey, recipientId, channel, address, status, status === 'sent' ? 1 : 0, lastError, now, status === 'sent' ? now : null],
    );
  }

  /** Who sent the event and with what comment, from its history record (same proposal, event and instant). */
  private async eventDetails(em: EntityManager, proposalId: string, event: NonNullable<DeliveryEvent['event']>) {
    const { rows } = await queryPrepared<{ comment: string | null; payload: Record<string, unknown>; actor: string | null }>(
      em,
      `SELECT h.comment, h.payload, u.display_name AS actor FROM proposal_history h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.proposal_id = $1 AND h.event = $2 AND h.at = $3 ORDER BY h.seq DESC LIMIT 1`,
      [proposalId, event.type, event.at],
    );
    const h = rows[0];
    if (!h) return null;
    const content = typeof h.payload?.content === 'string' ? h.payload.content : null;
    return { actor: h.actor, comment: h.comment ?? content, internal: h.payload?.internal === true };
  }

  private day(iso: string | null | undefined): string | null {
    return iso ? localDay(new Date(iso), this.config.timezone) : null;
  }
}

/** The date a notice is about. */
function dateOf(topic: string, c: ProposalContext): string | null {
  switch (topic) {
    case 'cosignInvited':
    case 'cosignFailed':
      return c.cosignDeadline;
    case 'extensionRequested':
      return c.pendingExtension?.dueAt ?? c.dueAt;
    case 'assigned':
    case 'reassignmentDenied':
    case 'extensionApproved':
    case 'extensionDenied':
    case 'rehandleOrdered':
      return c.dueAt;
    case 'replied':
      return c.kind === 'suggestion' ? null : c.evaluationDeadline;
    default:
      return null;
  }
}

function workingDaysOf(topic: string, c: ProposalContext): boolean {
  const counting = c.rules.dayCounting;
  if (topic === 'reviewOverdue') return counting.reviewTargetDays === 'working';
  if (topic === 'handlingDue') return counting.handlingDays === 'working';
  return false;
}
