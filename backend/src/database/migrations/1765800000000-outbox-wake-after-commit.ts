import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay is woken after the commit instead of by a trigger inside it (app/outbox/outbox-wake.ts).
 *
 * The trigger `outbox_wake_relay` (migration 1764800000000) sent `NOTIFY congress_outbox` from every transaction
 * that wrote outbox rows, that is from nearly every workflow event. PostgreSQL serialises the commits of
 * notifying transactions with a lock on the database held until the commit's WAL is flushed, so under load each
 * event's commit, disk flush included, waited for the previous one (sampled under the benchmark's events: of 21
 * samples of busy backends, 7 waiting on `Lock: object` and 9 on `IO: WALSync`). The application now sends the
 * NOTIFY in a statement of its own after the commit, at most one per 10 ms for many commits; the relay still
 * polls every RELAY_INTERVAL_MS, which also covers rows written by hand.
 */
export class OutboxWakeAfterCommit1765800000000 implements MigrationInterface {
  name = 'OutboxWakeAfterCommit1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_wake_relay ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS outbox_wake_relay()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_wake_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('congress_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_wake_relay AFTER INSERT ON outbox
                   FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake_relay()`);
  }
}
