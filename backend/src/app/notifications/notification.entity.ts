import type { DeliveryChannel, DeliveryStatus, Language, NotificationKind } from '@congress/api-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message in one person's inbox (table `notifications`), rendered in their language when it was created.
 * `event_key` names what caused it (`notice-<outboxId>` or a reminder's job id); (event_key, recipient) is unique.
 */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) recipientId: string;
  @Column({ type: 'varchar', length: 200 }) eventKey: string;
  @Column({ type: 'varchar', length: 10 }) kind: NotificationKind;
  @Column({ type: 'varchar', length: 40 }) topic: string;
  @Column({ type: 'uuid', nullable: true }) proposalId: string | null;
  @Column({ type: 'varchar', length: 8 }) language: Language;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) link: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
}

/**
 * The delivery log (table `notification_deliveries`): one row per (event_key, recipient, channel), unique, so
 * that an INSERT … ON CONFLICT DO NOTHING decides once and for all whether something is delivered.
 */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'bigint' }) notificationId: string;
  @Column({ type: 'varchar', length: 200 }) eventKey: string;
  @Column({ type: 'uuid' }) recipientId: string;
  @Column({ type: 'varchar', length: 8 }) channel: DeliveryChannel;
  @Column({ type: 'varchar', length: 254, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 10 }) status: DeliveryStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
