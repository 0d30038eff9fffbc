/**
 * Identical reads asked at the same time, computed once — without ever answering a request with a computation
 * that began before it arrived. Per key: while one computation runs, the requests that arrive wait for the NEXT
 * one, which starts when the running one ends and serves all of them. So every answer reflects at least what was
 * committed when its request arrived (a write that finished before the request is seen), while under load a key
 * is computed at most twice per computation time instead of once per request.
 */
export class FreshCoalescer<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly next = new Map<string, Promise<V>>();

  run(key: string, work: () => Promise<V>): Promise<V> {
    const queued = this.next.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key, work);
    const after = current.then(
      () => undefined,
      () => undefined,
    );
    const mine = after.then(() => {
      this.next.delete(key);
      return this.start(key, work);
    });
    this.next.set(key, mine);
    return mine;
  }

  private start(key: string, work: () => Promise<V>): Promise<V> {
    const p = work().finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }
}
