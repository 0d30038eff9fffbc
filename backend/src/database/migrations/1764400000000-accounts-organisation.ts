import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and organisation: users, delegations, departments and their members, congress sessions,
 * categories and the working-day calendar. Hand-written; snake_case; uuid keys from gen_random_uuid()
 * (built into PostgreSQL 13+ and PGlite). Tables that admins edit carry `version` for optimistic locking.
 */
export class AccountsOrganisation1764400000000 implements MigrationInterface {
  name = 'AccountsOrganisation1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        name_en varchar(200),
        head_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX delegations_code_key ON delegations (lower(code))`);
    await q.query(`CREATE UNIQUE INDEX delegations_name_key ON delegations (name)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(100) NOT NULL,
        email varchar(254),
        phone varchar(32),
        roles text[] NOT NULL DEFAULT '{}'
          CHECK (roles <@ ARRAY['delegate','delegation_head','committee','handler','dept_head','leader','admin']::text[]),
        language varchar(8) NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        auth_source varchar(8) NOT NULL DEFAULT 'local' CHECK (auth_source IN ('local', 'cas', 'oidc')),
        external_id varchar(200),
        delegation_id uuid REFERENCES delegations (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await q.query(`CREATE UNIQUE INDEX users_external_id_key ON users (auth_source, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX users_delegation_id_idx ON users (delegation_id)`);
    await q.query(`CREATE INDEX users_roles_idx ON users USING gin (roles)`);
    await q.query(`ALTER TABLE delegations ADD CONSTRAINT delegations_head_id_fkey
                   FOREIGN KEY (head_id) REFERENCES users (id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        name_en varchar(200),
        leader_id uuid REFERENCES users (id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX departments_code_key ON departments (lower(code))`);
    await q.query(`CREATE UNIQUE INDEX departments_name_key ON departments (name)`);
    await q.query(`CREATE INDEX departments_leader_id_idx ON departments (leader_id)`);

    await q.query(`
      CREATE TABLE department_members (
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(8) NOT NULL CHECK (role IN ('handler', 'head')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, user_id, role)
      )`);
    await q.query(`CREATE INDEX department_members_user_id_idx ON department_members (user_id)`);

    await q.query(`
      CREATE TABLE congress_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term integer NOT NULL CHECK (term > 0),
        meeting integer NOT NULL CHECK (meeting > 0),
        title varchar(200) NOT NULL,
        title_en varchar(300),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        rules jsonb NOT NULL DEFAULT '{}'::jsonb,
        is_current boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT congress_sessions_window_check CHECK (opens_at < closes_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX congress_sessions_term_meeting_key ON congress_sessions (term, meeting)`);
    await q.query(`CREATE UNIQUE INDEX congress_sessions_current_key ON congress_sessions (is_current) WHERE is_current`);

    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        name_en varchar(200),
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX categories_name_key ON categories (name)`);

    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('holiday', 'workday', 'break')),
        note varchar(200),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_days`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE congress_sessions`);
    await q.query(`DROP TABLE department_members`);
    await q.query(`DROP TABLE departments`);
    await q.query(`ALTER TABLE delegations DROP CONSTRAINT delegations_head_id_fkey`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE delegations`);
  }
}
