/** Relations, the policy table, the events a person may send now, and who sees what. */
import type { Role } from './actors';
import type { StoredProposalState } from './engine';
import { SYSTEM_EVENTS } from './events';
import { availableEvents, canSee, mayActorSend, relationsOf, type ActorFacts, type ProposalFacts } from './policy';
import { day, ev, reach, run, withContext, who } from './testing/fixtures';

function person(id: string, roles: Role[], facts: Partial<ActorFacts> = {}): ActorFacts {
  return {
    id,
    roles,
    departmentIds: [],
    headOfDepartmentIds: [],
    leaderOfDepartmentIds: [],
    delegationId: null,
    headOfDelegationIds: [],
    ...facts,
  };
}

const people = {
  lead: person('u-lead', ['delegate'], { delegationId: 'g-1' }),
  invited: person('u-invited', ['delegate']),
  cosigner: person('u-cosigner', ['delegate']),
  declined: person('u-declined', ['delegate']),
  delegate: person('u-other', ['delegate']),
  delegationHead: person('u-head', ['delegate', 'delegation_head'], { headOfDelegationIds: ['g-1'] }),
  otherHead: person('u-head-2', ['delegate', 'delegation_head'], { headOfDelegationIds: ['g-2'] }),
  committee: person('u-committee', ['committee']),
  handler: person('u-handler', ['handler'], { departmentIds: ['d-1'] }),
  deptHead: person('u-dept-head', ['dept_head'], { headOfDepartmentIds: ['d-1'] }),
  coHandler: person('u-co-handler', ['handler'], { departmentIds: ['d-2'] }),
  coHead: person('u-co-head', ['dept_head'], { headOfDepartmentIds: ['d-2'] }),
  otherHandler: person('u-handler-9', ['handler'], { departmentIds: ['d-9'] }),
  leader: person('u-leader', ['leader'], { leaderOfDepartmentIds: ['d-1'] }),
  otherLeader: person('u-leader-9', ['leader'], { leaderOfDepartmentIds: ['d-9'] }),
  admin: person('u-admin', ['admin']),
};

function facts(stored: StoredProposalState, assigned = false): ProposalFacts {
  return {
    id: 'p-1',
    state: stored.value,
    context: stored.context,
    leadProposerId: 'u-lead',
    cosigners: [
      { userId: 'u-invited', status: 'invited' },
      { userId: 'u-cosigner', status: 'confirmed' },
      { userId: 'u-declined', status: 'declined' },
    ],
    delegationId: 'g-1',
    delegationHeadId: null,
    leadDepartmentId: assigned ? 'd-1' : null,
    coDepartmentIds: assigned ? ['d-2'] : [],
    leaderIdsInCharge: [],
  };
}

describe('relationsOf', () => {
  const p = facts(reach('handling.drafting'), true);
  it.each([
    ['lead', ['leadProposer', 'anyDelegate']],
    ['invited', ['invitedCosigner', 'anyDelegate']],
    ['cosigner', ['cosigner', 'anyDelegate']],
    ['declined', ['anyDelegate']],
    ['delegationHead', ['anyDelegate', 'delegationHead']],
    ['otherHead', ['anyDelegate']],
    ['committee', ['committee']],
    ['handler', ['leadDeptHandler']],
    ['deptHead', ['leadDeptHead']],
    ['coHandler', ['coDeptHandler']],
    ['coHead', ['coDeptHead']],
    ['otherHandler', []],
    ['leader', ['leaderInCharge']],
    ['otherLeader', []],
    ['admin', []],
  ] as const)('%s → %j', (name, expected) => {
    expect(relationsOf(p, people[name])).toEqual(expected);
  });

  it('a delegation head named on the proposal, and a leader listed in charge, count too', () => {
    const named = { ...p, delegationHeadId: 'u-x', leaderIdsInCharge: ['u-y'] };
    expect(relationsOf(named, person('u-x', []))).toEqual(['delegationHead']);
    expect(relationsOf(named, person('u-y', []))).toEqual(['leaderInCharge']);
  });

  it('no department relation before assignment', () => {
    expect(relationsOf(facts(reach('submitted')), people.handler)).toEqual([]);
  });
});

describe('mayActorSend', () => {
  it('reads the policy table', () => {
    expect(mayActorSend('ACCEPT', ['committee'])).toBe(true);
    expect(mayActorSend('ACCEPT', ['leadProposer', 'anyDelegate'])).toBe(false);
    expect(mayActorSend('SUBMIT_REPLY', ['leadDeptHandler'])).toBe(true);
    expect(mayActorSend('SUBMIT_REPLY', ['coDeptHandler'])).toBe(false);
    expect(mayActorSend('CONTRIBUTE', ['coDeptHead'])).toBe(true);
    expect(mayActorSend('EVALUATE', ['cosigner'])).toBe(true);
    expect(mayActorSend('EVALUATION_DEADLINE', ['committee'])).toBe(false);
    expect(mayActorSend('NOT_AN_EVENT', ['committee'])).toBe(false);
  });
});

