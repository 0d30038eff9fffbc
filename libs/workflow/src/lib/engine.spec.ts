/** The pure server-side API: restore, applyEvent, acceptedEventTypes, and the vocabulary helpers. */
import { RELATIONS } from './actors';
import { acceptedEventTypes, applyEvent, canApply, initialState, restore, takesAtAll } from './engine';
import { EVENT_TYPES, SYSTEM_EVENTS } from './events';
import { EVENT_POLICY } from './policy';
import { DEFAULT_RULES, resolveRules } from './rules';
import { FINAL_STATES, PROPOSAL_STATES, stateToString, stringToStateValue } from './states';
import { sampleEvent } from './sample-events';
import { day, ev, reach, road, who } from './testing/fixtures';

describe('state names', () => {
  it('nested states travel as "handling.drafting" and back', () => {
    expect(stateToString({ handling: 'drafting' })).toBe('handling.drafting');
    expect(stringToStateValue('handling.drafting')).toEqual({ handling: 'drafting' });
    expect(stringToStateValue('submitted')).toBe('submitted');
    for (const state of PROPOSAL_STATES) expect(stateToString(stringToStateValue(state))).toBe(state);
  });

  it('there are the 17 leaf states of domain.md', () => {
    expect(PROPOSAL_STATES).toHaveLength(17);
    expect(PROPOSAL_STATES).toContain('handling.reassignmentRequested');
  });

  it('rejects malformed names', () => {
    expect(() => stringToStateValue('handling.')).toThrow();
  });
});

describe('rules', () => {
  it('defaults follow domain.md', () => {
    expect(DEFAULT_RULES).toMatchObject({
      minCosigners: 2,
      cosignWindowDays: 7,
      reviewTargetDays: 15,
      reassignmentWindowDays: 5,
      handlingDays: 60,
      maxExtensionDays: 60,
      delegationApproval: false,
      leaderSignoff: false,
      committeeReplyCheck: false,
      requireConfirmedContact: false,
      evaluationWindowDays: 15,
      maxRehandle: 1,
    });
  });

  it('overrides merge per rule, day counting too', () => {
    const rules = resolveRules({ handlingDays: 42, dayCounting: { handlingDays: 'working' } });
    expect(rules.handlingDays).toBe(42);
    expect(rules.dayCounting.handlingDays).toBe('working');
    expect(rules.dayCounting.evaluationWindowDays).toBe('calendar');
    expect(DEFAULT_RULES.dayCounting.handlingDays).toBe('calendar');
  });
});

describe('restore', () => {
  it('rebuilds a snapshot that answers can() from a stored string state and JSON context', () => {
    const stored = reach('handling.drafting');
    const fromJson = JSON.parse(JSON.stringify(stored));
    const snapshot = restore(fromJson.value, fromJson.context);
    expect(snapshot.value).toEqual({ handling: 'drafting' });
    expect(snapshot.can(road.reply)).toBe(true);
  });

  it('accepts a state value object too', () => {
    expect(restore({ handling: 'replyReview' }, reach('handling.replyReview').context).value).toEqual({
      handling: 'replyReview',
    });
  });

  it('refuses a state that does not exist', () => {
    expect(() => restore('archived', initialState().context)).toThrow(/Unknown proposal state/);
  });
});

