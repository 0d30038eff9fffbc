import type { FigureCounts } from '@congress/api-types';

/**
 * THE definitions of the figures the committee reports and discloses (domain.md, "Figures the committee
 * reports"). Every figure of the dashboard, the trends, the department evaluation, the public portal and the
 * exported work report is one of the aggregates below: set-based passes over `proposals` (counts; the median
 * over the replied ones) and over `proposal_contacts`, grouped by session, category or lead department, with the
 * totals from the same pass (GROUPING SETS).
 *
 * The population is the proposals the committee RECEIVED: submitted at least once and not back in the
 * proposer's hands (draft, co-signing, delegation review). Each received proposal is in exactly one of:
 * merged, rejected, withdrawn (by state), converted (kind suggestion), accepted (numbered, kind proposal) or
 * pending review — so received = accepted + converted + merged + rejected + withdrawn + pendingReview.
 * A proposal merged after acceptance counts as merged (its number stays used in the series).
 *
 * Handling figures follow the reply IN FORCE: a re-handled proposal counts as replied again only when its new
 * reply is approved; its grade and evaluation are the new ones (the machine resets them on REHANDLE).
 * - replied: reply approved and out (state replied, disputed or closed, replied_at set); proposals and
 *   suggestions alike.
 * - repliedOnTime: replied_at <= due_at (the due date in force: extensions and re-handling move it).
 * - overdueNow: in a handling state with due_at < now.
 * - grades: the grade of the reply in force (column grade, mirrored from context.grade) of replied ones.
 * - evaluations: proposals only (suggestions are not evaluated); `notEvaluated`: the window passed (evaluation
 *   "none"); `awaitingEvaluation`: replied and the window still open.
 * - rehandled: re-handled at least once (rehandle_count > 0, from context.rehandleCount).
 * - medianDaysToReply: median of replied_at − assigned_at (the assignment in force: ASSIGN or REASSIGN), days.
 * - promises: replied with grade B; fulfilled when the handler's FULFIL was recorded (fulfilled, from context.fulfilled).
 * - contacts: logged contacts of the proposals, by the lead proposer's answer.
 * Per department means per LEAD department (主办); co-handling departments are not counted twice.
 *
 * Cached figures are reused while their session's figure stamp holds, and the stamp moves only with the columns
 * its triggers list (migration 1765400000000): reading another column here needs a migration that adds it there
 * (figures.sql.spec.ts fails until then).
 */

export const RECEIVED = `p.deleted_at IS NULL AND p.submitted_at IS NOT NULL
  AND p.state NOT IN ('draft', 'cosigning', 'delegationReview')`;

const OUT = `p.state IN ('merged', 'rejected', 'withdrawn')`;
const REPLIED = `(p.replied_at IS NOT NULL AND p.state IN ('replied', 'disputed', 'closed'))`;
const GRADE = `p.grade`;

/**
 * The per-proposal counts, each `<aggregate> AS "<FigureCounts key>"`, over `proposals p`; `now` is the
 * placeholder of now. Plain FILTERed counts, so PostgreSQL aggregates them in one hashed pass.
 */
