/** The machine from draft to assignment: co-signing, delegation review, the committee's decisions. */
import { initialState } from './engine';
import { proposalMachine } from './machine';
import { day, ev, notices, reach, road, run, step, who, withContext } from './testing/fixtures';

describe('the machine', () => {
  it('has no delayed transitions: deadlines come as events from the job queue', () => {
    const nodes = [proposalMachine.root, ...Object.values(proposalMachine.root.states)];
    const all = nodes.flatMap((n) => [n, ...Object.values(n.states)]);
    expect(all.every((n) => n.after.length === 0)).toBe(true);
  });

  it('starts in draft under the session rules', () => {
    const start = initialState({ minCosigners: 3 });
    expect(start.value).toBe('draft');
    expect(start.context.rules.minCosigners).toBe(3);
    expect(start.context.rules.maxRehandle).toBe(1);
  });
});

describe('SUBMIT and co-signing', () => {
  it('SUBMIT with too few co-signers opens co-signing: invites go out, the deadline is stored and scheduled', () => {
    const s = step(initialState(), road.submit);
    expect(s.value).toBe('cosigning');
    expect(s.context.cosignDeadline).toBe(day(7));
    expect(s.effects).toEqual([
      { kind: 'notify', notice: 'cosignInvited' },
      { kind: 'schedule', reminder: 'cosignReminder', anchor: day(7) },
      { kind: 'schedule', reminder: 'cosignDeadline', anchor: day(7) },
    ]);
  });

  it('SUBMIT goes straight to submitted when no co-signers are needed (guard cosignersMetAtSubmit true)', () => {
    const s = step(initialState({ minCosigners: 0 }), road.submit);
    expect(s.value).toBe('submitted');
    expect(s.context.submittedAt).toBe(day(0));
    expect(s.effects).toContainEqual({ kind: 'schedule', reminder: 'reviewOverdue', anchor: day(0) });
    expect(notices(s.effects)).toEqual(['submitted']);
  });

  it('SUBMIT goes straight on when the backend reports enough confirmations kept from an earlier round', () => {
    const s = step(initialState(), { ...road.submit, confirmedCosigners: 2 });
    expect(s.value).toBe('submitted');
    expect(s.context.confirmedCosigners).toBe(2);
  });

  it('SUBMIT goes to delegation review first when the session asks for it', () => {
    expect(step(initialState({ minCosigners: 0, delegationApproval: true }), road.submit).value).toBe('delegationReview');
  });

  it('SUBMIT is taken only in draft', () => {
    expect(step(reach('cosigning'), road.submit).taken).toBe(false);
    expect(step(reach('submitted'), road.submit).taken).toBe(false);
  });

  it('the first co-signature is counted and the proposal keeps waiting (guard cosignCompletes false)', () => {
    const s = step(reach('cosigning'), road.cosign1);
    expect(s).toMatchObject({ taken: true, value: 'cosigning' });
    expect(s.context.confirmedCosigners).toBe(1);
    expect(s.effects).toEqual([]);
  });

  it('the co-signature that reaches the minimum moves it to submitted and cancels the co-sign reminders', () => {
    const s = step(run(reach('cosigning'), road.cosign1), road.cosign2);
    expect(s.value).toBe('submitted');
    expect(s.context.confirmedCosigners).toBe(2);
    expect(s.effects).toEqual([
      { kind: 'cancel', reminder: 'cosignReminder' },
      { kind: 'cancel', reminder: 'cosignDeadline' },
      { kind: 'schedule', reminder: 'reviewOverdue', anchor: day(2) },
      { kind: 'notify', notice: 'submitted' },
    ]);
  });

  it('the co-signature that reaches the minimum goes to delegation review when the session asks for it', () => {
    const start = run(initialState({ delegationApproval: true }), road.submit, road.cosign1);
    const s = step(start, road.cosign2);
    expect(s.value).toBe('delegationReview');
    expect(notices(s.effects)).toEqual(['awaitingDelegationApproval']);
  });

  describe('who may co-sign (guard mayCosign)', () => {
    const cosigning = () => reach('cosigning');
    it('an invited co-signer may', () => expect(step(cosigning(), ev('COSIGN', who.invited, day(1))).taken).toBe(true));
    it('any other delegate may join an open co-signing', () =>
      expect(step(cosigning(), ev('COSIGN', who.delegate, day(1))).taken).toBe(true));
    it('the lead proposer may not co-sign its own proposal', () =>
      expect(step(cosigning(), ev('COSIGN', who.lead, day(1))).taken).toBe(false));
    it('a confirmed co-signer may not sign twice', () =>
      expect(step(cosigning(), ev('COSIGN', who.cosigner, day(1))).taken).toBe(false));
    it('someone who is not a delegate may not', () =>
      expect(step(cosigning(), ev('COSIGN', who.committee, day(1))).taken).toBe(false));
    it('nobody may after the co-sign deadline', () => {
      expect(step(cosigning(), ev('COSIGN', who.invited, day(7))).taken).toBe(true);
      expect(step(cosigning(), ev('COSIGN', who.invited, day(7.01))).taken).toBe(false);
    });
  });

  describe('declining (guard mayDeclineCosign)', () => {
    it('an invited co-signer declines: nothing is counted', () => {
      const s = step(reach('cosigning'), ev('DECLINE_COSIGN', who.invited, day(1)));
      expect(s).toMatchObject({ taken: true, value: 'cosigning' });
      expect(s.context.confirmedCosigners).toBe(0);
    });
    it('a confirmed co-signer takes the signature back: the count goes down', () => {
      const start = run(reach('cosigning'), road.cosign1);
      const s = step(start, ev('DECLINE_COSIGN', who.cosigner, day(2)));
      expect(s.context.confirmedCosigners).toBe(0);
    });
    it('a delegate who was never invited has nothing to decline', () => {
      expect(step(reach('cosigning'), ev('DECLINE_COSIGN', who.delegate, day(1))).taken).toBe(false);
    });
  });

  describe('the co-sign deadline (guard cosignWindowFailed)', () => {
    it('passing with too few co-signers sends the proposal back to draft and tells the proposer', () => {
      const s = step(reach('cosigning'), ev('COSIGN_DEADLINE', who.system, day(7)));
      expect(s.value).toBe('draft');
      expect(s.effects).toEqual([
        { kind: 'cancel', reminder: 'cosignReminder' },
        { kind: 'cancel', reminder: 'cosignDeadline' },
        { kind: 'notify', notice: 'cosignFailed' },
      ]);
    });
    it('a stale deadline job (before the current deadline) is ignored', () => {
      expect(step(reach('cosigning'), ev('COSIGN_DEADLINE', who.system, day(6))).taken).toBe(false);
    });
    it('is ignored when enough co-signers are confirmed', () => {
      const enough = withContext(reach('cosigning'), { confirmedCosigners: 2 });
      expect(step(enough, ev('COSIGN_DEADLINE', who.system, day(8))).taken).toBe(false);
    });
  });

  it('WITHDRAW during co-signing returns the proposal to draft', () => {
    const s = step(reach('cosigning'), ev('WITHDRAW', who.lead, day(1)));
    expect(s.value).toBe('draft');
    expect(notices(s.effects)).toEqual(['withdrawn']);
  });
});

