/**
 * The queues (BullMQ, under the REDIS_PREFIX):
 * - `notices`: a notice of the workflow to deliver now (one job per outbox `notify` row);
 * - `reminders`: delayed reminders and the deadline jobs that move a state (one job per occurrence);
 * - `mail`: one e-mail of the delivery log to send, retried with backoff.
 */
export const QUEUE_NAMES = ['notices', 'reminders', 'mail'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Resolves within `ms` or rejects: a Redis call must never hold the relay or a health check while Redis is down. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`${what}: no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** Calls `log` at most once per `everyMs` (an outage must not flood the log). */
export function throttled(log: (message: string) => void, everyMs = 60_000): (message: string) => void {
  let last = 0;
  return (message) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    log(message);
  };
}
