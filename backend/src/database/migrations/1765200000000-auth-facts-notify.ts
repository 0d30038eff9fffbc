import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API keeps each signed-in user's facts (roles, active, token_version, departments, delegation, the
 * departments in a leader's charge, the delegations a user heads) in memory between requests
 * (app/auth/auth-user.service.ts) instead of reading them on every request. These triggers tell every API
 * process when such a fact changes, whoever changes it (the API, the CLI, a roster import or psql): on commit,
 * PostgreSQL sends the affected user's id on the channel `auth_facts`, and each process that LISTENs drops that
 * user from its memory. A rolled-back change sends nothing.
 *
 * The trigger's argument names the column that holds the affected user's id in the changed row.
 */
export class AuthFactsNotify1765200000000 implements MigrationInterface {
  name = 'AuthFactsNotify1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION auth_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        before_id text;
        after_id text;
      BEGIN
        IF TG_OP <> 'INSERT' THEN before_id := to_jsonb(OLD) ->> TG_ARGV[0]; END IF;
        IF TG_OP <> 'DELETE' THEN after_id := to_jsonb(NEW) ->> TG_ARGV[0]; END IF;
        IF before_id IS NOT NULL THEN PERFORM pg_notify('auth_facts', before_id); END IF;
        IF after_id IS NOT NULL AND after_id IS DISTINCT FROM before_id THEN PERFORM pg_notify('auth_facts', after_id); END IF;
        RETURN NULL;
      END $$`);
    // a new user has nothing cached yet; any change to an existing one counts (roles, active, token_version, …)
    await q.query(`CREATE TRIGGER users_auth_facts AFTER UPDATE OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION auth_facts_changed('id')`);
    await q.query(`CREATE TRIGGER department_members_auth_facts AFTER INSERT OR UPDATE OR DELETE ON department_members
      FOR EACH ROW EXECUTE FUNCTION auth_facts_changed('user_id')`);
    await q.query(`CREATE TRIGGER departments_auth_facts AFTER INSERT OR UPDATE OF leader_id OR DELETE ON departments
      FOR EACH ROW EXECUTE FUNCTION auth_facts_changed('leader_id')`);
    await q.query(`CREATE TRIGGER delegations_auth_facts AFTER INSERT OR UPDATE OF head_id OR DELETE ON delegations
      FOR EACH ROW EXECUTE FUNCTION auth_facts_changed('head_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['delegations', 'departments', 'department_members', 'users']) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_auth_facts ON ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS auth_facts_changed()`);
  }
}
