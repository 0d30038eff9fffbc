import { DeadlineSweeps } from './deadline-sweeps';

describe('DeadlineSweeps: the relay waits for the sweeps of its process, for a while at most', () => {
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    return done;
  };

  it('is quiet at once when nothing sweeps', async () => {
    expect(await settled(new DeadlineSweeps().quiet(10_000))).toBe(true);
  });

  it('is quiet when the last of overlapping sweeps ends, with their results and errors passed on', async () => {
    const sweeps = new DeadlineSweeps();
    let endFirst!: (v: number) => void;
    let failSecond!: (e: Error) => void;
    const first = sweeps.during(() => new Promise<number>((r) => (endFirst = r)));
    const second = sweeps.during(() => new Promise<number>((_, reject) => (failSecond = reject)));
    const quiet = sweeps.quiet(10_000);
    expect(await settled(quiet)).toBe(false);
    endFirst(200);
    expect(await first).toBe(200);
    expect(await settled(quiet)).toBe(false);
    failSecond(new Error('deadlock detected'));
    await expect(second).rejects.toThrow('deadlock detected');
    expect(await settled(quiet)).toBe(true);
  });

  it('stops waiting after maxMs when a sweep goes on', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const sweeps = new DeadlineSweeps();
      void sweeps.during(() => new Promise<void>(() => undefined));
      const quiet = sweeps.quiet(2000);
      jest.advanceTimersByTime(1999);
      expect(await settled(quiet)).toBe(false);
      jest.advanceTimersByTime(1);
      expect(await settled(quiet)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
