/**
 * Representative events: what `availableEvents` asks the machine about. Payload-dependent guards are met
 * optimistically (a grade-A reply, a satisfied evaluation, a one-day extension); actor, time and counts are real.
 */
import type { EventActor } from './actors';
import type { ProposalContext } from './context';
import type { EventOf, EventType } from './events';

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

type Payload<T extends EventType> = Omit<EventOf<T>, 'type' | 'actor' | 'now'>;
type PayloadMakers = { [T in EventType]: (now: string, context: ProposalContext) => Payload<T> };

const assignment = (now: string, c: ProposalContext) => ({
  leadDepartmentId: 'sample',
  dueAt: addDays(now, c.rules.handlingDays),
  reassignWindowEndsAt: addDays(now, c.rules.reassignmentWindowDays),
});

const payloads: PayloadMakers = {
  SUBMIT: (now, c) => ({ cosignDeadline: addDays(now, c.rules.cosignWindowDays) }),
  WITHDRAW: () => ({}),
  COSIGN: () => ({}),
  DECLINE_COSIGN: () => ({}),
  COSIGN_DEADLINE: () => ({}),
  APPROVE: () => ({}),
  RETURN: () => ({ comment: '' }),
  ACCEPT: () => ({}),
  REJECT: () => ({ reason: '' }),
  MERGE: () => ({ targetId: 'sample' }),
  CONVERT: () => ({ reason: '' }),
  CLASSIFY: () => ({ categoryId: 'sample' }),
  ASSIGN: assignment,
  REASSIGN: assignment,
  REQUEST_REASSIGNMENT: () => ({ reason: '' }),
  DENY_REASSIGNMENT: () => ({}),
  REQUEST_EXTENSION: (now, c) => ({ dueAt: addDays(c.dueAt ?? now, 1), reason: '', extensionDays: 1 }),
  APPROVE_EXTENSION: () => ({}),
  DENY_EXTENSION: () => ({}),
  CONTRIBUTE: () => ({ content: '' }),
  LOG_CONTACT: (now) => ({ method: 'phone', content: '', contactedAt: now }),
  CONFIRM_CONTACT: () => ({ contactId: 'sample' }),
  DISPUTE_CONTACT: () => ({ contactId: 'sample' }),
  SUBMIT_REPLY: () => ({ grade: 'A', content: '' }),
  APPROVE_REPLY: (now, c) => ({ evaluationDeadline: addDays(now, c.rules.evaluationWindowDays) }),
  SEND_BACK: () => ({ comment: '' }),
  EVALUATE: () => ({ satisfaction: 'satisfied' }),
  EVALUATION_DEADLINE: () => ({}),
  REHANDLE: (now, c) => ({ comment: '', dueAt: addDays(now, c.rules.handlingDays) }),
  CLOSE: () => ({ reason: '' }),
  PUBLISH: () => ({}),
  UNPUBLISH: () => ({}),
  MARK_EXCELLENT: () => ({}),
  MARK_KEY: () => ({}),
  UNMARK_KEY: () => ({}),
  PROGRESS_UPDATE: () => ({ content: '' }),
  FULFIL: () => ({}),
  URGE: () => ({}),
  COMMENT: () => ({ content: '' }),
};

/** A representative event of this type from this actor at this time, for `can()`. */
export function sampleEvent<T extends EventType>(
  type: T,
  actor: EventActor,
  now: string,
  context: ProposalContext,
): EventOf<T> {
  return { type, actor, now, ...payloads[type](now, context) } as unknown as EventOf<T>;
}