describe('availableEvents', () => {
  const at = (stored: StoredProposalState, name: keyof typeof people, now: string, assigned = false) =>
    availableEvents(facts(stored, assigned), people[name], now);

  it('draft: the lead proposer may submit; nobody else may do anything', () => {
    expect(at(reach('draft'), 'lead', day(0))).toEqual(['SUBMIT', 'COMMENT']);
    expect(at(reach('draft'), 'invited', day(0))).toEqual([]);
    expect(at(reach('draft'), 'committee', day(0))).toEqual([]);
  });

  it('cosigning: invited co-signers and other delegates may co-sign, the lead may withdraw', () => {
    const cosigning = reach('cosigning');
    expect(at(cosigning, 'invited', day(1))).toEqual(['COSIGN', 'DECLINE_COSIGN']);
    expect(at(cosigning, 'delegate', day(1))).toEqual(['COSIGN']);
    expect(at(cosigning, 'declined', day(1))).toEqual(['COSIGN']);
    expect(at(cosigning, 'cosigner', day(1))).toEqual(['DECLINE_COSIGN', 'COMMENT']);
    expect(at(cosigning, 'lead', day(1))).toEqual(['WITHDRAW', 'COMMENT']);
    expect(at(cosigning, 'handler', day(1))).toEqual([]);
  });

  it('cosigning: COSIGN disappears when the window has passed', () => {
    expect(at(reach('cosigning'), 'invited', day(8))).toEqual(['DECLINE_COSIGN']);
  });

  it('SUBMIT is offered in draft only', () => {
    expect(at(reach('cosigning'), 'lead', day(1))).not.toContain('SUBMIT');
    expect(at(reach('submitted'), 'lead', day(3))).not.toContain('SUBMIT');
  });

  it('submitted: the committee decides; the lead may still withdraw', () => {
    expect(at(reach('submitted'), 'committee', day(3))).toEqual([
      'RETURN', 'ACCEPT', 'REJECT', 'MERGE', 'CONVERT', 'MARK_KEY', 'URGE', 'COMMENT',
    ]);
    expect(at(reach('submitted'), 'lead', day(3))).toEqual(['WITHDRAW', 'COMMENT']);
    expect(at(reach('submitted'), 'delegationHead', day(3))).toEqual(['COMMENT']);
  });

  it('delegation review: the delegation head approves or returns', () => {
    const review = run(
      { value: 'draft', context: { ...reach('draft').context, rules: { ...reach('draft').context.rules, minCosigners: 0, delegationApproval: true } } },
      ev('SUBMIT', who.lead, day(0), { cosignDeadline: day(7) }),
    );
    expect(review.value).toBe('delegationReview');
    expect(at(review, 'delegationHead', day(1))).toEqual(['APPROVE', 'RETURN', 'COMMENT']);
    expect(at(review, 'otherHead', day(1))).toEqual([]);
  });

  it('handling: the lead department may ask for reassignment only within the window', () => {
    const drafting = reach('handling.drafting');
    expect(at(drafting, 'handler', day(5), true)).toEqual([
      'REQUEST_REASSIGNMENT', 'REQUEST_EXTENSION', 'LOG_CONTACT', 'SUBMIT_REPLY', 'COMMENT',
    ]);
    expect(at(drafting, 'handler', day(20), true)).toEqual(['REQUEST_EXTENSION', 'LOG_CONTACT', 'SUBMIT_REPLY', 'COMMENT']);
  });

  it('handling: a co-handling department contributes; others see nothing to do', () => {
    expect(at(reach('handling.drafting'), 'coHandler', day(5), true)).toEqual(['CONTRIBUTE', 'LOG_CONTACT', 'COMMENT']);
    expect(at(reach('handling.drafting'), 'otherHandler', day(5), true)).toEqual([]);
  });

  it('handling: extensions are offered while there is room, and decided by the committee when pending', () => {
    const full = withContext(reach('handling.drafting'), { extensionDaysUsed: 60 });
    expect(at(full, 'handler', day(20), true)).not.toContain('REQUEST_EXTENSION');
    const pending = run(
      reach('handling.drafting'),
      ev('REQUEST_EXTENSION', who.handler, day(20), { dueAt: day(80), reason: 'r', extensionDays: 16 }),
    );
    expect(at(pending, 'committee', day(21), true)).toEqual(
      expect.arrayContaining(['APPROVE_EXTENSION', 'DENY_EXTENSION']),
    );
    expect(at(pending, 'handler', day(21), true)).not.toContain('REQUEST_EXTENSION');
  });

  it('handling: the proposer confirms contacts only when one is waiting', () => {
    expect(at(reach('handling.drafting'), 'lead', day(9), true)).toEqual(['COMMENT']);
    const logged = withContext(reach('handling.drafting'), { unansweredContacts: 1 });
    expect(at(logged, 'lead', day(9), true)).toEqual(['CONFIRM_CONTACT', 'DISPUTE_CONTACT', 'COMMENT']);
  });

  it('reply review: the department head approves or sends back; the committee cannot', () => {
    expect(at(reach('handling.replyReview'), 'deptHead', day(11), true)).toEqual(
      expect.arrayContaining(['APPROVE_REPLY', 'SEND_BACK']),
    );
    expect(at(reach('handling.replyReview'), 'committee', day(11), true)).not.toContain('APPROVE_REPLY');
    expect(at(reach('handling.replyReview'), 'leader', day(11), true)).toEqual(['COMMENT']);
  });

  it('replied: the lead proposer and co-signers evaluate, within the window', () => {
    const replied = reach('replied');
    expect(at(replied, 'lead', day(12), true)).toEqual(['EVALUATE', 'COMMENT']);
    expect(at(replied, 'cosigner', day(12), true)).toEqual(['EVALUATE', 'COMMENT']);
    expect(at(replied, 'delegate', day(12), true)).toEqual([]);
    expect(at(replied, 'lead', day(30), true)).toEqual(['COMMENT']);
  });

  it('disputed: the committee re-handles (while allowed) or closes', () => {
    expect(at(reach('disputed'), 'committee', day(13), true)).toEqual(
      expect.arrayContaining(['REHANDLE', 'CLOSE']),
    );
    const used = withContext(reach('disputed'), { rehandleCount: 1 });
    expect(at(used, 'committee', day(13), true)).not.toContain('REHANDLE');
  });

  it('closed: the committee publishes and marks; a grade-B promise is followed by the department', () => {
    expect(at(reach('closed'), 'committee', day(30), true)).toEqual(['PUBLISH', 'MARK_EXCELLENT', 'COMMENT']);
    const promise = withContext(reach('closed'), { grade: 'B', plannedAt: day(200) });
    expect(at(promise, 'handler', day(30), true)).toEqual(['PROGRESS_UPDATE', 'COMMENT']);
    expect(at(promise, 'deptHead', day(30), true)).toEqual(['PROGRESS_UPDATE', 'FULFIL', 'COMMENT']);
  });

  it('never offers a system event to a person', () => {
    const states = ['draft', 'cosigning', 'submitted', 'handling.drafting', 'replied', 'closed'] as const;
    for (const state of states) {
      for (const name of Object.keys(people) as (keyof typeof people)[]) {
        for (const now of [day(1), day(30)]) {
          const offered = at(reach(state), name, now, true);
          expect(offered.filter((t) => (SYSTEM_EVENTS as readonly string[]).includes(t))).toEqual([]);
        }
      }
    }
  });

  it('accepts a Date for now', () => {
    expect(availableEvents(facts(reach('draft')), people.lead, new Date(day(0)))).toEqual(['SUBMIT', 'COMMENT']);
  });
});

