import type { ProposalContext, Reminder } from '@congress/workflow';

/**
 * The reminders a proposal should have now, with the date each hangs on: what the machine's `schedule` and
 * `cancel` effects leave in force after every event, read from the stored state and context instead (the
 * reconciler and the processors need it without replaying the history). reminder-anchors.spec.ts walks the
 * machine and checks that both agree.
 */
export function desiredAnchors(state: string, c: ProposalContext): Partial<Record<Reminder, string>> {
  const top = state.split('.')[0];
  const out: Partial<Record<Reminder, string | null>> = {};
  if (top === 'cosigning') {
    out.cosignReminder = c.cosignDeadline;
    out.cosignDeadline = c.cosignDeadline;
  } else if (top === 'submitted') {
    out.reviewOverdue = c.submittedAt;
  } else if (top === 'handling') {
    out.handlingDue = c.dueAt;
  } else if (top === 'replied') {
    out.evaluationReminder = c.evaluationDeadline;
    out.evaluationDeadline = c.evaluationDeadline;
  }
  // a grade-B reply's planned date is followed (回头看) from the reply until FULFIL or a re-handling
  if ((top === 'replied' || top === 'disputed' || top === 'closed') && c.grade === 'B' && !c.fulfilled) {
    out.plannedDate = c.plannedAt;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => typeof v === 'string')) as Partial<Record<Reminder, string>>;
}

/** States in which a proposal may have reminders (a SQL prefilter for the reconciler; desiredAnchors decides). */
export const STATES_WITH_REMINDERS_SQL = `(state IN ('cosigning', 'submitted', 'replied') OR state LIKE 'handling.%'
  OR (state IN ('disputed', 'closed') AND context->>'grade' = 'B' AND context->>'fulfilled' = 'false'))`;

/** Whether two ISO instants are the same instant. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && Date.parse(a) === Date.parse(b);
}