describe('delegation review', () => {
  const inReview = () => run(initialState({ minCosigners: 0, delegationApproval: true }), road.submit);

  it('APPROVE by the delegation head sends it to the committee', () => {
    const s = step(inReview(), road.approveDelegation);
    expect(s.value).toBe('submitted');
    expect(s.context.submittedAt).toBe(day(2));
  });

  it('RETURN is the delegation head\'s here, not the committee\'s (guard actorIs)', () => {
    expect(step(inReview(), ev('RETURN', who.committee, day(2), { comment: 'x' })).taken).toBe(false);
    const s = step(inReview(), ev('RETURN', who.delegationHead, day(2), { comment: 'x' }));
    expect(s.value).toBe('draft');
    expect(notices(s.effects)).toEqual(['returned']);
  });

  it('APPROVE by anyone else is not taken', () => {
    expect(step(inReview(), ev('APPROVE', who.committee, day(2))).taken).toBe(false);
  });

  it('WITHDRAW returns it to draft', () => {
    expect(step(inReview(), ev('WITHDRAW', who.lead, day(2))).value).toBe('draft');
  });
});

describe('the committee decides', () => {
  it.each([
    ['ACCEPT', 'accepted', 'accepted'],
    ['REJECT', 'rejected', 'rejected'],
    ['MERGE', 'merged', 'merged'],
    ['CONVERT', 'classified', 'converted'],
  ] as const)('%s moves submitted to %s, cancels the review reminder and notifies "%s"', (type, target, notice) => {
    const s = step(reach('submitted'), ev(type, who.committee, day(3)));
    expect(s.value).toBe(target);
    expect(s.effects).toEqual([
      { kind: 'cancel', reminder: 'reviewOverdue' },
      { kind: 'notify', notice },
    ]);
  });

  it('CONVERT makes it a suggestion', () => {
    expect(step(reach('submitted'), ev('CONVERT', who.committee, day(3))).context.kind).toBe('suggestion');
  });

  it('RETURN by the committee sends it back to draft (and not by the delegation head here)', () => {
    expect(step(reach('submitted'), ev('RETURN', who.committee, day(3))).value).toBe('draft');
    expect(step(reach('submitted'), ev('RETURN', who.delegationHead, day(3))).taken).toBe(false);
  });

  it('a returned draft is submitted again under a new deadline; a job of the old deadline no longer acts', () => {
    const returned = run(reach('submitted'), ev('RETURN', who.committee, day(3)));
    const again = run(returned, ev('SUBMIT', who.lead, day(10), { cosignDeadline: day(17), confirmedCosigners: 0 }));
    expect(again.value).toBe('cosigning');
    expect(step(again, ev('COSIGN_DEADLINE', who.system, day(12))).taken).toBe(false);
  });

  it('WITHDRAW after submission withdraws it for good', () => {
    const s = step(reach('submitted'), ev('WITHDRAW', who.lead, day(3)));
    expect(s.value).toBe('withdrawn');
    expect(proposalMachine.getStateNodeById('proposal.withdrawn').type).toBe('final');
  });

  it('WITHDRAW is no longer taken once accepted', () => {
    expect(step(reach('accepted'), ev('WITHDRAW', who.lead, day(4))).taken).toBe(false);
  });

  it('MERGE is taken in accepted and classified too, not in handling', () => {
    expect(step(reach('accepted'), ev('MERGE', who.committee, day(4))).value).toBe('merged');
    expect(step(reach('classified'), ev('MERGE', who.committee, day(4))).value).toBe('merged');
    expect(step(reach('handling.drafting'), ev('MERGE', who.committee, day(5))).taken).toBe(false);
  });

  it('CLASSIFY classifies, and classifies again without changing state', () => {
    expect(step(reach('accepted'), road.classify).value).toBe('classified');
    expect(step(reach('classified'), road.classify)).toMatchObject({ taken: true, value: 'classified' });
  });

  it('ASSIGN starts handling with the computed due date and reassignment window', () => {
    const s = step(reach('classified'), road.assign);
    expect(s.value).toBe('handling.drafting');
    expect(s.context).toMatchObject({
      assignedAt: day(4),
      dueAt: day(64),
      originalDueAt: day(64),
      reassignWindowEndsAt: day(9),
    });
    expect(s.effects).toEqual([
      { kind: 'notify', notice: 'assigned' },
      { kind: 'schedule', reminder: 'handlingDue', anchor: day(64) },
    ]);
  });
});

