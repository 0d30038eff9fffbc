import { FreshCoalescer } from './fresh-coalescer';

/** A computation the test finishes by hand; `started` counts how many began. */
function gate() {
  let started = 0;
  const finishers: ((v: number) => void)[] = [];
  const failers: ((e: Error) => void)[] = [];
  const work = () => {
    started++;
    const n = started;
    return new Promise<number>((resolve, reject) => {
      finishers.push(() => resolve(n));
      failers.push(reject);
    });
  };
  return { work, started: () => started, finish: (i: number) => finishers[i](0), fail: (i: number) => failers[i](new Error(`run ${i + 1} failed`)) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshCoalescer', () => {
  it('runs a lone request at once', async () => {
    const c = new FreshCoalescer<number>();
    const g = gate();
    const a = c.run('k', g.work);
    expect(g.started()).toBe(1);
    g.finish(0);
    await expect(a).resolves.toBe(1);
  });

  it('never answers a request with a computation that began before it; the ones arriving meanwhile share the next', async () => {
    const c = new FreshCoalescer<number>();
    const g = gate();
    const first = c.run('k', g.work);
    const second = c.run('k', g.work);
    const third = c.run('k', g.work);
    expect(g.started()).toBe(1);
    g.finish(0);
    await expect(first).resolves.toBe(1);
    await tick();
    // the second and third arrived while run 1 was going: they get run 2, started after they arrived
    expect(g.started()).toBe(2);
    const fourth = c.run('k', g.work); // arrives while run 2 goes: waits for run 3
    g.finish(1);
    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
    await tick();
    expect(g.started()).toBe(3);
    g.finish(2);
    await expect(fourth).resolves.toBe(3);
  });

  it('keeps keys apart', async () => {
    const c = new FreshCoalescer<number>();
    const g = gate();
    const a = c.run('a', g.work);
    const b = c.run('b', g.work);
    expect(g.started()).toBe(2);
    g.finish(0);
    g.finish(1);
    await expect(Promise.all([a, b])).resolves.toEqual([1, 2]);
  });

  it('gives a failure to the requests of that computation only, and the next one runs', async () => {
    const c = new FreshCoalescer<number>();
    const g = gate();
    const first = c.run('k', g.work);
    const second = c.run('k', g.work);
    g.fail(0);
    await expect(first).rejects.toThrow('run 1 failed');
    await tick();
    g.finish(1);
    await expect(second).resolves.toBe(2);
    // nothing left behind: a later request starts at once
    const later = c.run('k', g.work);
    expect(g.started()).toBe(3);
    g.finish(2);
    await expect(later).resolves.toBe(3);
  });
});
