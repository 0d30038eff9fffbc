import { passwordProblem } from '@congress/api-types';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../app/auth/password';

/**
 * Production has no demo data, so its first administrator comes from here (e.g. a `cli.js create-admin`
 * command): creates the admin account, or when the username exists gives it the role admin, activates it and
 * sets the password. Returns whether an account was created.
 */
export async function ensureAdmin(ds: DataSource, username: string, password: string, displayName = '系统管理员') {
  const problem = passwordProblem(password, username);
  if (problem) throw new Error(`The admin password ${problem}`);
  const hash = await hashPassword(password);
  const rows = (await ds.query(
    `INSERT INTO users (username, display_name, roles, password_hash) VALUES ($1, $2, ARRAY['admin']::text[], $3)
     ON CONFLICT ((lower(username))) DO UPDATE
       SET roles = CASE WHEN 'admin' = ANY(users.roles) THEN users.roles ELSE array_append(users.roles, 'admin') END,
           active = true, password_hash = EXCLUDED.password_hash, token_version = users.token_version + 1,
           updated_at = now(), version = users.version + 1
     RETURNING (xmax = 0) AS created`,
    [username, displayName, hash],
  )) as { created: boolean }[];
  return { created: rows[0].created };
}
