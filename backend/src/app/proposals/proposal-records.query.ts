import type {
  AttachmentInfo,
  ProposalComment,
  ProposalContact,
  ProposalContribution,
  ProposalCosigner,
  ProposalEvaluation,
  ProposalReply,
  ProposalRequestRecord,
  UserRef,
} from '@congress/api-types';
import type { EntityManager } from 'typeorm';
import { LoadedProposal, loadProposalBy, proposalWithFactsSql } from '../workflow/proposal-facts';

/** A UserRef built in SQL from the users row aliased `alias`. */
const ref = (alias: string) => `json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'displayName', ${alias}.display_name)`;

/** The records' timestamp fields: inside json_agg PostgreSQL writes them as text; the API speaks ISO 8601 (UTC, ms). */
const DATE_FIELDS = ['respondedAt', 'plannedAt', 'decidedAt', 'createdAt', 'contactedAt', 'answeredAt', 'requestedDueAt'];

function isoDates<T>(rows: T[]): T[] {
  for (const r of rows as Record<string, unknown>[]) {
    for (const k of DATE_FIELDS) if (typeof r[k] === 'string') r[k] = new Date(r[k] as string).toISOString();
  }
  return rows;
}

export interface ProposalRecords {
  cosigners: ProposalCosigner[];
  replies: ProposalReply[];
  contributions: ProposalContribution[];
  contacts: ProposalContact[];
  evaluations: ProposalEvaluation[];
  comments: ProposalComment[];
  requests: ProposalRequestRecord[];
  attachments: AttachmentInfo[];
}

/** Each kind of record: its query over $1 (the proposal id) and $2 (whether internal comments are shown), in order. */
const PARTS: Record<keyof ProposalRecords, string> = {
  cosigners: `SELECT ${ref('u')} AS user, c.status, c.source, c.responded_at AS "respondedAt"
      FROM proposal_cosigners c JOIN users u ON u.id = c.user_id WHERE c.proposal_id = $1 ORDER BY c.created_at, u.username`,
  replies: `SELECT r.id, r.round, r.department_id AS "departmentId", ${ref('u')} AS author, r.grade, r.content,
           r.planned_at AS "plannedAt", r.status, r.decision_comment AS "decisionComment", r.decided_at AS "decidedAt",
           r.created_at AS "createdAt"
      FROM proposal_replies r JOIN users u ON u.id = r.author_id WHERE r.proposal_id = $1 ORDER BY r.created_at`,
  contributions: `SELECT c.id, c.round, c.department_id AS "departmentId", ${ref('u')} AS author, c.content, c.created_at AS "createdAt"
      FROM proposal_contributions c JOIN users u ON u.id = c.author_id WHERE c.proposal_id = $1 ORDER BY c.created_at`,
  contacts: `SELECT c.id, c.department_id AS "departmentId", ${ref('u')} AS "loggedBy", c.method, c.content,
           c.contacted_at AS "contactedAt", c.status, c.proposer_comment AS "proposerComment", c.answered_at AS "answeredAt"
      FROM proposal_contacts c JOIN users u ON u.id = c.logged_by WHERE c.proposal_id = $1 ORDER BY c.created_at`,
  evaluations: `SELECT e.id, e.round, ${ref('u')} AS evaluator, e.role, e.satisfaction, e.comment, e.created_at AS "createdAt"
      FROM proposal_evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.proposal_id = $1 ORDER BY e.created_at`,
  comments: `SELECT c.id, ${ref('u')} AS author, c.kind, c.internal, c.content, c.created_at AS "createdAt"
      FROM proposal_comments c JOIN users u ON u.id = c.author_id
     WHERE c.proposal_id = $1 AND ($2::boolean OR NOT c.internal) ORDER BY c.created_at`,
  requests: `SELECT r.id, r.kind, r.department_id AS "departmentId", ${ref('u')} AS "requestedBy", r.reason,
           r.requested_due_at AS "requestedDueAt", r.extension_days AS "extensionDays", r.status,
           r.decision_comment AS "decisionComment", r.decided_at AS "decidedAt", r.created_at AS "createdAt"
      FROM proposal_requests r JOIN users u ON u.id = r.requested_by WHERE r.proposal_id = $1 ORDER BY r.created_at`,
  attachments: `SELECT a.id, a.file_name AS "fileName", a.mime_type AS "mimeType", a.size::int AS size, a.reply_id AS "replyId",
           a.uploaded_by AS "uploadedBy", a.created_at AS "createdAt"
      FROM attachments a WHERE a.proposal_id = $1 ORDER BY a.created_at`,
};

/**
 * Every record of a proposal as columns over the proposals row `p`: each kind aggregated to a JSON array in its
 * order, and the lead proposer's name. Parameters: $1 the proposal id, $2 whether internal comments are included.
 */
const RECORD_COLUMNS = `${Object.entries(PARTS)
  .map(([key, sql]) => `COALESCE((SELECT json_agg(x) FROM (${sql}) x), '[]'::json) AS "${key}"`)
  .join(',\n  ')},
  (SELECT ${ref('u')} FROM users u WHERE u.id = p.lead_proposer_id) AS "leadProposer"`;

/**
 * A proposal's row, its facts and every record in ONE statement (one round trip instead of two, or of nine
 * without the aggregation): $1 the id, $2 whether internal comments are included. Also run by the benchmark's
 * baseline (scripts/bench/baseline.mjs), so that both answer with the same SQL.
 */
export const PROPOSAL_DETAIL_SQL = proposalWithFactsSql(RECORD_COLUMNS);

export type LoadedDetail = LoadedProposal & { records: ProposalRecords; leadProposer: UserRef };

/** A live proposal with everything recorded about it, for its detail; internal comments only when `withInternal`. */
export async function loadDetail(em: EntityManager, id: string, withInternal: boolean): Promise<LoadedDetail | null> {
  const loaded = await loadProposalBy<ProposalRecords & { leadProposer: UserRef }>(em, PROPOSAL_DETAIL_SQL, [id, withInternal]);
  if (!loaded) return null;
  const { more, ...proposal } = loaded;
  const records = {} as Record<keyof ProposalRecords, unknown[]>;
  for (const key of Object.keys(PARTS) as (keyof ProposalRecords)[]) records[key] = isoDates(more[key] as unknown[]);
  return { ...proposal, records: records as unknown as ProposalRecords, leadProposer: more.leadProposer };
}