describe('canSee', () => {
  const sees = (stored: StoredProposalState, name: keyof typeof people, assigned = false) =>
    canSee(facts(stored, assigned), people[name]);

  it('a draft: the lead proposer and its co-signers only', () => {
    const draft = reach('draft');
    expect(['lead', 'invited', 'cosigner'].every((n) => sees(draft, n as keyof typeof people))).toBe(true);
    expect(['declined', 'delegate', 'delegationHead', 'committee', 'handler', 'leader', 'admin'].some((n) => sees(draft, n as keyof typeof people))).toBe(false);
  });

  it('a draft the committee returned stays visible to the committee', () => {
    const returned = run(reach('submitted'), ev('RETURN', who.committee, day(3), { comment: 'x' }));
    expect(sees(returned, 'committee')).toBe(true);
    expect(sees(returned, 'delegate')).toBe(false);
  });

  it('cosigning: open to every delegate, not to departments', () => {
    expect(sees(reach('cosigning'), 'delegate')).toBe(true);
    expect(sees(reach('cosigning'), 'handler')).toBe(false);
    expect(sees(reach('cosigning'), 'committee')).toBe(true);
  });

  it('under review: the committee, the delegation head and the proposers; not other delegates', () => {
    const submitted = reach('submitted');
    expect(sees(submitted, 'committee')).toBe(true);
    expect(sees(submitted, 'delegationHead')).toBe(true);
    expect(sees(submitted, 'cosigner')).toBe(true);
    expect(sees(submitted, 'delegate')).toBe(false);
    expect(sees(submitted, 'otherHead')).toBe(false);
    expect(sees(submitted, 'handler')).toBe(false);
  });

  it('handling: the assigned departments and their leaders, nobody else', () => {
    const handling = reach('handling.drafting');
    expect(sees(handling, 'handler', true)).toBe(true);
    expect(sees(handling, 'deptHead', true)).toBe(true);
    expect(sees(handling, 'coHandler', true)).toBe(true);
    expect(sees(handling, 'coHead', true)).toBe(true);
    expect(sees(handling, 'leader', true)).toBe(true);
    expect(sees(handling, 'otherHandler', true)).toBe(false);
    expect(sees(handling, 'otherLeader', true)).toBe(false);
    expect(sees(handling, 'admin', true)).toBe(false);
  });

  it('published: everyone, the public included; unpublished: not the public', () => {
    const closed = reach('closed');
    const published = withContext(closed, { published: true });
    expect(canSee(facts(published), null)).toBe(true);
    expect(sees(published, 'otherHandler')).toBe(true);
    expect(canSee(facts(closed), null)).toBe(false);
    expect(sees(closed, 'delegate')).toBe(false);
  });
});
