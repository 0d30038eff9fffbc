/**
 * The notifications API: the caller's in-app inbox (`GET /api/notifications`, mark read, mark all read) and the
 * notification log of the committee and admins (`GET /api/notifications/log`: what went to whom, when, how).
 * Topics are the workflow library's notice and reminder names (`assigned`, `handlingDue`…), plain strings here.
 */
import type { Page } from './errors';
import type { UserRef } from './organisation';

/** `notice`: something happened (an event); `reminder`: a deadline approaches or passed. */
export type NotificationKind = 'notice' | 'reminder';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** The notice (`assigned`, `urged`…) or reminder (`handlingDue`…) it is about. */
  topic: string;
  proposalId: string | null;
  /** Rendered in the recipient's language when it was created. */
  title: string;
  body: string;
  /** A page of the app (e.g. `/proposals/<id>`); it only shows things, its buttons act. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications?page=&pageSize=&unreadOnly=`: newest first, with the unread count of the whole inbox. */
export interface NotificationPage extends Page<NotificationItem> {
  unread: number;
}

export interface NotificationListQuery {
  page?: number;
  pageSize?: number;
  unreadOnly?: boolean;
}

/** `POST /api/notifications/read-all`. */
export interface ReadAllResponse {
  /** How many were unread and are read now. */
  updated: number;
  unread: number;
}

export const DELIVERY_CHANNELS = ['inApp', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * pending: queued; sending: a worker has it; retrying: an attempt failed, another follows (with backoff);
 * sent; failed: every attempt failed; skipped: not sent (no e-mail address, or e-mail switched off).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'retrying', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One line of the notification log: one notification on one channel. */
export interface NotificationLogEntry {
  id: string;
  notificationId: string;
  kind: NotificationKind;
  topic: string;
  proposalId: string | null;
  title: string;
  recipient: UserRef;
  channel: DeliveryChannel;
  /** The e-mail address used (e-mail only). */
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  readAt: string | null;
}

export interface NotificationLogQuery {
  page?: number;
  pageSize?: number;
  proposalId?: string;
  recipientId?: string;
  channel?: DeliveryChannel;
  status?: DeliveryStatus;
}

export type NotificationLogPage = Page<NotificationLogEntry>;
