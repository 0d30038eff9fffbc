/** Who sends an event: roles a person holds, and relations they have to one proposal. */

export const ROLES = ['delegate', 'delegation_head', 'committee', 'handler', 'dept_head', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const RELATIONS = [
  /** 领衔人: the proposal's lead proposer. */
  'leadProposer',
  /** Invited to co-sign and not yet answered. */
  'invitedCosigner',
  /** A confirmed co-signer (附议人). */
  'cosigner',
  /** Holds the delegate role (any delegate may join an open co-signing). */
  'anyDelegate',
  /** Head of the lead proposer's delegation. */
  'delegationHead',
  /** Holds the committee role. */
  'committee',
  /** Handler of the lead (主办) department. */
  'leadDeptHandler',
  /** Head of the lead department. */
  'leadDeptHead',
  /** Handler of a co-handling (协办) department. */
  'coDeptHandler',
  /** Head of a co-handling department. */
  'coDeptHead',
  /** Leader in charge (分管校领导) of the lead or a co-handling department. */
  'leaderInCharge',
  /** The job queue: deadline events. Never a person. */
  'system',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The actor inside every machine event. `relations` is computed by the backend (see `relationsOf`). */
export interface EventActor {
  id: string;
  roles: readonly Role[];
  relations: readonly Relation[];
}

/** The sender of COSIGN_DEADLINE and EVALUATION_DEADLINE. */
export const SYSTEM_ACTOR: EventActor = Object.freeze({
  id: 'system',
  roles: Object.freeze([]) as readonly Role[],
  relations: Object.freeze(['system']) as readonly Relation[],
});
