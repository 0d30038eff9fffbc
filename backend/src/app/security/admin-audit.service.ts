import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditInput {
  actorId: string;
  method: string;
  path: string;
  targetId: string | null;
  body: unknown;
  status: number;
}

export interface AuditEntry {
  id: string;
  actor: { id: string; username: string; displayName: string };
  method: string;
  path: string;
  targetId: string | null;
  body: unknown;
  status: number;
  at: string;
}

/** Keys whose values never reach the audit log (any depth, any case): passwords, tokens, secrets. */
const SECRET_KEY = /pass(word)?|secret|token/i;
/** A stored body larger than this (as JSON) keeps only its keys. */
const MAX_BODY_CHARS = 20_000;

/** A copy of a request body with every secret-looking key's value replaced. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[removed]' : redact(v, depth + 1)]),
  );
}

function bounded(body: unknown): unknown {
  const json = JSON.stringify(body) ?? '{}';
  if (json.length <= MAX_BODY_CHARS) return body;
  return { truncated: true, chars: json.length, keys: typeof body === 'object' && body ? Object.keys(body) : [] };
}

@Injectable()
export class AdminAuditService {
  constructor(private readonly db: DataSource) {}

  async record(e: AuditInput): Promise<void> {
    await this.db.query(
      `INSERT INTO admin_audit (actor_id, method, path, target_id, body, status) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [e.actorId, e.method, e.path.slice(0, 500), e.targetId?.slice(0, 100) ?? null, JSON.stringify(bounded(redact(e.body))), e.status],
    );
  }

  async list(q: { page?: number; pageSize?: number; actorId?: string; targetId?: string }): Promise<{ items: AuditEntry[]; total: number }> {
    const page = q.page ?? 1;
    const size = q.pageSize ?? 50;
    const where = `($1::uuid IS NULL OR a.actor_id = $1) AND ($2::text IS NULL OR a.target_id = $2)`;
    const params = [q.actorId ?? null, q.targetId ?? null];
    const rows = (await this.db.query(
      `SELECT a.id::text, a.method, a.path, a.target_id, a.body, a.status, a.at,
              u.id AS actor_id, u.username, u.display_name
         FROM admin_audit a JOIN users u ON u.id = a.actor_id
        WHERE ${where}
        ORDER BY a.at DESC, a.id DESC
        LIMIT $3 OFFSET $4`,
      [...params, size, (page - 1) * size],
    )) as Array<{ id: string; method: string; path: string; target_id: string | null; body: unknown; status: number; at: Date; actor_id: string; username: string; display_name: string }>;
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM admin_audit a WHERE ${where}`, params)) as [{ total: number }];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        actor: { id: r.actor_id, username: r.username, displayName: r.display_name },
        method: r.method,
        path: r.path,
        targetId: r.target_id,
        body: r.body,
        status: r.status,
        at: new Date(r.at).toISOString(),
      })),
    };
  }
}
