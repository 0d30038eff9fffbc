import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';

/**
 * Optimistic locking done for real (conventions, point 6): TypeORM's save() does not put the version in the
 * WHERE clause, so admin edits go through `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`.
 * No row touched → 404 when the id is unknown, else 409 with the current version.
 *
 * `set` maps column names (snake_case, from our own code, never from the client) to values; undefined values
 * are left out. With nothing to set the row is still checked (and its version bumped), so a stale version
 * never passes silently.
 */
export async function updateVersioned(
  em: EntityManager,
  table: string,
  what: string,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<number> {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  const assignments = entries.map(([column], i) => `${column} = $${i + 3}`);
  assignments.push('version = version + 1', 'updated_at = now()');
  const sql = `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1 AND version = $2 RETURNING version`;
  const [rows, affected] = (await em.query(sql, [id, version, ...entries.map(([, v]) => v)])) as [
    { version: number }[],
    number,
  ];
  if (affected === 1) return rows[0].version;
  const current = (await em.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as { version: number }[];
  if (!current.length) throw new NotFoundException(`${what} ${id} not found`);
  throw staleVersion(what, version, current[0].version);
}

export function staleVersion(what: string, sent: number, current: number) {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `The ${what.toLowerCase()} was changed by someone else (now version ${current}, you sent ${sent}); reload it and try again`,
    currentVersion: current,
  });
}

/** Turns a unique-index violation into a 409 with a message people understand; anything else is rethrown. */
export function rethrowUniqueViolation(err: unknown, messages: Record<string, string>): never {
  const driverError = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  if (driverError?.code === '23505') {
    const message = (driverError.constraint && messages[driverError.constraint]) ?? 'That value is taken';
    throw new ConflictException({ statusCode: 409, error: 'Conflict', message });
  }
  throw err;
}

/** A 400 in the shape of the validation pipe's, for checks that need the database. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message,
    errors: [{ field, messages: [message] }],
  });
}

/** Checks that every id names an existing user; answers 400 naming the field otherwise. Returns active flags. */
export async function requireUsers(em: EntityManager, field: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const rows = (await em.query(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [unique])) as { id: string }[];
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw fieldError(field, `unknown user ${missing.join(', ')}`);
}

/** Adds a role to users that lack it (membership of a department or delegation implies the role). */
export async function grantRole(em: EntityManager, role: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await em.query(
    `UPDATE users SET roles = array_append(roles, $1::text), updated_at = now(), version = version + 1
      WHERE id = ANY($2::uuid[]) AND NOT ($1::text = ANY(roles))`,
    [role, [...new Set(ids)]],
  );
}
