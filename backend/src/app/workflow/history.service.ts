import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Statement } from './deferred-writes';
import { historyHash } from './history-hash';

export interface NewHistoryRecord {
  proposalId: string;
  fromState: string | null;
  toState: string;
  /** A machine event type, or a draft operation: CREATE, EDIT, DELETE, INVITE_COSIGNERS, REMOVE_COSIGNER, MERGED_IN. */
  event: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  comment: string | null;
  at: Date;
}

export interface HistoryRow {
  id: string;
  proposalId: string;
  seq: number;
  fromState: string | null;
  toState: string;
  event: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  comment: string | null;
  at: Date;
  prevHash: string | null;
  hash: string;
}

/** The first record of a proposal whose chain does not check out. */
export interface ChainBreak {
  proposalId: string;
  seq: number;
  recordId: string;
  problem: string;
}

const COLUMNS = `id::text AS id, proposal_id AS "proposalId", seq, from_state AS "fromState", to_state AS "toState",
  event, actor_id AS "actorId", payload, comment, at, prev_hash AS "prevHash", hash`;

const INSERT_COLUMNS = 'proposal_id, seq, from_state, to_state, event, actor_id, payload, comment, at, prev_hash, hash';
const INSERT_WIDTH = INSERT_COLUMNS.split(',').length;

/** The values of INSERT_COLUMNS for the record `r` that follows `head` (null: the proposal's first), hash included. */
function rowAfter(r: NewHistoryRecord, head: { seq: number; hash: string } | null): unknown[] {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? null;
  const hash = historyHash(prevHash, { ...r, seq });
  return [r.proposalId, seq, r.fromState, r.toState, r.event, r.actorId, JSON.stringify(r.payload), r.comment, r.at, prevHash, hash];
}

/**
 * The append-only, hash-chained history of each proposal. Appending must happen inside the transaction that
 * holds the proposal's row lock (WorkflowService and the draft service take it), so records of one proposal
 * are appended one at a time and `seq` has no gaps; UNIQUE (proposal_id, seq) backs that up.
 */
@Injectable()
export class HistoryService {
  constructor(private readonly db: DataSource) {}

  /**
   * `head`: the proposal's last record as read under the row lock in this transaction (loadProposal with lock
   * gives it), to save reading it again; null when there is none yet, undefined to read it here.
   */
  async append(em: EntityManager, r: NewHistoryRecord, head?: { seq: number; hash: string } | null): Promise<HistoryRow> {
    const last =
      head !== undefined
        ? head
        : ((
            (await em.query(`SELECT seq, hash FROM proposal_history WHERE proposal_id = $1 ORDER BY seq DESC LIMIT 1`, [
              r.proposalId,
            ])) as { seq: number; hash: string }[]
          )[0] ?? null);
    const insert = this.insert(r, last);
    const rows = (await em.query(`${insert.sql} RETURNING ${COLUMNS}`, insert.params)) as HistoryRow[];
    return rows[0];
  }

