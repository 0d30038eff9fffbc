import type { Notice, Reminder } from '@congress/workflow';

/** The people of a proposal a notification can go to (domain.md, Roles). */
export type Audience =
  | 'leadProposer'
  | 'cosigners'
  | 'invitedCosigners'
  | 'delegationHead'
  | 'committee'
  | 'leadDeptHandlers'
  | 'leadDeptHeads'
  | 'coDeptHandlers'
  | 'coDeptHeads'
  | 'leaderInCharge';

const leadDept: Audience[] = ['leadDeptHandlers', 'leadDeptHeads'];
const proposers: Audience[] = ['leadProposer', 'cosigners'];

/** Who hears of each notice of the workflow (libs/workflow effects.ts documents the intent of each). */
const NOTICE_AUDIENCES: Record<Exclude<Notice, 'urged' | 'withdrawn' | 'commented'>, Audience[]> = {
  cosignInvited: ['invitedCosigners'],
  cosignFailed: proposers,
  awaitingDelegationApproval: ['delegationHead'],
  submitted: ['committee'],
  returned: ['leadProposer'],
  accepted: proposers,
  rejected: proposers,
  converted: proposers,
  merged: proposers,
  assigned: [...leadDept, 'coDeptHandlers', 'coDeptHeads'],
  reassignmentRequested: ['committee'],
  reassignmentDenied: leadDept,
  extensionRequested: ['committee'],
  extensionApproved: leadDept,
  extensionDenied: leadDept,
  contributed: ['leadDeptHandlers'],
  contactLogged: ['leadProposer'],
  contactDisputed: ['committee', ...leadDept],
  replySubmitted: ['leadDeptHeads'],
  replyAwaitingSignoff: ['leaderInCharge'],
  replyAwaitingCheck: ['committee'],
  replySentBack: ['leadDeptHandlers'],
  replied: proposers,
  evaluated: ['committee', ...leadDept],
  cosignerEvaluated: ['leadDeptHandlers'],
  disputed: ['committee', ...leadDept],
  evaluationLapsed: ['leadProposer', ...leadDept],
  rehandleOrdered: ['leadProposer', ...leadDept],
  closed: ['leadProposer', ...leadDept],
  progressUpdated: ['leadProposer', 'committee'],
  fulfilled: ['leadProposer', 'committee'],
};

/** 催办: whoever must act now in the state the proposal is in. */
export function urgedAudience(state: string): Audience[] {
  switch (state) {
    case 'draft':
    case 'replied':
      return ['leadProposer'];
    case 'cosigning':
      return ['invitedCosigners'];
    case 'delegationReview':
      return ['delegationHead'];
    case 'handling.drafting':
      return [...leadDept, 'coDeptHandlers'];
    case 'handling.replyReview':
      return ['leadDeptHeads'];
    case 'handling.leaderSignoff':
      return ['leaderInCharge'];
    default:
      // submitted, accepted, classified, disputed, handling.reassignmentRequested, handling.committeeReplyCheck
      return ['committee'];
  }
}

export interface AudienceInput {
  kind: 'notice' | 'reminder';
  topic: string;
  /** The proposal's state after the event (notices). */
  state: string;
  /** The reminder's occurrence (`before14`, `overdue2`…). */
  step?: string;
  /** A COMMENT marked internal: staff only. */
  internal?: boolean;
}

export function audienceOf(i: AudienceInput): Audience[] {
  if (i.kind === 'reminder') return reminderAudience(i.topic as Reminder, i.step ?? '');
  switch (i.topic as Notice) {
    case 'urged':
      return urgedAudience(i.state);
    case 'withdrawn':
      return i.state === 'withdrawn' ? ['cosigners', 'committee'] : ['cosigners', 'invitedCosigners'];
    case 'commented':
      return i.internal
        ? ['committee', ...leadDept, 'coDeptHandlers', 'coDeptHeads']
        : ['committee', ...proposers, ...leadDept, 'coDeptHandlers'];
    default:
      return NOTICE_AUDIENCES[i.topic as keyof typeof NOTICE_AUDIENCES] ?? [];
  }
}

/** Reminders; the handling chain escalates: a week overdue the head too, two weeks and more the leader in charge. */
export function reminderAudience(reminder: Reminder, step: string): Audience[] {
  switch (reminder) {
    case 'cosignReminder':
      return ['invitedCosigners'];
    case 'reviewOverdue':
      return ['committee'];
    case 'handlingDue': {
      const weeks = overdueWeeks(step);
      if (weeks >= 2) return [...leadDept, 'leaderInCharge'];
      if (weeks === 1) return leadDept;
      return ['leadDeptHandlers'];
    }
    case 'evaluationReminder':
      return ['leadProposer'];
    case 'plannedDate':
      return [...leadDept, 'committee'];
    default:
      return [];
  }
}

/** How many weeks overdue a handling reminder's step (`overdue2`) is; 0 for the others. */
export function overdueWeeks(step: string): number {
  const m = /^overdue(\d+)$/.exec(step);
  return m ? Number(m[1]) : 0;
}
