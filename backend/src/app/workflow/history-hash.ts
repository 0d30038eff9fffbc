import { createHash } from 'node:crypto';

/** The fields of a history record that its hash covers (everything but the row id and the hashes). */
export interface HashedRecord {
  proposalId: string;
  seq: number;
  fromState: string | null;
  toState: string;
  event: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  comment: string | null;
  at: Date | string;
}

/**
 * JSON with object keys sorted at every depth, no whitespace, `undefined` members left out and dates as ISO
 * strings: the same record always gives the same text, whatever order jsonb hands its keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** sha256(prev_hash + canonical JSON of the record), hex; the first record of a proposal has no prev_hash. */
export function historyHash(prevHash: string | null, record: HashedRecord): string {
  const body = canonicalJson({
    proposalId: record.proposalId,
    seq: record.seq,
    fromState: record.fromState,
    toState: record.toState,
    event: record.event,
    actorId: record.actorId,
    payload: record.payload ?? {},
    comment: record.comment,
    at: new Date(record.at).toISOString(),
  });
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(body)
    .digest('hex');
}