  /**
   * The INSERT of the record that follows `head` (the proposal's last record, read under its row lock in this
   * transaction; null for the first), for a caller that sends it with another statement (DeferredWrites).
   */
  insert(r: NewHistoryRecord, head: { seq: number; hash: string } | null): Statement {
    return {
      sql: `INSERT INTO proposal_history (${INSERT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      params: rowAfter(r, head),
    };
  }

  /**
   * `insert` for the records of many proposals in one statement (each after its own proposal's `head`, read under
   * that proposal's row lock), for a batch of events (WorkflowService#applySystemEvents); null for none.
   */
  insertMany(items: readonly { record: NewHistoryRecord; head: { seq: number; hash: string } | null }[]): Statement | null {
    if (!items.length) return null;
    const rows = items.map(({ record, head }) => rowAfter(record, head));
    return {
      sql: `INSERT INTO proposal_history (${INSERT_COLUMNS})
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::jsonb[], $8::text[], $9::timestamptz[],
                            $10::text[], $11::text[])`,
      params: Array.from({ length: INSERT_WIDTH }, (_, i) => rows.map((row) => row[i])),
    };
  }

  async list(proposalId: string, em: EntityManager = this.db.manager): Promise<HistoryRow[]> {
    return (await em.query(`SELECT ${COLUMNS} FROM proposal_history WHERE proposal_id = $1 ORDER BY seq`, [
      proposalId,
    ])) as HistoryRow[];
  }

  /**
   * Recomputes every chain (or one proposal's) and returns the first bad record of each proposal: a hash that
   * does not match the record, a prev_hash that does not match the previous record, a gap in `seq`, or a chain
   * that does not end in the proposal's current state.
   * Reads in pages of `pageSize` rows (keyset on proposal_id, seq), so the whole history never sits in memory.
   */
  async verify(options: { proposalId?: string; pageSize?: number } = {}): Promise<{ checked: number; breaks: ChainBreak[] }> {
    const pageSize = options.pageSize ?? 1000;
    const breaks: ChainBreak[] = [];
    let checked = 0;
    let current: { proposalId: string; seq: number; hash: string; broken: boolean } | null = null;
    let after: [string, number] = ['00000000-0000-0000-0000-000000000000', 0];
    for (;;) {
      const params: unknown[] = [after[0], after[1], pageSize];
      const only = options.proposalId ? `AND proposal_id = $4` : '';
      if (options.proposalId) params.push(options.proposalId);
      const rows = (await this.db.query(
        `SELECT ${COLUMNS} FROM proposal_history
          WHERE (proposal_id, seq) > ($1::uuid, $2::int) ${only}
          ORDER BY proposal_id, seq LIMIT $3`,
        params,
      )) as HistoryRow[];
      for (const row of rows) {
        checked++;
        if (!current || current.proposalId !== row.proposalId) {
          current = { proposalId: row.proposalId, seq: 0, hash: '', broken: false };
        }
        if (!current.broken) {
          const problem = this.problemOf(row, current.seq === 0 ? null : current);
          if (problem) {
            breaks.push({ proposalId: row.proposalId, seq: row.seq, recordId: row.id, problem });
            current.broken = true;
          }
        }
        current.seq = row.seq;
        current.hash = row.hash;
      }
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      after = [last.proposalId, last.seq];
    }
    // A chain cut at its end still checks out link by link; the proposal's row tells: its state must be the one
    // the last record leads to (this also catches a state changed outside the workflow).
    const broken = new Set(breaks.map((b) => b.proposalId));
    const ends = (await this.db.query(
      `SELECT p.id AS "proposalId", p.state, h.to_state AS "toState", h.seq, h.id::text AS "recordId"
         FROM proposals p
         LEFT JOIN LATERAL (SELECT to_state, seq, id FROM proposal_history WHERE proposal_id = p.id ORDER BY seq DESC LIMIT 1) h ON true
        WHERE h.to_state IS DISTINCT FROM p.state ${options.proposalId ? 'AND p.id = $1' : ''}`,
      options.proposalId ? [options.proposalId] : [],
    )) as { proposalId: string; state: string; toState: string | null; seq: number | null; recordId: string | null }[];
    for (const e of ends.filter((x) => !broken.has(x.proposalId))) {
      breaks.push({
        proposalId: e.proposalId,
        seq: e.seq ?? 0,
        recordId: e.recordId ?? '-',
        problem: `the proposal is ${e.state} but its history ends in ${e.toState ?? 'nothing'} (records missing at the end, or the row changed outside the workflow)`,
      });
    }
    return { checked, breaks };
  }

  private problemOf(row: HistoryRow, previous: { seq: number; hash: string } | null): string | null {
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (row.seq !== expectedSeq) return `seq ${row.seq} where ${expectedSeq} was expected (a record is missing)`;
    const expectedPrev = previous ? previous.hash : null;
    if ((row.prevHash ?? null) !== expectedPrev) return 'prev_hash does not match the previous record';
    if (historyHash(row.prevHash, row) !== row.hash) return 'hash does not match the record (it was altered)';
    return null;
  }
}
