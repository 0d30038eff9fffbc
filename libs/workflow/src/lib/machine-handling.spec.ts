/** The machine during handling: reassignment, extensions, contacts, the reply and its approvals. */
import type { StoredProposalState } from './engine';
import { initialState } from './engine';
import type { RulesOverride } from './rules';
import { day, ev, notices, reach, road, run, step, who, withContext } from './testing/fixtures';

/** handling.drafting under the given rules (no delegation review in between). */
function drafting(rules: RulesOverride = {}): StoredProposalState {
  return run(
    initialState({ ...rules, minCosigners: 0, delegationApproval: false }),
    road.submit,
    road.accept,
    road.classify,
    road.assign,
  );
}

describe('reassignment', () => {
  it('a request within the window waits for the committee (guard withinReassignWindow true)', () => {
    const s = step(reach('handling.drafting'), ev('REQUEST_REASSIGNMENT', who.handler, day(9), { reason: 'not ours' }));
    expect(s.value).toBe('handling.reassignmentRequested');
    expect(s.context.pendingReassignment).toEqual({ reason: 'not ours', requestedAt: day(9) });
    expect(notices(s.effects)).toEqual(['reassignmentRequested']);
  });

  it('a request after the window is not taken (guard withinReassignWindow false)', () => {
    expect(step(reach('handling.drafting'), ev('REQUEST_REASSIGNMENT', who.handler, day(9.5))).taken).toBe(false);
  });

  it('REASSIGN starts a new handling period and reschedules the due reminders', () => {
    const requested = run(reach('handling.drafting'), ev('REQUEST_REASSIGNMENT', who.handler, day(5)));
    const s = step(
      requested,
      ev('REASSIGN', who.committee, day(6), { leadDepartmentId: 'd-2', dueAt: day(66), reassignWindowEndsAt: day(11) }),
    );
    expect(s.value).toBe('handling.drafting');
    expect(s.context).toMatchObject({ assignedAt: day(6), dueAt: day(66), pendingReassignment: null });
    expect(s.effects).toEqual([
      { kind: 'cancel', reminder: 'handlingDue' },
      { kind: 'schedule', reminder: 'handlingDue', anchor: day(66) },
      { kind: 'notify', notice: 'assigned' },
    ]);
  });

  it('DENY_REASSIGNMENT puts it back to drafting with the old department', () => {
    const requested = run(reach('handling.drafting'), ev('REQUEST_REASSIGNMENT', who.handler, day(5)));
    const s = step(requested, ev('DENY_REASSIGNMENT', who.committee, day(6)));
    expect(s.value).toBe('handling.drafting');
    expect(s.context.pendingReassignment).toBeNull();
    expect(s.context.dueAt).toBe(day(64));
  });
});

describe('extensions (guards extensionAllowed, hasPendingExtension)', () => {
  const request = (days: number, dueAt: string) =>
    ev('REQUEST_EXTENSION', who.handler, day(20), { dueAt, reason: 'survey', extensionDays: days });

  it('a request within the limit is recorded; approval moves dueAt and reschedules', () => {
    const requested = step(reach('handling.drafting'), request(30, day(94)));
    expect(requested).toMatchObject({ taken: true, value: 'handling.drafting' });
    expect(requested.context.pendingExtension).toEqual({ dueAt: day(94), reason: 'survey', days: 30 });
    const approved = step(requested, ev('APPROVE_EXTENSION', who.committee, day(21)));
    expect(approved.context).toMatchObject({ dueAt: day(94), extensionDaysUsed: 30, pendingExtension: null });
    expect(approved.effects).toEqual([
      { kind: 'cancel', reminder: 'handlingDue' },
      { kind: 'schedule', reminder: 'handlingDue', anchor: day(94) },
      { kind: 'notify', notice: 'extensionApproved' },
    ]);
  });

  it('the total may reach maxExtensionDays but not pass it', () => {
    const used = withContext(reach('handling.drafting'), { extensionDaysUsed: 30, dueAt: day(94) });
    expect(step(used, request(30, day(124))).taken).toBe(true);
    expect(step(used, request(31, day(125))).taken).toBe(false);
  });

  it('one request at a time', () => {
    const pending = run(reach('handling.drafting'), request(10, day(74)));
    expect(step(pending, request(5, day(79))).taken).toBe(false);
  });

  it('the new date must lie after the current one, by at least a day', () => {
    expect(step(reach('handling.drafting'), request(0, day(64))).taken).toBe(false);
    expect(step(reach('handling.drafting'), request(10, day(60))).taken).toBe(false);
  });

  it('APPROVE_EXTENSION and DENY_EXTENSION need a pending request', () => {
    expect(step(reach('handling.drafting'), ev('APPROVE_EXTENSION', who.committee, day(21))).taken).toBe(false);
    expect(step(reach('handling.drafting'), ev('DENY_EXTENSION', who.committee, day(21))).taken).toBe(false);
    const denied = step(run(reach('handling.drafting'), request(10, day(74))), ev('DENY_EXTENSION', who.committee, day(21)));
    expect(denied.context).toMatchObject({ pendingExtension: null, dueAt: day(64) });
  });

  it('is taken in any handling substate', () => {
    expect(step(reach('handling.replyReview'), request(10, day(74))).taken).toBe(true);
  });
});

