import type { EventType } from '@congress/workflow';

/** An event as sent: its type, the version the sender saw (people always send one) and its payload fields. */
export interface EventInput {
  type: EventType;
  expectedVersion?: number;
  [field: string]: unknown;
}
