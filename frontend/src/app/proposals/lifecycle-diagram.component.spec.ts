import { diagramOf } from './lifecycle-diagram.component';

describe('the lifecycle diagram', () => {
  it('marks the current state and the road already travelled', () => {
    const { road, exits } = diagramOf('accepted', ['draft', 'cosigning', 'submitted', 'accepted']);
    expect(road.filter((b) => b.current).map((b) => b.state)).toEqual(['accepted']);
    // this session asked for no delegation review: the diagram does not pretend it happened
    expect(road.filter((b) => b.passed).map((b) => b.state)).toEqual(['draft', 'cosigning', 'submitted']);
    expect(exits.map((b) => b.state)).toEqual(['disputed', 'rejected', 'merged', 'withdrawn']);
  });

  it('marks a handling sub-state inside handling', () => {
    const handling = diagramOf('handling.replyReview').road.find((b) => b.state === 'handling');
    expect(handling?.current).toBe(true);
    expect(handling?.children.filter((c) => c.current).map((c) => c.state)).toEqual(['handling.replyReview']);
  });

  it('marks an exit without marking the road', () => {
    const { road, exits } = diagramOf('rejected');
    expect(road.some((b) => b.current || b.passed)).toBe(false);
    expect(exits.find((b) => b.current)?.state).toBe('rejected');
  });
});
