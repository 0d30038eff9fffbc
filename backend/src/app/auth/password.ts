import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id password hashes. The parameters travel inside each hash, so verification needs no settings:
 * production hashes use OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); `fast` ones (seeds for tests
 * only) use the minimum so a test run does not spend seconds hashing.
 */
const STANDARD = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const FAST = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string, opts: { fast?: boolean } = {}): Promise<string> {
  return argon2.hash(password, opts.fast ? FAST : STANDARD);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash of a random secret with the standard parameters: verified against when the username is unknown (or
 * has no password), so that an unknown user takes as long to refuse as a known one.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}
