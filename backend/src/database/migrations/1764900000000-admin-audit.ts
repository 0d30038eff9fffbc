import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `admin_audit`: one row per successful write under /api/admin (users, roles, passwords, sessions revoked,
 * departments, delegations, congress sessions, categories, calendar, roster imports): who, what, on which
 * record, with the request body minus any password. Written by security/admin-audit.interceptor.ts;
 * read by admins at GET /api/admin/audit. Append-only by convention: nothing in the app updates or deletes it.
 */
export class AdminAudit1764900000000 implements MigrationInterface {
  name = 'AdminAudit1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_audit (
        id bigserial PRIMARY KEY,
        actor_id uuid NOT NULL REFERENCES users (id),
        method varchar(8) NOT NULL,
        path varchar(500) NOT NULL,
        target_id varchar(100),
        body jsonb NOT NULL DEFAULT '{}'::jsonb,
        status smallint NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX admin_audit_at_idx ON admin_audit (at DESC, id DESC)`);
    await q.query(`CREATE INDEX admin_audit_actor_idx ON admin_audit (actor_id, at DESC)`);
    await q.query(`CREATE INDEX admin_audit_target_idx ON admin_audit (target_id) WHERE target_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit`);
  }
}