describe('contacts (guards hasUnansweredContact, contactRequirementMet)', () => {
  const log = ev('LOG_CONTACT', who.handler, day(8), { method: 'phone', content: 'called', contactedAt: day(8) });

  it('a logged contact waits for the proposer, who is told', () => {
    const s = step(reach('handling.drafting'), log);
    expect(s.context.unansweredContacts).toBe(1);
    expect(notices(s.effects)).toEqual(['contactLogged']);
  });

  it('CONFIRM_CONTACT counts a confirmed contact; DISPUTE_CONTACT tells the committee', () => {
    const logged = run(reach('handling.drafting'), log, log);
    const confirmed = step(logged, ev('CONFIRM_CONTACT', who.lead, day(9)));
    expect(confirmed.context).toMatchObject({ unansweredContacts: 1, confirmedContacts: 1 });
    const disputed = step(logged, ev('DISPUTE_CONTACT', who.lead, day(9)));
    expect(disputed.context).toMatchObject({ unansweredContacts: 1, confirmedContacts: 0 });
    expect(notices(disputed.effects)).toEqual(['contactDisputed']);
  });

  it('nothing to confirm without a logged contact', () => {
    expect(step(reach('handling.drafting'), ev('CONFIRM_CONTACT', who.lead, day(9))).taken).toBe(false);
    expect(step(reach('handling.drafting'), ev('DISPUTE_CONTACT', who.lead, day(9))).taken).toBe(false);
  });

  it('contacts can still be answered once replied', () => {
    const replied = withContext(reach('replied'), { unansweredContacts: 1 });
    expect(step(replied, ev('CONFIRM_CONTACT', who.lead, day(12))).taken).toBe(true);
  });

  it('where the session requires it, a reply needs a confirmed contact', () => {
    const start = drafting({ requireConfirmedContact: true });
    expect(step(start, road.reply).taken).toBe(false);
    const withUnconfirmed = run(start, log);
    expect(step(withUnconfirmed, road.reply).taken).toBe(false);
    const withConfirmed = run(withUnconfirmed, ev('CONFIRM_CONTACT', who.lead, day(9)));
    expect(step(withConfirmed, road.reply).value).toBe('handling.replyReview');
  });

  it('without the rule, a reply needs no contact', () => {
    expect(step(drafting(), road.reply).taken).toBe(true);
  });

  it('CONTRIBUTE records co-handling input without a state change', () => {
    const s = step(reach('handling.replyReview'), ev('CONTRIBUTE', who.coHandler, day(8)));
    expect(s).toMatchObject({ taken: true, value: 'handling.replyReview' });
    expect(notices(s.effects)).toEqual(['contributed']);
  });
});

