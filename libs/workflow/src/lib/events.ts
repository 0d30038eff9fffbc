import type { EventActor } from './actors';

export type ReplyGrade = 'A' | 'B' | 'C';
export const REPLY_GRADES: readonly ReplyGrade[] = ['A', 'B', 'C'];
export type Satisfaction = 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basicallySatisfied', 'unsatisfied'];
export type ContactMethod = 'phone' | 'visit' | 'meeting' | 'email' | 'message' | 'other';
export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'visit', 'meeting', 'email', 'message', 'other'];

/** A payload with no fields. */
export type Empty = Record<never, never>;

/** Dates are ISO-8601 strings throughout (e.g. `2025-03-01T08:00:00.000Z`). */
export type IsoDate = string;

/**
 * What a client sends to `POST /api/proposals/:id/events` besides `type` and `expectedVersion`
 * (domain.md, HTTP API). The backend validates these (400 on a bad payload).
 */
export interface EventPayloads {
  SUBMIT: Empty;
  WITHDRAW: { comment?: string };
  /** A delegate confirms co-signing: an invited one, or any other delegate joining an open co-signing. */
  COSIGN: Empty;
  /** An invited co-signer declines, or a confirmed one takes the signature back (while co-signing). */
  DECLINE_COSIGN: { comment?: string };
  COSIGN_DEADLINE: Empty;
  /** The delegation head approves (delegationReview). */
  APPROVE: { comment?: string };
  RETURN: { comment: string };
  ACCEPT: { comment?: string };
  REJECT: { reason: string };
  MERGE: { targetId: string };
  CONVERT: { reason: string };
  CLASSIFY: { categoryId: string };
  /** `dueAt` here is the committee's optional override of the default handling period. */
  ASSIGN: { leadDepartmentId: string; coDepartmentIds?: string[]; dueAt?: IsoDate };
  REASSIGN: { leadDepartmentId: string; coDepartmentIds?: string[]; dueAt?: IsoDate };
  REQUEST_REASSIGNMENT: { reason: string };
  DENY_REASSIGNMENT: { comment?: string };
  REQUEST_EXTENSION: { dueAt: IsoDate; reason: string };
  APPROVE_EXTENSION: { comment?: string };
  DENY_EXTENSION: { comment?: string };
  CONTRIBUTE: { content: string };
  LOG_CONTACT: { method: ContactMethod; content: string; contactedAt: IsoDate };
  CONFIRM_CONTACT: { contactId: string };
  DISPUTE_CONTACT: { contactId: string; comment?: string };
  /** Grade B needs `plannedAt` (the machine refuses a B reply without it). */
  SUBMIT_REPLY: { grade: ReplyGrade; content: string; plannedAt?: IsoDate };
  APPROVE_REPLY: { comment?: string };
  SEND_BACK: { comment: string };
  EVALUATE: { satisfaction: Satisfaction; comment?: string };
  EVALUATION_DEADLINE: Empty;
  REHANDLE: { comment: string };
  CLOSE: { reason: string };
  PUBLISH: Empty;
  UNPUBLISH: Empty;
  MARK_EXCELLENT: Empty;
  MARK_KEY: Empty;
  UNMARK_KEY: Empty;
  PROGRESS_UPDATE: { content: string };
  FULFIL: { comment?: string };
  URGE: { comment?: string };
  COMMENT: { content: string; internal?: boolean };
}

export type EventType = keyof EventPayloads;

/**
 * The computed-fields contract. The machine never reads a clock or a holiday calendar: the backend resolves
 * these dates and counts (with the session's `dayCounting` and the admin-kept calendar) and adds them to the
 * event before it reaches the machine; the machine only compares and stores them.
 */
export interface ComputedFields {
  SUBMIT: {
    /** now + cosignWindowDays. */
    cosignDeadline: IsoDate;
    /**
     * Optional: co-signers still confirmed from an earlier round (after a return or withdrawal), if the
     * backend keeps their confirmations. Omitted: the machine keeps its own count.
     */
    confirmedCosigners?: number;
  };
  ASSIGN: {
    /** The payload's dueAt if the committee gave one, else now + handlingDays. */
    dueAt: IsoDate;
    /** now + reassignmentWindowDays. */
    reassignWindowEndsAt: IsoDate;
  };
  REASSIGN: { dueAt: IsoDate; reassignWindowEndsAt: IsoDate };
  REQUEST_EXTENSION: {
    /** Days from the current dueAt to the requested one, counted per dayCounting.maxExtensionDays. */
    extensionDays: number;
  };
  APPROVE_REPLY: {
    /** now + evaluationWindowDays; stored only when this approval sends the reply to the proposer. */
    evaluationDeadline: IsoDate;
  };
  REHANDLE: {
    /** now + handlingDays: the new handling period. */
    dueAt: IsoDate;
  };
}

/** Sent with every event: who, and when (the machine never reads the clock). */
export interface EventEnvelope {
  actor: EventActor;
  now: IsoDate;
}

type Computed<T extends EventType> = T extends keyof ComputedFields ? ComputedFields[T] : unknown;
type WithoutComputed<T extends EventType> = T extends keyof ComputedFields
  ? Omit<EventPayloads[T], keyof ComputedFields[T]>
  : EventPayloads[T];

/** An event as the machine receives it: type + payload + computed fields + envelope. */
export type EventOf<T extends EventType> = T extends EventType
  ? { type: T } & WithoutComputed<T> & Computed<T> & EventEnvelope
  : never;

export type ProposalEvent = EventOf<EventType>;

/** An HTTP request body for one event type (without expectedVersion). */
export type EventRequest<T extends EventType = EventType> = { [K in T]: { type: K } & EventPayloads[K] }[T];

export const EVENT_TYPES = [
  'SUBMIT',
  'WITHDRAW',
  'COSIGN',
  'DECLINE_COSIGN',
  'COSIGN_DEADLINE',
  'APPROVE',
  'RETURN',
  'ACCEPT',
  'REJECT',
  'MERGE',
  'CONVERT',
  'CLASSIFY',
  'ASSIGN',
  'REASSIGN',
  'REQUEST_REASSIGNMENT',
  'DENY_REASSIGNMENT',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'DENY_EXTENSION',
  'CONTRIBUTE',
  'LOG_CONTACT',
  'CONFIRM_CONTACT',
  'DISPUTE_CONTACT',
  'SUBMIT_REPLY',
  'APPROVE_REPLY',
  'SEND_BACK',
  'EVALUATE',
  'EVALUATION_DEADLINE',
  'REHANDLE',
  'CLOSE',
  'PUBLISH',
  'UNPUBLISH',
  'MARK_EXCELLENT',
  'MARK_KEY',
  'UNMARK_KEY',
  'PROGRESS_UPDATE',
  'FULFIL',
  'URGE',
  'COMMENT',
] as const satisfies readonly EventType[];

// Compile-time check: EVENT_TYPES lists every event type.
type MissingFromList = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const everyEventTypeListed: [MissingFromList] extends [never] ? true : MissingFromList = true;
void everyEventTypeListed;

/** Sent by the job queue when a window passes; never offered to a person. */
export const SYSTEM_EVENTS = ['COSIGN_DEADLINE', 'EVALUATION_DEADLINE'] as const satisfies readonly EventType[];
export type SystemEventType = (typeof SYSTEM_EVENTS)[number];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && (EVENT_TYPES as readonly string[]).includes(type);
}

export function isSystemEvent(type: string): type is SystemEventType {
  return (SYSTEM_EVENTS as readonly string[]).includes(type);
}
