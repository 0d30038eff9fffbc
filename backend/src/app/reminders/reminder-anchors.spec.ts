import {
  acceptedEventTypes,
  applyEvent,
  EVENT_POLICY,
  initialState,
  sampleEvent,
  type EventType,
  type ProposalEvent,
  type Relation,
  type Reminder,
  type RulesOverride,
  type StoredProposalState,
} from '@congress/workflow';
import { desiredAnchors } from './reminder-anchors';

/** A small seeded generator, so that a failing walk can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;

/** A proposal driven through the pure machine, keeping the reminders its effects leave scheduled. */
class Walk {
  stored: StoredProposalState;
  now = Date.parse('2026-03-02T02:00:00.000Z');
  readonly scheduled = new Map<Reminder, string | null>();
  readonly seen = new Set<string>();

  constructor(rules: RulesOverride = {}) {
    this.stored = initialState(rules);
  }

  /** Applies the event if the machine takes it; checks desiredAnchors against the effects. */
  send(type: EventType, relation: Relation, days: number, extra: Record<string, unknown> = {}): boolean {
    this.now += days * DAY;
    const actor = { id: 'someone', roles: [], relations: [relation] };
    const event = { ...sampleEvent(type, actor, new Date(this.now).toISOString(), this.stored.context), ...extra } as ProposalEvent;
    const result = applyEvent(this.stored, event);
    if (!result.ok) return false;
    for (const e of result.effects) {
      if (e.kind === 'schedule') this.scheduled.set(e.reminder, e.anchor);
      if (e.kind === 'cancel') this.scheduled.delete(e.reminder);
    }
    this.stored = { value: result.value, context: result.context };
    const byEffects = Object.fromEntries([...this.scheduled].filter(([, a]) => typeof a === 'string'));
    expect({ after: `${type} → ${result.value}`, reminders: desiredAnchors(result.value, result.context) }).toEqual({
      after: `${type} → ${result.value}`,
      reminders: byEffects,
    });
    Object.keys(byEffects).forEach((k) => this.seen.add(`${result.value.split('.')[0]}:${k}`));
    return true;
  }
}

describe('desiredAnchors (what the reconciler and the processors expect) and the machine effects agree', () => {
  it('on random walks through the lifecycle', () => {
    const seen = new Set<string>();
    let steps = 0;
    for (let n = 0; n < 300; n++) {
      const random = rng(n + 1);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
      const walk = new Walk({
        leaderSignoff: random() < 0.3,
        committeeReplyCheck: random() < 0.3,
        delegationApproval: random() < 0.2,
        minCosigners: pick([0, 1, 2]),
      });
      for (let i = 0; i < 60; i++) {
        const types = acceptedEventTypes(walk.stored.value);
        if (!types.length) break;
        const type = pick(types);
        const extra: Record<string, unknown> = {};
        if (type === 'SUBMIT_REPLY' && random() < 0.5) extra.grade = 'B';
        if (extra.grade === 'B') extra.plannedAt = new Date(walk.now + 90 * DAY).toISOString();
        if (type === 'EVALUATE') extra.satisfaction = pick(['satisfied', 'basicallySatisfied', 'unsatisfied']);
        if (walk.send(type, pick(EVENT_POLICY[type]), pick([0.1, 1, 3, 10, 40]), extra)) steps++;
      }
      walk.seen.forEach((s) => seen.add(s));
    }
    expect(steps).toBeGreaterThan(1500);
    expect([...seen]).toEqual(
      expect.arrayContaining(['cosigning:cosignReminder', 'submitted:reviewOverdue', 'handling:handlingDue', 'replied:evaluationDeadline', 'closed:plannedDate']),
    );
  });

  it('through a grade-B reply that is disputed, handled again, disputed again and closed', () => {
    const w = new Walk({ minCosigners: 1 });
    const planned = () => ({ grade: 'B', content: 'planned', plannedAt: new Date(w.now + 90 * DAY).toISOString() });
    expect(w.send('SUBMIT', 'leadProposer', 0)).toBe(true);
    expect(w.send('COSIGN', 'invitedCosigner', 1)).toBe(true);
    expect(w.send('ACCEPT', 'committee', 1)).toBe(true);
    expect(w.send('CLASSIFY', 'committee', 1)).toBe(true);
    expect(w.send('ASSIGN', 'committee', 1)).toBe(true);
    expect(w.send('REQUEST_EXTENSION', 'leadDeptHandler', 1)).toBe(true);
    expect(w.send('APPROVE_EXTENSION', 'committee', 1)).toBe(true);
    expect(w.send('SUBMIT_REPLY', 'leadDeptHandler', 1, planned())).toBe(true);
    expect(w.send('APPROVE_REPLY', 'leadDeptHead', 1)).toBe(true);
    expect(w.send('EVALUATE', 'leadProposer', 1, { satisfaction: 'unsatisfied' })).toBe(true);
    expect(w.stored.value).toBe('disputed');
    expect(w.send('REHANDLE', 'committee', 1, { comment: 'again' })).toBe(true);
    expect(w.send('SUBMIT_REPLY', 'leadDeptHandler', 1, planned())).toBe(true);
    expect(w.send('APPROVE_REPLY', 'leadDeptHead', 1)).toBe(true);
    expect(w.send('EVALUATE', 'leadProposer', 1, { satisfaction: 'unsatisfied' })).toBe(true);
    expect(w.send('CLOSE', 'committee', 1, { reason: 'done what can be done' })).toBe(true);
    expect(w.send('FULFIL', 'committee', 100)).toBe(true);
    expect([...w.seen]).toEqual(expect.arrayContaining(['disputed:plannedDate', 'closed:plannedDate', 'handling:handlingDue']));
  });
});