export function figureColumns(now: string): string {
  return `
    count(*)::int AS "received",
    count(*) FILTER (WHERE p.kind = 'proposal' AND p.number IS NOT NULL AND NOT ${OUT})::int AS "accepted",
    count(*) FILTER (WHERE p.state = 'merged')::int AS "merged",
    count(*) FILTER (WHERE p.state = 'rejected')::int AS "rejected",
    count(*) FILTER (WHERE p.kind = 'suggestion' AND NOT ${OUT})::int AS "converted",
    count(*) FILTER (WHERE p.state = 'withdrawn')::int AS "withdrawn",
    count(*) FILTER (WHERE p.kind = 'proposal' AND p.number IS NULL AND NOT ${OUT})::int AS "pendingReview",
    count(*) FILTER (WHERE p.assigned_at IS NOT NULL AND NOT ${OUT})::int AS "assigned",
    count(*) FILTER (WHERE p.state LIKE 'handling.%')::int AS "inHandling",
    count(*) FILTER (WHERE ${REPLIED})::int AS "replied",
    count(*) FILTER (WHERE ${REPLIED} AND p.replied_at <= p.due_at)::int AS "repliedOnTime",
    count(*) FILTER (WHERE p.state LIKE 'handling.%' AND p.due_at < ${now})::int AS "overdueNow",
    count(*) FILTER (WHERE ${REPLIED} AND ${GRADE} = 'A')::int AS "gradeA",
    count(*) FILTER (WHERE ${REPLIED} AND ${GRADE} = 'B')::int AS "gradeB",
    count(*) FILTER (WHERE ${REPLIED} AND ${GRADE} = 'C')::int AS "gradeC",
    count(*) FILTER (WHERE ${REPLIED} AND p.kind = 'proposal'
      AND p.evaluation IN ('satisfied', 'basicallySatisfied', 'unsatisfied'))::int AS "evaluated",
    count(*) FILTER (WHERE ${REPLIED} AND p.kind = 'proposal' AND p.evaluation = 'satisfied')::int AS "satisfied",
    count(*) FILTER (WHERE ${REPLIED} AND p.kind = 'proposal' AND p.evaluation = 'basicallySatisfied')::int AS "basicallySatisfied",
    count(*) FILTER (WHERE ${REPLIED} AND p.kind = 'proposal' AND p.evaluation = 'unsatisfied')::int AS "unsatisfied",
    count(*) FILTER (WHERE ${REPLIED} AND p.kind = 'proposal' AND p.evaluation = 'none')::int AS "notEvaluated",
    count(*) FILTER (WHERE p.state = 'replied' AND p.kind = 'proposal')::int AS "awaitingEvaluation",
    count(*) FILTER (WHERE p.rehandle_count > 0)::int AS "rehandled",
    count(*) FILTER (WHERE ${REPLIED} AND ${GRADE} = 'B' AND p.fulfilled)::int AS "promisesFulfilled",
    count(*) FILTER (WHERE ${REPLIED} AND ${GRADE} = 'B' AND NOT p.fulfilled)::int AS "promisesOpen"`;
}

/**
 * medianDaysToReply, over the replied proposals only: an ordered-set aggregate sorts its input, so it runs
 * apart over two narrow columns instead of forcing a sort of every received row.
 */
export const MEDIAN_ROWS = `${REPLIED} AND p.assigned_at IS NOT NULL`;
export const MEDIAN_COLUMN = `round((percentile_cont(0.5) WITHIN GROUP (
    ORDER BY extract(epoch FROM p.replied_at - p.assigned_at) / 86400))::numeric, 1)::float8 AS "medianDaysToReply"`;

/** Contacts logged on the received proposals, over `proposal_contacts pc JOIN proposals p`. */
export const CONTACT_COLUMNS = `
    count(*) FILTER (WHERE pc.status = 'confirmed')::int AS "contactsConfirmed",
    count(*) FILTER (WHERE pc.status = 'disputed')::int AS "contactsDisputed",
    count(*) FILTER (WHERE pc.status = 'pending')::int AS "contactsPending"`;

export type CountKey = Exclude<keyof FigureCounts, 'acceptanceRate' | 'onTimeRate' | 'satisfactionRate'>;

/** The rates, from the counts: the only place they are computed. */
export function withRates(row: Omit<FigureCounts, 'acceptanceRate' | 'onTimeRate' | 'satisfactionRate'>): FigureCounts {
  const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);
  return {
    ...row,
    acceptanceRate: rate(row.accepted, row.received),
    onTimeRate: rate(row.repliedOnTime, row.replied),
    satisfactionRate: rate(row.satisfied + row.basicallySatisfied, row.evaluated),
  };
}

/** Zero counts (a group with no proposals: a department nothing was assigned to). */
export function emptyCounts(): FigureCounts {
  return withRates({
    received: 0, accepted: 0, merged: 0, rejected: 0, converted: 0, withdrawn: 0, pendingReview: 0, assigned: 0,
    inHandling: 0, replied: 0, repliedOnTime: 0, overdueNow: 0, gradeA: 0, gradeB: 0, gradeC: 0, evaluated: 0,
    satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notEvaluated: 0, awaitingEvaluation: 0, rehandled: 0,
    medianDaysToReply: null, promisesFulfilled: 0, promisesOpen: 0, contactsConfirmed: 0, contactsDisputed: 0,
    contactsPending: 0,
  });
}
