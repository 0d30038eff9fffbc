/**
 * THE policy table: which relations to a proposal may send each event type. The machine adds the state-specific
 * checks on top (e.g. RETURN is the delegation head's in delegationReview and the committee's in submitted;
 * APPROVE_REPLY is the department head's, then the leader's, then the committee's).
 */
import type { Relation } from './actors';
import type { EventType } from './events';

const LEAD_DEPT: readonly Relation[] = ['leadDeptHandler', 'leadDeptHead'];
const CO_DEPT: readonly Relation[] = ['coDeptHandler', 'coDeptHead'];
const COMMITTEE: readonly Relation[] = ['committee'];

export const EVENT_POLICY: Readonly<Record<EventType, readonly Relation[]>> = Object.freeze({
  SUBMIT: ['leadProposer'],
  WITHDRAW: ['leadProposer'],
  COSIGN: ['invitedCosigner', 'anyDelegate'],
  DECLINE_COSIGN: ['invitedCosigner', 'cosigner'],
  COSIGN_DEADLINE: ['system'],
  APPROVE: ['delegationHead'],
  RETURN: ['delegationHead', 'committee'],
  ACCEPT: COMMITTEE,
  REJECT: COMMITTEE,
  MERGE: COMMITTEE,
  CONVERT: COMMITTEE,
  CLASSIFY: COMMITTEE,
  ASSIGN: COMMITTEE,
  REASSIGN: COMMITTEE,
  REQUEST_REASSIGNMENT: LEAD_DEPT,
  DENY_REASSIGNMENT: COMMITTEE,
  REQUEST_EXTENSION: LEAD_DEPT,
  APPROVE_EXTENSION: COMMITTEE,
  DENY_EXTENSION: COMMITTEE,
  CONTRIBUTE: CO_DEPT,
  LOG_CONTACT: [...LEAD_DEPT, ...CO_DEPT],
  CONFIRM_CONTACT: ['leadProposer'],
  DISPUTE_CONTACT: ['leadProposer'],
  SUBMIT_REPLY: LEAD_DEPT,
  APPROVE_REPLY: ['leadDeptHead', 'leaderInCharge', 'committee'],
  SEND_BACK: ['leadDeptHead', 'leaderInCharge', 'committee'],
  EVALUATE: ['leadProposer', 'cosigner'],
  EVALUATION_DEADLINE: ['system'],
  REHANDLE: COMMITTEE,
  CLOSE: COMMITTEE,
  PUBLISH: COMMITTEE,
  UNPUBLISH: COMMITTEE,
  MARK_EXCELLENT: COMMITTEE,
  MARK_KEY: COMMITTEE,
  UNMARK_KEY: COMMITTEE,
  PROGRESS_UPDATE: LEAD_DEPT,
  FULFIL: ['leadDeptHead', 'committee'],
  URGE: COMMITTEE,
  COMMENT: [
    'leadProposer',
    'cosigner',
    'delegationHead',
    'committee',
    ...LEAD_DEPT,
    ...CO_DEPT,
    'leaderInCharge',
  ],
});

/** The policy table's answer: does any of these relations let the actor send this type? */
export function mayActorSend(type: string, relations: readonly Relation[]): boolean {
  const allowed = (EVENT_POLICY as Record<string, readonly Relation[] | undefined>)[type];
  return allowed !== undefined && relations.some((r) => allowed.includes(r));
}
