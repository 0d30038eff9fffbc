import type { Me } from '@congress/api-types';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * The signed-in user as every request sees it (`@CurrentUser()`), current on each request so that a role change,
 * a deactivation or a revoked session takes effect at once (AuthUserService). The lifecycle builds the workflow's
 * actor facts from it:
 * - departmentIds: departments the user works for as handler or head;
 * - headOfDepartmentIds: departments the user heads (dept_head);
 * - leaderOfDepartmentIds: departments in the user's charge as leader (分管校领导);
 * - headOfDelegationIds: delegations the user heads (代表团团长); delegationId: the user's own delegation.
 */
export type AuthUser = Me;

/** AuthUser plus what the guard checks. */
export interface LoadedUser extends AuthUser {
  active: boolean;
  tokenVersion: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  roles: Me['roles'];
  language: Me['language'];
  delegation_id: string | null;
  active: boolean;
  token_version: number;
  department_ids: string[];
  head_of_department_ids: string[];
  leader_of_department_ids: string[];
  head_of_delegation_ids: string[];
}

const SQL = `
  SELECT u.id, u.username, u.display_name, u.email, u.phone, u.roles, u.language, u.delegation_id,
         u.active, u.token_version,
         ARRAY(SELECT DISTINCT m.department_id::text FROM department_members m WHERE m.user_id = u.id
               ORDER BY 1) AS department_ids,
         ARRAY(SELECT m.department_id::text FROM department_members m WHERE m.user_id = u.id AND m.role = 'head'
               ORDER BY 1) AS head_of_department_ids,
         ARRAY(SELECT d.id::text FROM departments d WHERE d.leader_id = u.id ORDER BY 1) AS leader_of_department_ids,
         ARRAY(SELECT g.id::text FROM delegations g WHERE g.head_id = u.id ORDER BY 1) AS head_of_delegation_ids
    FROM users u
   WHERE u.id = $1`;

/** How many users the memory holds at most (the oldest is dropped first), and for how long one entry may serve. */
const CACHE_MAX = 10_000;
const CACHE_MAX_AGE_MS = 60_000;
/** The channel the triggers of migration 1765200000000 notify on. */
const CHANNEL = 'auth_facts';
const RECONNECT_MS = 1000;

/**
 * Loads the signed-in user's facts for every request. They are kept in memory between requests, which saves a
 * round trip to PostgreSQL on each one, but only while this process LISTENs on `auth_facts`: triggers on users,
 * department_members, departments (leader) and delegations (head) notify the affected user's id on commit
 * (migration 1765200000000), whoever made the change and in whichever replica, and the entry is dropped.
 * - No listener (not yet connected, connection lost, or turned off): every request reads PostgreSQL, as before.
 *   Losing the listener also empties the memory, since notifications may have been missed.
 * - A load that overlapped a notification is not kept (a generation count), so a read from before a change never
 *   outlives the change's notification.
 * - A change made through this process is dropped at once by `forgetAll()` (`@ChangesAuthFacts()` on the admin
 *   users, roster, departments and delegations controllers and on /api/me), without waiting for its notification;
 *   and the loads right after a change of one's own (login, password, language) read PostgreSQL (`fresh`).
 * - Entries also expire after a minute, as a last resort.
 * Off when AUTH_USER_CACHE=off, and with embedded PostgreSQL (DB_POOL_MAX=1: it takes one connection at a time).
 */
@Injectable()
export class AuthUserService implements OnApplicationShutdown {
  private readonly log = new Logger(AuthUserService.name);
  private readonly cache = new Map<string, { user: LoadedUser; at: number }>();
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private starting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get enabled(): boolean {
    return this.config.authUserCache && this.config.dbPoolMax > 1;
  }

  /** Whether loads are served from memory now (the tests ask). */
  get caching(): boolean {
    return this.listening;
  }

  /** The user's facts; `fresh` reads PostgreSQL whatever memory holds (right after this process changed them). */
  async load(id: string, options: { fresh?: boolean } = {}): Promise<LoadedUser | null> {
    if (!UUID.test(id)) return null;
    if (this.listening) {
      const hit = options.fresh ? undefined : this.cache.get(id);
      if (hit && Date.now() - hit.at < CACHE_MAX_AGE_MS) return hit.user;
    } else if (this.enabled && !this.starting && !this.retry && !this.stopped) {
      // (re)connect the listener in the background; this load reads PostgreSQL meanwhile
      this.starting = this.listen().finally(() => (this.starting = null));
    }
    const generation = this.generation;
    const rows = (await this.db.query(SQL, [id])) as Row[];
    const r = rows[0];
    if (!r) return null;
    const user: LoadedUser = {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
      phone: r.phone,
      roles: r.roles,
      language: r.language,
      delegationId: r.delegation_id,
      departmentIds: r.department_ids,
      headOfDepartmentIds: r.head_of_department_ids,
      leaderOfDepartmentIds: r.leader_of_department_ids,
      headOfDelegationIds: r.head_of_delegation_ids,
      active: r.active,
      tokenVersion: r.token_version,
    };
    if (this.listening && generation === this.generation) {
      if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(id, { user, at: Date.now() });
    }
    return user;
  }

  /** Drops one user (a notification) and makes loads in flight not keep what they read. */
  forget(id: string): void {
    this.generation++;
    this.cache.delete(id);
  }

  /** Drops everyone: a change made in this process, or the listener lost. */
  forgetAll(): void {
    this.generation++;
    this.cache.clear();
  }

  private async listen(): Promise<void> {
    const pool = (this.db.driver as unknown as { master: { options: ClientConfig } }).master;
    const client = new Client({ ...pool.options, keepAlive: true });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.forgetAll();
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(`user facts are read on every request until the listener is back: ${why}`);
      this.retry = setTimeout(() => {
        this.retry = null;
      }, RECONNECT_MS);
      this.retry.unref();
    };
    this.listener = client;
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection closed'));
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.forget(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.listener !== client || this.stopped) return;
      this.forgetAll();
      this.listening = true;
    } catch (err) {
      lost((err as Error).message);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    if (client) await client.end().catch(() => undefined);
  }
}

/** The public part of a loaded user (what /api/me answers). */
export function toAuthUser(u: LoadedUser): AuthUser {
  const { active: _active, tokenVersion: _tokenVersion, ...rest } = u;
  return rest;
}
