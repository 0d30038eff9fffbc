import { CONTACT_METHODS, EVENT_TYPES, REPLY_GRADES, SATISFACTIONS, SYSTEM_EVENTS, type EventType } from '@congress/workflow';

/** How one payload field is asked for. Labels are `event.field.<name>`; options `event.option.<name>.<value>`. */
export type FieldKind =
  | 'textarea'
  | 'choice'
  | 'date'
  | 'datetime'
  | 'department'
  | 'departments'
  | 'category'
  | 'proposal'
  | 'checkbox';

export interface EventField {
  name: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  /** Required only when another field has this value (grade B needs plannedAt). */
  requiredWhen?: { field: string; value: string };
  /** Only committee members may set it. */
  committeeOnly?: boolean;
}

const note: EventField[] = [{ name: 'comment', kind: 'textarea', required: false }];
const why: EventField[] = [{ name: 'comment', kind: 'textarea', required: true }];
const reason: EventField[] = [{ name: 'reason', kind: 'textarea', required: true }];
const content: EventField[] = [{ name: 'content', kind: 'textarea', required: true }];
const assign: EventField[] = [
  { name: 'leadDepartmentId', kind: 'department', required: true },
  { name: 'coDepartmentIds', kind: 'departments', required: false },
  { name: 'dueAt', kind: 'date', required: false },
];

/** The payload fields of each event a person sends (EventPayloads of @congress/workflow). */
export const EVENT_FIELDS: Record<EventType, EventField[]> = {
  SUBMIT: [],
  WITHDRAW: note,
  COSIGN: [],
  DECLINE_COSIGN: note,
  COSIGN_DEADLINE: [],
  APPROVE: note,
  RETURN: why,
  ACCEPT: note,
  REJECT: reason,
  MERGE: [{ name: 'targetId', kind: 'proposal', required: true }],
  CONVERT: reason,
  CLASSIFY: [{ name: 'categoryId', kind: 'category', required: true }],
  ASSIGN: assign,
  REASSIGN: assign,
  REQUEST_REASSIGNMENT: reason,
  DENY_REASSIGNMENT: note,
  REQUEST_EXTENSION: [
    { name: 'dueAt', kind: 'date', required: true },
    { name: 'reason', kind: 'textarea', required: true },
  ],
  APPROVE_EXTENSION: note,
  DENY_EXTENSION: note,
  CONTRIBUTE: content,
  LOG_CONTACT: [
    { name: 'method', kind: 'choice', required: true, options: CONTACT_METHODS },
    { name: 'contactedAt', kind: 'datetime', required: true },
    { name: 'content', kind: 'textarea', required: true },
  ],
  CONFIRM_CONTACT: [],
  DISPUTE_CONTACT: note,
  SUBMIT_REPLY: [
    { name: 'grade', kind: 'choice', required: true, options: REPLY_GRADES },
    { name: 'plannedAt', kind: 'date', required: false, requiredWhen: { field: 'grade', value: 'B' } },
    { name: 'content', kind: 'textarea', required: true },
  ],
  APPROVE_REPLY: note,
  SEND_BACK: why,
  EVALUATE: [
    { name: 'satisfaction', kind: 'choice', required: true, options: SATISFACTIONS },
    { name: 'comment', kind: 'textarea', required: false },
  ],
  EVALUATION_DEADLINE: [],
  REHANDLE: why,
  CLOSE: reason,
  PUBLISH: [],
  UNPUBLISH: [],
  MARK_EXCELLENT: [],
  MARK_KEY: [],
  UNMARK_KEY: [],
  PROGRESS_UPDATE: content,
  FULFIL: note,
  URGE: note,
  COMMENT: [
    { name: 'content', kind: 'textarea', required: true },
    { name: 'internal', kind: 'checkbox', required: false, committeeOnly: true },
  ],
};

/** Answered on a logged contact's own row, not in the action bar (they name the contact). */
export const CONTACT_EVENTS: readonly EventType[] = ['CONFIRM_CONTACT', 'DISPUTE_CONTACT'];

/** Events that end or undo something: their button is styled as dangerous. */
export const DANGER_EVENTS: readonly EventType[] = ['REJECT', 'WITHDRAW', 'DECLINE_COSIGN', 'RETURN', 'SEND_BACK', 'CLOSE', 'UNPUBLISH'];

/** Events whose button is the main thing to do in their state. */
export const PRIMARY_EVENTS: readonly EventType[] = [
  'SUBMIT', 'COSIGN', 'APPROVE', 'ACCEPT', 'CLASSIFY', 'ASSIGN', 'SUBMIT_REPLY', 'APPROVE_REPLY', 'EVALUATE', 'PUBLISH',
];

/**
 * The buttons of the action bar: exactly the events the server lists as available to the caller, in the order of
 * the lifecycle, without the deadline events and the per-contact answers. Unknown names are dropped.
 */
export function actionBarEvents(available: readonly string[]): EventType[] {
  return EVENT_TYPES.filter(
    (type) =>
      available.includes(type) &&
      !(SYSTEM_EVENTS as readonly string[]).includes(type) &&
      !CONTACT_EVENTS.includes(type),
  );
}

/** The fields of an event as the form shows them to this user. */
export function fieldsFor(type: EventType, isCommittee: boolean): EventField[] {
  return EVENT_FIELDS[type].filter((f) => isCommittee || !f.committeeOnly);
}

/** A date input's `YYYY-MM-DD` as an ISO instant at local midnight; `datetime-local` values likewise. */
export function toIso(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return date.toISOString();
}

/** The event body from the form's values: empty optional fields left out, dates as ISO instants. */
export function buildPayload(type: EventType, fields: EventField[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (field.kind === 'checkbox') {
      if (value === true) body[field.name] = true;
      continue;
    }
    if (field.kind === 'date' || field.kind === 'datetime') body[field.name] = toIso(String(value));
    else if (typeof value === 'string') body[field.name] = value.trim();
    else body[field.name] = value;
  }
  return body;
}
