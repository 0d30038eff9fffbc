import type { RosterImportResult, RowError } from '@congress/api-types';
import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rethrowUniqueViolation } from '../../organisation/versioned-update';
import { decodeRoster, parseRoster, RosterRow } from './roster-parser';

/**
 * Imports the delegate roster: every row checked first (delegations matched by name or code); any bad row →
 * 400 with every problem and its line, nothing written. Else one transaction creates or updates the users by
 * username (case-insensitive): the role delegate is added, the delegation set, the name taken from the file,
 * e-mail and phone when given. New accounts have no password: the admin sets one, or they use single sign-on.
 * Users missing from the file are left as they are.
 */
@Injectable()
export class RosterImportService {
  constructor(private readonly db: DataSource) {}

  async import(bytes: Buffer, dryRun: boolean): Promise<RosterImportResult> {
    const { rows, errors } = parseRoster(decodeRoster(bytes));
    const delegations = await this.delegations();
    const resolved: (RosterRow & { delegationId: string })[] = [];
    for (const row of rows) {
      const id = delegations.get(row.delegation) ?? delegations.get(row.delegation.toLowerCase());
      if (!id) errors.push({ line: row.line, reason: `unknown delegation "${row.delegation}"` });
      else resolved.push({ ...row, delegationId: id });
    }
    if (errors.length) throw rosterRejected(errors);

    const write = async (em: EntityManager) => {
      const existing = (await em.query(
        `SELECT id, lower(username) AS key FROM users WHERE lower(username) = ANY($1::text[]) ${dryRun ? '' : 'FOR UPDATE'}`,
        [resolved.map((r) => r.username.toLowerCase())],
      )) as { id: string; key: string }[];
      const ids = new Map(existing.map((e) => [e.key, e.id]));
      const fresh = resolved.filter((r) => !ids.has(r.username.toLowerCase()));
      const known = resolved.filter((r) => ids.has(r.username.toLowerCase()));
      if (!dryRun) {
        await this.insert(em, fresh);
        await this.update(em, known.map((r) => ({ ...r, id: ids.get(r.username.toLowerCase())! })));
      }
      return { dryRun, imported: resolved.length, created: fresh.length, updated: known.length };
    };
    if (dryRun) return write(this.db.manager);
    try {
      return await this.db.transaction(write);
    } catch (err) {
      rethrowUniqueViolation(err, { users_username_key: 'a username of the file was taken meanwhile; import again' });
    }
  }

  /** Name (exact) and code (any case) → id. */
  private async delegations(): Promise<Map<string, string>> {
    const rows = (await this.db.query(`SELECT id, code, name FROM delegations`)) as { id: string; code: string; name: string }[];
    const map = new Map<string, string>();
    for (const r of rows) {
      map.set(r.code.toLowerCase(), r.id);
      map.set(r.name, r.id);
    }
    return map;
  }

  private async insert(em: EntityManager, rows: (RosterRow & { delegationId: string })[]) {
    if (!rows.length) return;
    await em.query(
      `INSERT INTO users (username, display_name, email, phone, delegation_id, roles)
       SELECT u, n, e, p, d, ARRAY['delegate']::text[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[]) AS t(u, n, e, p, d)`,
      [rows.map((r) => r.username), rows.map((r) => r.name), rows.map((r) => r.email), rows.map((r) => r.phone),
        rows.map((r) => r.delegationId)],
    );
  }

  private async update(em: EntityManager, rows: (RosterRow & { delegationId: string; id: string })[]) {
    if (!rows.length) return;
    await em.query(
      `UPDATE users SET display_name = t.n, email = COALESCE(t.e, users.email), phone = COALESCE(t.p, users.phone),
              delegation_id = t.d,
              roles = CASE WHEN 'delegate' = ANY(users.roles) THEN users.roles ELSE array_append(users.roles, 'delegate') END,
              updated_at = now(), version = users.version + 1
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[]) AS t(id, n, e, p, d)
        WHERE users.id = t.id`,
      [rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.email), rows.map((r) => r.phone),
        rows.map((r) => r.delegationId)],
    );
    // a head who moved to another delegation no longer heads the old one
    await em.query(
      `UPDATE delegations g SET head_id = NULL, version = g.version + 1, updated_at = now()
         FROM users u WHERE u.id = g.head_id AND u.id = ANY($1::uuid[]) AND u.delegation_id IS DISTINCT FROM g.id`,
      [rows.map((r) => r.id)],
    );
  }
}

function rosterRejected(errors: RowError[]): BadRequestException {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const lines = [...new Set(sorted.map((e) => e.line))];
  const where = lines.length === 1 ? `line ${lines[0]}` : `${lines.length} lines (${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''})`;
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `The roster has problems in ${where}; nothing was imported. First: line ${sorted[0].line}: ${sorted[0].reason}`,
    errors: sorted,
  });
}