describe('applyEvent', () => {
  it('returns the new state, context and effects of a transition', () => {
    const result = applyEvent(reach('cosigning'), ev('WITHDRAW', who.lead, day(1)));
    expect(result).toEqual({
      ok: true,
      value: 'draft',
      context: expect.objectContaining({ cosignDeadline: day(7) }),
      effects: [
        { kind: 'cancel', reminder: 'cosignReminder' },
        { kind: 'cancel', reminder: 'cosignDeadline' },
        { kind: 'notify', notice: 'withdrawn' },
      ],
      changed: true,
    });
  });

  it('reports changed: false for an event that updates the context only', () => {
    const result = applyEvent(reach('submitted'), ev('MARK_KEY', who.committee, day(3)));
    expect(result).toMatchObject({ ok: true, value: 'submitted', changed: false });
    expect(result.ok && result.context.key).toBe(true);
  });

  it('names the nested state in string form', () => {
    expect(applyEvent(reach('classified'), road.assign)).toMatchObject({ ok: true, value: 'handling.drafting' });
  });

  it('does not touch the stored context it was given', () => {
    const stored = reach('submitted');
    const before = JSON.stringify(stored);
    applyEvent(stored, ev('ACCEPT', who.committee, day(3)));
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('produces JSON-safe results (the backend stores them as they are)', () => {
    const result = applyEvent(reach('handling.replyReview'), road.headApproves);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('forbids what the policy table does not give the actor\'s relations', () => {
    expect(applyEvent(reach('submitted'), ev('ACCEPT', who.lead, day(3)))).toEqual({
      ok: false,
      reason: 'forbidden',
      state: 'submitted',
      allowed: ['committee'],
    });
  });

  it('forbids a person to send a system event', () => {
    const result = applyEvent(reach('cosigning'), ev('COSIGN_DEADLINE', who.committee, day(8)));
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('refuses an event the state does not take, naming the state and what it takes', () => {
    const result = applyEvent(initialState(), ev('ACCEPT', who.committee, day(3)));
    expect(result).toEqual({
      ok: false,
      reason: 'notAccepted',
      state: 'draft',
      accepts: ['SUBMIT', 'MARK_KEY', 'UNMARK_KEY', 'URGE', 'COMMENT'],
      conditionsNotMet: false,
    });
  });

  it('tells a type the state takes whose conditions fail (window passed) from one it never takes', () => {
    const late = applyEvent(reach('handling.drafting'), ev('REQUEST_REASSIGNMENT', who.handler, day(30)));
    expect(late).toMatchObject({ ok: false, reason: 'notAccepted', state: 'handling.drafting', conditionsNotMet: true });
  });

  it('canApply answers the machine\'s question alone', () => {
    expect(canApply(reach('submitted'), ev('ACCEPT', who.committee, day(3)))).toBe(true);
    expect(canApply(reach('submitted'), ev('ASSIGN', who.committee, day(3)))).toBe(false);
  });
});

describe('acceptedEventTypes', () => {
  it('takesAtAll lets through every event the machine can take (availableEvents asks the machine only about those)', () => {
    const contexts = (['draft', 'cosigning', 'submitted', 'classified', 'handling.drafting', 'handling.replyReview', 'replied', 'disputed', 'closed'] as const).map(
      (s) => reach(s).context,
    );
    const actor = { id: 'u-all', roles: ['delegate', 'committee', 'handler', 'dept_head', 'leader'] as const, relations: [...RELATIONS] };
    let taken = 0;
    for (const state of PROPOSAL_STATES) {
      for (const context of contexts) {
        const snapshot = restore(state, context);
        for (const type of EVENT_TYPES) {
          const can = snapshot.can(sampleEvent(type, { ...actor, roles: [...actor.roles] }, day(1), context));
          if (can) taken++;
          if (can) expect([state, type, takesAtAll(state, type)]).toEqual([state, type, true]);
          expect(takesAtAll(state, type)).toBe(acceptedEventTypes(state).includes(type));
        }
      }
    }
    // the check above ran over real transitions, not only refusals
    expect(taken).toBeGreaterThan(100);
  });

  const openStates = PROPOSAL_STATES.filter((s) => s !== 'closed' && !(FINAL_STATES as readonly string[]).includes(s));

  it.each(openStates)('%s takes URGE, COMMENT, MARK_KEY and UNMARK_KEY', (state) => {
    expect(acceptedEventTypes(state)).toEqual(expect.arrayContaining(['URGE', 'COMMENT', 'MARK_KEY', 'UNMARK_KEY']));
  });

  it('closed takes the follow-up events and comments only', () => {
    expect(acceptedEventTypes('closed')).toEqual(['PUBLISH', 'UNPUBLISH', 'MARK_EXCELLENT', 'PROGRESS_UPDATE', 'FULFIL', 'COMMENT']);
  });

  it.each(FINAL_STATES)('%s takes nothing', (state) => {
    expect(acceptedEventTypes(state)).toEqual([]);
  });

  it('a handling substate takes its own events and the handling-level ones', () => {
    expect(acceptedEventTypes('handling.replyReview')).toEqual(
      expect.arrayContaining(['APPROVE_REPLY', 'SEND_BACK', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'DENY_EXTENSION', 'CONTRIBUTE', 'LOG_CONTACT', 'CONFIRM_CONTACT', 'DISPUTE_CONTACT']),
    );
    expect(acceptedEventTypes('handling.replyReview')).not.toContain('SUBMIT_REPLY');
  });

  it('contacts are answered in handling, replied and disputed only', () => {
    const answering = PROPOSAL_STATES.filter((s) => acceptedEventTypes(s).includes('CONFIRM_CONTACT'));
    expect(answering).toEqual([
      'handling.drafting',
      'handling.replyReview',
      'handling.leaderSignoff',
      'handling.committeeReplyCheck',
      'handling.reassignmentRequested',
      'replied',
      'disputed',
    ]);
  });

  it('MERGE is taken in submitted, accepted and classified only', () => {
    expect(PROPOSAL_STATES.filter((s) => acceptedEventTypes(s).includes('MERGE'))).toEqual(['submitted', 'accepted', 'classified']);
  });

  it('every event type is taken somewhere, and has an entry in the policy table', () => {
    const somewhere = new Set(PROPOSAL_STATES.flatMap((s) => acceptedEventTypes(s)));
    expect(EVENT_TYPES.filter((t) => !somewhere.has(t))).toEqual([]);
    expect(Object.keys(EVENT_POLICY).sort()).toEqual([...EVENT_TYPES].sort());
    for (const t of SYSTEM_EVENTS) expect(EVENT_POLICY[t]).toEqual(['system']);
  });
});
