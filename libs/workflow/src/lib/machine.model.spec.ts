/**
 * Model-based tests: walk the machine's whole graph (xstate/graph) under several rule sets and compare it with
 * the lifecycle diagram of domain.md.
 */
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import { applyEvent, initialState, type StoredProposalState } from './engine';
import type { ProposalEvent } from './events';
import { guards, type GuardArgs } from './guards';
import { proposalMachine, type ProposalMachine } from './machine';
import type { RulesOverride } from './rules';
import { PROPOSAL_STATES, isFinalState, isTerminalState } from './states';
import { DIAGRAM, offeredEvents, serializeModelState, valueOf } from './testing/graph-model';

type Snapshot = SnapshotFrom<ProposalMachine>;

const CONFIGS: Record<string, RulesOverride> = {
  defaults: {},
  allStagesOn: { delegationApproval: true, leaderSignoff: true, committeeReplyCheck: true, requireConfirmedContact: true },
  noCosignersLeaderSignoff: { minCosigners: 0, leaderSignoff: true },
  committeeCheckTwoRehandles: { committeeReplyCheck: true, maxRehandle: 2 },
  noRehandle: { maxRehandle: 0 },
};

/** Every guard's results during a walk, by guard name. */
type GuardLog = Map<string, Set<boolean>>;

function recordingMachine(log: GuardLog) {
  const recording = Object.fromEntries(
    Object.entries(guards).map(([name, guard]) => [
      name,
      (args: GuardArgs, params: never) => {
        const result = (guard as (a: GuardArgs, p: never) => boolean)(args, params);
        if (!log.has(name)) log.set(name, new Set());
        log.get(name)?.add(result);
        return result;
      },
    ]),
  ) as unknown as typeof guards;
  return proposalMachine.provide({ guards: recording });
}

const fine = (rules: RulesOverride) => ({
  input: { rules },
  events: offeredEvents,
  serializeState: (s: Snapshot) => serializeModelState(s),
});


interface Walk {
  adjacency: AdjacencyMap<Snapshot, ProposalEvent>;
  guardLog: GuardLog;
}

type Vertex = AdjacencyValue<Snapshot, ProposalEvent>;
const edges = (vertex: Vertex) => Object.values(vertex.transitions) as Array<{ event: ProposalEvent; state: Snapshot }>;

const walks = new Map<string, Walk>();
function walk(name: string): Walk {
  const cached = walks.get(name);
  if (cached) return cached;
  const guardLog: GuardLog = new Map();
  const adjacency = getAdjacencyMap(recordingMachine(guardLog), fine(CONFIGS[name])) as AdjacencyMap<
    Snapshot,
    ProposalEvent
  >;
  const result = { adjacency, guardLog };
  walks.set(name, result);
  return result;
}

function reachedStates(name: string): Set<string> {
  const paths = getShortestPaths(proposalMachine, fine(CONFIGS[name]));
  return new Set(paths.map((p) => valueOf(p.state as Snapshot)));
}

function stateChanges(name: string): Set<string> {
  const changes = new Set<string>();
  for (const vertex of Object.values(walk(name).adjacency)) {
    for (const { event, state } of edges(vertex)) {
      const from = valueOf(vertex.state);
      const to = valueOf(state);
      if (from !== to) changes.add(`${from} ${event.type} ${to}`);
    }
  }
  return changes;
}

const OPTIONAL = ['delegationReview', 'handling.leaderSignoff', 'handling.committeeReplyCheck'];

