import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and notifications (docs/reminders.md):
 * - `queue_jobs`: every job the queues should hold (notices, reminders, deadlines), written by the relay and the
 *   reconciler. PostgreSQL is the source of truth; the reconciler re-adds to Redis whatever is `scheduled` here.
 * - `notifications`: the in-app inbox, one row per (event, recipient), rendered in the recipient's language.
 * - `notification_deliveries`: the delivery log, one row per (event, recipient, channel); the unique key makes
 *   sure nothing is delivered twice whatever the retries.
 * - A trigger on `outbox` that wakes the relay (LISTEN congress_outbox) when a transaction that wrote to it commits.
 */
export class NotificationsReminders1764800000000 implements MigrationInterface {
  name = 'NotificationsReminders1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_jobs (
        job_id varchar(200) PRIMARY KEY,
        queue varchar(20) NOT NULL,
        name varchar(40) NOT NULL,
        proposal_id uuid REFERENCES proposals (id),
        anchor timestamptz,
        run_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        status varchar(12) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'done', 'skipped', 'cancelled', 'obsolete')),
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX queue_jobs_scheduled_idx ON queue_jobs (run_at) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX queue_jobs_proposal_idx ON queue_jobs (proposal_id, name)`);

    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES users (id),
        event_key varchar(200) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('notice', 'reminder')),
        topic varchar(40) NOT NULL,
        proposal_id uuid REFERENCES proposals (id),
        language varchar(8) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_once_key UNIQUE (event_key, recipient_id)
      )`);
    await q.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_proposal_idx ON notifications (proposal_id)`);

    await q.query(`
      CREATE TABLE notification_deliveries (
        id bigserial PRIMARY KEY,
        notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        event_key varchar(200) NOT NULL,
        recipient_id uuid NOT NULL REFERENCES users (id),
        channel varchar(8) NOT NULL CHECK (channel IN ('inApp', 'email')),
        address varchar(254),
        status varchar(10) NOT NULL
          CHECK (status IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        claimed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_once_key UNIQUE (event_key, recipient_id, channel)
      )`);
    await q.query(`CREATE INDEX notification_deliveries_open_idx ON notification_deliveries (id)
                   WHERE status IN ('pending', 'sending', 'retrying')`);
    await q.query(`CREATE INDEX notification_deliveries_notification_idx ON notification_deliveries (notification_id)`);

    await q.query(`
      CREATE FUNCTION outbox_wake_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('congress_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_wake_relay AFTER INSERT ON outbox
                   FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake_relay()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_wake_relay ON outbox`);
    await q.query(`DROP FUNCTION outbox_wake_relay()`);
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE queue_jobs`);
  }
}
