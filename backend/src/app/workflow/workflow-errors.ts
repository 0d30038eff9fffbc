import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EventType, Relation } from '@congress/workflow';

/** The lifecycle's refusals, in the shapes domain.md fixes (message first, then what a client acts on). */

export function proposalNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `Proposal ${id} not found` });
}

export function staleProposal(sent: number, current: number): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `The proposal was changed by someone else (now version ${current}, you sent ${sent}); reload it and try again`,
    currentVersion: current,
  });
}

const RELATION_NAMES: Record<Relation, string> = {
  leadProposer: 'the lead proposer',
  invitedCosigner: 'an invited co-signer',
  cosigner: 'a co-signer',
  anyDelegate: 'a delegate',
  delegationHead: "the head of the proposer's delegation",
  committee: 'the proposal committee',
  leadDeptHandler: 'a handler of the lead department',
  leadDeptHead: 'the head of the lead department',
  coDeptHandler: 'a handler of a co-handling department',
  coDeptHead: 'the head of a co-handling department',
  leaderInCharge: 'the leader in charge',
  system: 'the system (a deadline)',
};

export function notYoursToSend(type: string, allowed: readonly Relation[], why?: string): ForbiddenException {
  const who = allowed.map((r) => RELATION_NAMES[r]).join(', ') || 'nobody';
  return new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: why ?? `${type} is not yours to send: only ${who} may send it`,
    allowed,
  });
}

export function eventNotAccepted(
  type: string,
  state: string,
  accepts: readonly EventType[],
  conditionsNotMet: boolean,
  detail?: string,
): ConflictException {
  const head = conditionsNotMet
    ? `A proposal in state "${state}" takes ${type} only when its conditions are met, and they are not${detail ? ` (${detail})` : ''}`
    : `A proposal in state "${state}" does not take ${type}`;
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `${head}; it takes: ${accepts.length ? accepts.join(', ') : 'nothing (it is final)'}`,
    state,
    accepts,
  });
}

export function conflict(message: string, extra: Record<string, unknown> = {}): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, ...extra });
}

/**
 * Not a refusal: an event being applied without the row lock (WorkflowService) needs to change an existing row or
 * take a counter or a second proposal, which only the locked path does. WorkflowService catches it and applies
 * the event again, under the lock.
 */
export class NeedsRowLock extends Error {
  constructor(what: string) {
    super(`${what} needs the proposal's row lock`);
  }
}