describe('the reply', () => {
  it('SUBMIT_REPLY stores the grade and asks the department head (guard replyComplete true)', () => {
    const s = step(reach('handling.drafting'), road.reply);
    expect(s.value).toBe('handling.replyReview');
    expect(s.context.grade).toBe('A');
    expect(notices(s.effects)).toEqual(['replySubmitted']);
  });

  it('a grade-B reply needs a planned date (guard replyComplete false)', () => {
    expect(step(reach('handling.drafting'), ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'B' })).taken).toBe(false);
    const s = step(reach('handling.drafting'), ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'B', plannedAt: day(200) }));
    expect(s.context).toMatchObject({ grade: 'B', plannedAt: day(200) });
  });

  it('the department head approves: the reply reaches the proposer and the evaluation window opens', () => {
    const s = step(reach('handling.replyReview'), road.headApproves);
    expect(s.value).toBe('replied');
    expect(s.context.evaluationDeadline).toBe(day(26));
    expect(s.effects).toEqual([
      { kind: 'cancel', reminder: 'handlingDue' },
      { kind: 'notify', notice: 'replied' },
      { kind: 'schedule', reminder: 'evaluationReminder', anchor: day(26) },
      { kind: 'schedule', reminder: 'evaluationDeadline', anchor: day(26) },
    ]);
  });

  it('only the lead department head approves or sends back in replyReview', () => {
    expect(step(reach('handling.replyReview'), road.committeeApproves).taken).toBe(false);
    expect(step(reach('handling.replyReview'), road.leaderApproves).taken).toBe(false);
    expect(step(reach('handling.replyReview'), ev('SEND_BACK', who.committee, day(11))).taken).toBe(false);
    const back = step(reach('handling.replyReview'), ev('SEND_BACK', who.deptHead, day(11), { comment: 'redo' }));
    expect(back.value).toBe('handling.drafting');
    expect(notices(back.effects)).toEqual(['replySentBack']);
  });

  it('with leader sign-off and committee check on, the reply passes head, leader, committee in turn', () => {
    const rules = { leaderSignoff: true, committeeReplyCheck: true };
    const review = run(drafting(rules), road.reply);
    const atLeader = step(review, road.headApproves);
    expect(atLeader.value).toBe('handling.leaderSignoff');
    expect(notices(atLeader.effects)).toEqual(['replyAwaitingSignoff']);
    expect(step(atLeader, road.committeeApproves).taken).toBe(false);
    const atCommittee = step(atLeader, road.leaderApproves);
    expect(atCommittee.value).toBe('handling.committeeReplyCheck');
    expect(step(atCommittee, road.leaderApproves).taken).toBe(false);
    expect(step(atCommittee, road.committeeApproves).value).toBe('replied');
  });

  it('the leader or the committee may send the reply back to drafting', () => {
    const atLeader = run(drafting({ leaderSignoff: true }), road.reply, road.headApproves);
    expect(step(atLeader, ev('SEND_BACK', who.leader, day(11))).value).toBe('handling.drafting');
    expect(step(atLeader, ev('SEND_BACK', who.deptHead, day(11))).taken).toBe(false);
    expect(step(atLeader, road.leaderApproves).value).toBe('replied');
    const atCommittee = run(drafting({ committeeReplyCheck: true }), road.reply, road.headApproves);
    expect(atCommittee.value).toBe('handling.committeeReplyCheck');
    expect(step(atCommittee, ev('SEND_BACK', who.committee, day(11))).value).toBe('handling.drafting');
  });

  it('a suggestion\'s approved reply closes it at once, with no evaluation (guard isSuggestion)', () => {
    const suggestion = run(
      initialState({ minCosigners: 0 }),
      road.submit,
      ev('CONVERT', who.committee, day(3)),
      road.assign,
      road.reply,
    );
    const s = step(suggestion, road.headApproves);
    expect(s.value).toBe('closed');
    expect(s.context.evaluationDeadline).toBeNull();
    expect(s.effects.some((e) => e.kind === 'schedule')).toBe(false);
  });

  it('a grade-B reply schedules the follow-up at its planned date', () => {
    const review = run(reach('handling.drafting'), ev('SUBMIT_REPLY', who.handler, day(10), { grade: 'B', plannedAt: day(200) }));
    expect(step(review, road.headApproves).effects).toContainEqual({ kind: 'schedule', reminder: 'plannedDate', anchor: day(200) });
  });
});
