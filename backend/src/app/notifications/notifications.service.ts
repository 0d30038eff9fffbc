import type { NotificationItem, NotificationLogEntry } from '@congress/api-types';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../workflow/clock';
import { NotificationListQueryDto, NotificationLogQueryDto } from './dto/notification.dto';

const ITEM = `n.id::text AS id, n.kind, n.topic, n.proposal_id AS "proposalId", n.title, n.body, n.link,
  n.created_at AS "createdAt", n.read_at AS "readAt"`;
const ID = /^\d{1,18}$/;

/** The in-app inbox of the signed-in user, and the notification log of the committee and admins. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async inbox(userId: string, q: NotificationListQueryDto): Promise<{ items: NotificationItem[]; total: number; unread: number }> {
    const page = q.page ?? 1;
    const size = q.pageSize ?? 20;
    const onlyUnread = q.unreadOnly === true;
    const [items, [counts]] = await Promise.all([
      this.db.query(
        `SELECT ${ITEM} FROM notifications n WHERE n.recipient_id = $1 AND (NOT $2 OR n.read_at IS NULL)
          ORDER BY n.id DESC LIMIT $3 OFFSET $4`,
        [userId, onlyUnread, size, (page - 1) * size],
      ) as Promise<NotificationItem[]>,
      this.db.query(
        `SELECT count(*)::int AS all, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE recipient_id = $1`,
        [userId],
      ) as Promise<{ all: number; unread: number }[]>,
    ]);
    return { items: items.map(dates), total: onlyUnread ? counts.unread : counts.all, unread: counts.unread };
  }

  async markRead(userId: string, id: string): Promise<NotificationItem> {
    if (!ID.test(id)) throw notFound(id);
    const rows = (await this.db.query(
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, $3) WHERE n.id = $1 AND n.recipient_id = $2 RETURNING ${ITEM}`,
      [id, userId, this.clock.now()],
    )) as [NotificationItem[], number];
    if (!rows[0].length) throw notFound(id);
    return dates(rows[0][0]);
  }

  async markAllRead(userId: string): Promise<{ updated: number; unread: number }> {
    const [, updated] = (await this.db.query(`UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL`, [
      userId,
      this.clock.now(),
    ])) as [unknown, number];
    return { updated, unread: 0 };
  }

  async logPage(q: NotificationLogQueryDto): Promise<{ items: NotificationLogEntry[]; total: number }> {
    const page = q.page ?? 1;
    const size = q.pageSize ?? 50;
    const where = `($1::uuid IS NULL OR n.proposal_id = $1) AND ($2::uuid IS NULL OR d.recipient_id = $2)
      AND ($3::text IS NULL OR d.channel = $3) AND ($4::text IS NULL OR d.status = $4)`;
    const params = [q.proposalId ?? null, q.recipientId ?? null, q.channel ?? null, q.status ?? null];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT d.id::text AS id, d.notification_id::text AS "notificationId", n.kind, n.topic, n.proposal_id AS "proposalId",
                n.title, json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name) AS recipient,
                d.channel, d.address, d.status, d.attempts, d.last_error AS "lastError", d.created_at AS "createdAt",
                d.sent_at AS "sentAt", n.read_at AS "readAt"
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = d.recipient_id
          WHERE ${where} ORDER BY d.id DESC LIMIT $5 OFFSET $6`,
        [...params, size, (page - 1) * size],
      ) as Promise<NotificationLogEntry[]>,
      this.db.query(
        `SELECT count(*)::int AS total FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, sentAt: iso(r.sentAt), readAt: iso(r.readAt) })), total };
  }
}

function notFound(id: string) {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `No notification ${id} in your inbox` });
}

function iso(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(v as string).toISOString();
}

function dates(n: NotificationItem): NotificationItem {
  return { ...n, createdAt: iso(n.createdAt)!, readAt: iso(n.readAt) };
}
