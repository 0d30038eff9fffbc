/**
 * The model the graph tests walk: sample events of every type (from the right and the wrong people, inside and
 * outside windows), a state serialisation that keeps the graph finite, and the lifecycle diagram as data.
 */
import type { SnapshotFrom } from 'xstate';
import type { ProposalMachine } from '../machine';
import type { ProposalEvent } from '../events';
import { addDays } from '../sample-events';
import { stateToString, type AnyStateValue } from '../states';
import { acceptedEventTypes } from '../engine';
import { day, ev, who } from './fixtures';

type Snapshot = SnapshotFrom<ProposalMachine>;

/** Events offered in every state; times are fixed so the context takes finitely many values. */
export function modelEvents(snapshot: Snapshot): ProposalEvent[] {
  const dueAt = snapshot.context.dueAt ?? day(64);
  return [
    ev('SUBMIT', who.lead, day(0), { cosignDeadline: day(7) }),
    ev('WITHDRAW', who.lead, day(1)),
    ev('COSIGN', who.invited, day(1)),
    ev('COSIGN', who.lead, day(1)),
    ev('COSIGN', who.delegate, day(8)),
    ev('DECLINE_COSIGN', who.invited, day(1)),
    ev('DECLINE_COSIGN', who.cosigner, day(1)),
    ev('DECLINE_COSIGN', who.delegate, day(1)),
    ev('COSIGN_DEADLINE', who.system, day(6)),
    ev('COSIGN_DEADLINE', who.system, day(8)),
    ev('APPROVE', who.delegationHead, day(2)),
    ev('RETURN', who.delegationHead, day(2), { comment: 'revise' }),
    ev('RETURN', who.committee, day(3), { comment: 'revise' }),
    ev('ACCEPT', who.committee, day(3)),
    ev('REJECT', who.committee, day(3), { reason: 'no' }),
    ev('MERGE', who.committee, day(3), { targetId: 'p-2' }),
    ev('CONVERT', who.committee, day(3), { reason: 'suggestion' }),
    ev('CLASSIFY', who.committee, day(3), { categoryId: 'cat-1' }),
    ev('ASSIGN', who.committee, day(4), { leadDepartmentId: 'd-1', dueAt: day(64), reassignWindowEndsAt: day(9) }),
    ev('REASSIGN', who.committee, day(6), { leadDepartmentId: 'd-2', dueAt: day(66), reassignWindowEndsAt: day(11) }),
    ev('REQUEST_REASSIGNMENT', who.handler, day(5), { reason: 'not ours' }),
    ev('REQUEST_REASSIGNMENT', who.handler, day(20), { reason: 'late' }),
    ev('DENY_REASSIGNMENT', who.committee, day(6)),
    ev('REQUEST_EXTENSION', who.handler, day(7), { dueAt: addDays(dueAt, 30), reason: 'busy', extensionDays: 30 }),
    ev('APPROVE_EXTENSION', who.committee, day(8)),
    ev('DENY_EXTENSION', who.committee, day(8)),
    ev('CONTRIBUTE', who.coHandler, day(8), { content: 'input' }),
    ev('LOG_CONTACT', who.handler, day(8), { method: 'phone', content: 'called', contactedAt: day(8) }),
    ev('CONFIRM_CONTACT', who.lead, day(9), { contactId: 'c-1' }),
    ev('DISPUTE_CONTACT', who.lead, day(9), { contactId: 'c-1' }),
    ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'A', content: 'done' }),
    ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'B', content: 'planned', plannedAt: day(200) }),
    ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'B', content: 'no date' }),
    ev('APPROVE_REPLY', who.deptHead, day(11), { evaluationDeadline: day(26) }),
    ev('APPROVE_REPLY', who.leader, day(11), { evaluationDeadline: day(26) }),
    ev('APPROVE_REPLY', who.committee, day(11), { evaluationDeadline: day(26) }),
    ev('SEND_BACK', who.deptHead, day(11), { comment: 'redo' }),
    ev('SEND_BACK', who.leader, day(11), { comment: 'redo' }),
    ev('SEND_BACK', who.committee, day(11), { comment: 'redo' }),
    ev('EVALUATE', who.lead, day(12), { satisfaction: 'satisfied' }),
    ev('EVALUATE', who.lead, day(12), { satisfaction: 'unsatisfied' }),
    ev('EVALUATE', who.lead, day(40), { satisfaction: 'basicallySatisfied' }),
    ev('EVALUATE', who.cosigner, day(12), { satisfaction: 'basicallySatisfied' }),
    ev('EVALUATION_DEADLINE', who.system, day(20)),
    ev('EVALUATION_DEADLINE', who.system, day(27)),
    ev('REHANDLE', who.committee, day(13), { comment: 'again', dueAt: day(73) }),
    ev('CLOSE', who.committee, day(13), { reason: 'enough' }),
    ev('PUBLISH', who.committee, day(30)),
    ev('UNPUBLISH', who.committee, day(30)),
    ev('MARK_EXCELLENT', who.committee, day(30)),
    ev('MARK_KEY', who.committee, day(3)),
    ev('UNMARK_KEY', who.committee, day(3)),
    ev('PROGRESS_UPDATE', who.handler, day(30), { content: 'halfway' }),
    ev('FULFIL', who.deptHead, day(30)),
    ev('URGE', who.committee, day(5)),
    ev('COMMENT', who.leader, day(5), { content: '批示' }),
  ];
}