describe('every state is reachable, and optional stages only when switched on', () => {
  it('with all optional stages on, every state of the lifecycle is reached', () => {
    expect([...reachedStates('allStagesOn')].sort()).toEqual([...PROPOSAL_STATES].sort());
  });

  it('under the default rules, every state but the optional stages is reached', () => {
    const expected = PROPOSAL_STATES.filter((s) => !OPTIONAL.includes(s));
    expect([...reachedStates('defaults')].sort()).toEqual([...expected].sort());
  });

  it('with no co-signers needed, SUBMIT goes straight to review: cosigning is never entered', () => {
    const reached = reachedStates('noCosignersLeaderSignoff');
    expect(reached.has('cosigning')).toBe(false);
    expect(reached.has('submitted')).toBe(true);
    expect(reached.has('handling.leaderSignoff')).toBe(true);
    expect(reached.has('handling.committeeReplyCheck')).toBe(false);
  });

  it('with the committee check alone, replies skip the leader', () => {
    const reached = reachedStates('committeeCheckTwoRehandles');
    expect(reached.has('handling.committeeReplyCheck')).toBe(true);
    expect(reached.has('handling.leaderSignoff')).toBe(false);
  });

  it.each(Object.keys(CONFIGS))('under %s, the shortest path to every state replays through the engine, policy included', (name) => {
    const paths = getShortestPaths(proposalMachine, fine(CONFIGS[name]));
    for (const path of paths) {
      let stored: StoredProposalState = initialState(CONFIGS[name]);
      for (const step of path.steps.slice(1)) {
        const result = applyEvent(stored, step.event);
        if (!result.ok) throw new Error(`${step.event.type} refused on the way to ${valueOf(path.state as Snapshot)}`);
        stored = { value: result.value, context: result.context };
      }
      expect(stored.value).toBe(valueOf(path.state as Snapshot));
    }
  });
});

describe('the machine matches the lifecycle diagram', () => {
  const taken = new Set(Object.keys(CONFIGS).flatMap((name) => [...stateChanges(name)]));

  it.each(DIAGRAM.map((t) => [t]))('takes %s', (transition) => {
    expect(taken).toContain(transition);
  });

  it('makes no state change the diagram does not have', () => {
    expect([...taken].filter((t) => !DIAGRAM.includes(t))).toEqual([]);
  });
});

describe('a proposal never gets stuck', () => {
  it.each(Object.keys(CONFIGS))('under %s, a terminal state is reachable from every reachable state', (name) => {
    const { adjacency } = walk(name);
    const predecessors = new Map<string, Set<string>>();
    for (const [key, vertex] of Object.entries(adjacency)) {
      for (const { state } of edges(vertex)) {
        const next = serializeModelState(state);
        if (!predecessors.has(next)) predecessors.set(next, new Set());
        predecessors.get(next)?.add(key);
      }
    }
    const canFinish = new Set(
      Object.entries(adjacency)
        .filter(([, v]) => isTerminalState(valueOf(v.state)))
        .map(([k]) => k),
    );
    const queue = [...canFinish];
    while (queue.length) {
      const key = queue.shift() as string;
      for (const p of predecessors.get(key) ?? []) {
        if (!canFinish.has(p)) {
          canFinish.add(p);
          queue.push(p);
        }
      }
    }
    const stuck = Object.entries(adjacency)
      .filter(([k]) => !canFinish.has(k))
      .map(([, v]) => valueOf(v.state));
    expect(stuck).toEqual([]);
  });

  it('final states take no event at all', () => {
    const { adjacency } = walk('defaults');
    for (const vertex of Object.values(adjacency)) {
      if (!isFinalState(valueOf(vertex.state))) continue;
      for (const { state } of edges(vertex)) {
        expect(serializeModelState(state)).toBe(serializeModelState(vertex.state));
      }
    }
  });
});

describe('guard coverage over the walks', () => {
  it('every guard is seen both true and false', () => {
    const seen = new Map<string, Set<boolean>>();
    for (const name of Object.keys(CONFIGS)) {
      for (const [guard, results] of walk(name).guardLog) {
        if (!seen.has(guard)) seen.set(guard, new Set());
        results.forEach((r) => seen.get(guard)?.add(r));
      }
    }
    const oneSided = Object.keys(guards).filter((g) => seen.get(g)?.size !== 2);
    expect(oneSided).toEqual([]);
  });
});