describe('flags and urging while open', () => {
  it('MARK_KEY and UNMARK_KEY toggle the key flag, each only from the other side (guard isKey)', () => {
    const marked = step(reach('submitted'), ev('MARK_KEY', who.committee, day(3)));
    expect(marked.context.key).toBe(true);
    const stored = { value: marked.value, context: marked.context };
    expect(step(stored, ev('MARK_KEY', who.committee, day(3))).taken).toBe(false);
    expect(step(stored, ev('UNMARK_KEY', who.committee, day(3))).context.key).toBe(false);
    expect(step(reach('submitted'), ev('UNMARK_KEY', who.committee, day(3))).taken).toBe(false);
  });

  it('URGE notifies at once and changes nothing else', () => {
    const s = step(reach('handling.drafting'), ev('URGE', who.committee, day(30)));
    expect(s).toMatchObject({ taken: true, value: 'handling.drafting' });
    expect(s.effects).toEqual([{ kind: 'notify', notice: 'urged' }]);
  });

  it('URGE is not taken once closed, COMMENT still is', () => {
    expect(step(reach('closed'), ev('URGE', who.committee, day(30))).taken).toBe(false);
    expect(step(reach('closed'), ev('COMMENT', who.committee, day(30))).taken).toBe(true);
  });

  it('final states take nothing, not even a comment', () => {
    const rejected = run(reach('submitted'), ev('REJECT', who.committee, day(3)));
    expect(step(rejected, ev('COMMENT', who.committee, day(4))).taken).toBe(false);
  });
});