export const valueOf = (snapshot: Snapshot): string => stateToString(snapshot.value as AnyStateValue);

/** Handling-level events are offered in handling.drafting only; their effect elsewhere is tested one by one. */
const HANDLING_LEVEL = new Set(['CONTRIBUTE', 'LOG_CONTACT', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'DENY_EXTENSION']);
const CONTACT_ANSWERS = new Set(['CONFIRM_CONTACT', 'DISPUTE_CONTACT']);
const KEY_FLAG = new Set(['MARK_KEY', 'UNMARK_KEY']);

/**
 * Which sample events to try in a state: only types the state takes at all, handling-level ones only in
 * handling.drafting, the key flag only in accepted and classified. Keeps the walk small without losing a state,
 * a transition or a guard outcome (the model tests check all three).
 */
export function offeredEvents(snapshot: Snapshot): ProposalEvent[] {
  const value = valueOf(snapshot);
  const takes = new Set<string>(acceptedEventTypes(value));
  return modelEvents(snapshot).filter((e) => {
    if (!takes.has(e.type)) return false;
    if (HANDLING_LEVEL.has(e.type) || (CONTACT_ANSWERS.has(e.type) && value.startsWith('handling.'))) {
      return value === 'handling.drafting';
    }
    if (KEY_FLAG.has(e.type)) return value === 'accepted' || value === 'classified';
    return true;
  });
}

/** The facts that matter to the guards of each state (counters capped): a small, finite graph. */
export function serializeModelState(snapshot: Snapshot): string {
  const value = valueOf(snapshot);
  const c = snapshot.context;
  const facts: unknown[] = [value];
  if (value === 'draft' || value === 'cosigning') facts.push(Math.min(c.confirmedCosigners, 2));
  if (value === 'accepted' || value === 'classified') facts.push(c.kind, c.key);
  if (value.startsWith('handling.')) facts.push(c.kind, c.rehandleCount, c.grade);
  if (value === 'handling.drafting') {
    facts.push(
      c.extensionDaysUsed,
      c.pendingExtension !== null,
      c.reassignWindowEndsAt !== null,
      Math.min(c.unansweredContacts, 1),
      Math.min(c.confirmedContacts, 1),
    );
  }
  if (value === 'replied' || value === 'disputed') facts.push(c.rehandleCount, c.grade, Math.min(c.unansweredContacts, 1));
  if (value === 'closed') facts.push(c.grade, c.published, c.excellent, c.fulfilled);
  return JSON.stringify(facts);
}

/** The lifecycle diagram of domain.md as data: every state-changing transition, "from EVENT to". */
export const DIAGRAM: readonly string[] = [
  'draft SUBMIT cosigning',
  'draft SUBMIT submitted',
  'draft SUBMIT delegationReview',
  'cosigning COSIGN submitted',
  'cosigning COSIGN delegationReview',
  'cosigning COSIGN_DEADLINE draft',
  'cosigning WITHDRAW draft',
  'delegationReview APPROVE submitted',
  'delegationReview RETURN draft',
  'delegationReview WITHDRAW draft',
  'submitted ACCEPT accepted',
  'submitted REJECT rejected',
  'submitted MERGE merged',
  'submitted CONVERT classified',
  'submitted RETURN draft',
  'submitted WITHDRAW withdrawn',
  'accepted CLASSIFY classified',
  'accepted MERGE merged',
  'classified ASSIGN handling.drafting',
  'classified MERGE merged',
  'handling.drafting SUBMIT_REPLY handling.replyReview',
  'handling.drafting REQUEST_REASSIGNMENT handling.reassignmentRequested',
  'handling.reassignmentRequested REASSIGN handling.drafting',
  'handling.reassignmentRequested DENY_REASSIGNMENT handling.drafting',
  'handling.replyReview APPROVE_REPLY handling.leaderSignoff',
  'handling.replyReview APPROVE_REPLY handling.committeeReplyCheck',
  'handling.replyReview APPROVE_REPLY replied',
  'handling.replyReview APPROVE_REPLY closed',
  'handling.replyReview SEND_BACK handling.drafting',
  'handling.leaderSignoff APPROVE_REPLY handling.committeeReplyCheck',
  'handling.leaderSignoff APPROVE_REPLY replied',
  'handling.leaderSignoff APPROVE_REPLY closed',
  'handling.leaderSignoff SEND_BACK handling.drafting',
  'handling.committeeReplyCheck APPROVE_REPLY replied',
  'handling.committeeReplyCheck APPROVE_REPLY closed',
  'handling.committeeReplyCheck SEND_BACK handling.drafting',
  'replied EVALUATE closed',
  'replied EVALUATE disputed',
  'replied EVALUATION_DEADLINE closed',
  'disputed REHANDLE handling.drafting',
  'disputed CLOSE closed',
];
