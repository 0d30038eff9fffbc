import { passwordProblem } from '@congress/api-types';
import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { fieldError } from '../organisation/versioned-update';
import { AuthUser, AuthUserService, LoadedUser, toAuthUser } from './auth-user.service';
import { LoginThrottleService } from './login-throttle.service';
import { LogoutListService } from './logout-list.service';
import { dummyHash, hashPassword, verifyPassword } from './password';

/** What our JWTs carry: the user, the user's token_version when issued (bumped = revoked), a token id. */
export interface TokenPayload {
  sub: string;
  token_version: number;
  jti: string;
  exp: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
  user: AuthUser;
}

export const WRONG_CREDENTIALS = 'Wrong username or password';

/** How many verified tokens AuthService remembers (the oldest is forgotten first). */
const VERIFIED_MAX = 10_000;

@Injectable()
export class AuthService {
  private readonly log = new Logger(AuthService.name);
  private readonly verified = new Map<string, TokenPayload>();

  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly users: AuthUserService,
    private readonly throttle: LoginThrottleService,
    private readonly logouts: LogoutListService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Local password login. Throws LoginThrottled (→ 429) or 401; the hash work is done for unknown users too. */
  async login(username: string, password: string, address: string): Promise<IssuedToken> {
    await this.throttle.assertAllowed(username, address);
    const rows = (await this.db.query(
      `SELECT id, password_hash, active, token_version FROM users WHERE lower(username) = lower($1)`,
      [username.trim()],
    )) as { id: string; password_hash: string | null; active: boolean; token_version: number }[];
    const row = rows[0];
    const matches = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
    if (!row || !row.password_hash || !matches) {
      await this.throttle.recordFailure(username, address);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    if (!row.active) throw new UnauthorizedException('This account is disabled; ask the system administrator');
    await this.throttle.recordSuccess(username);
    const user = await this.users.load(row.id, { fresh: true });
    if (!user) throw new UnauthorizedException(WRONG_CREDENTIALS);
    return this.issue(user);
  }

  async issue(user: LoadedUser): Promise<IssuedToken> {
    const payload = { sub: user.id, token_version: user.tokenVersion, jti: randomUUID() };
    const accessToken = await this.jwt.signAsync(payload);
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString();
    return { accessToken, expiresAt, user: toAuthUser(user) };
  }

  /** The payload of a valid, unexpired, not logged-out token, else null. */
  async verify(token: string): Promise<TokenPayload | null> {
    return (await this.verifyWith(token, async () => true))?.payload ?? null;
  }

  /**
   * verify() with `load(sub)` run beside the logout check (each answered from memory when it can, else by Redis and
   * PostgreSQL at the same time): null for a bad, expired or logged-out token, else the payload and what `load`
   * gave.
   */
  async verifyWith<T>(token: string, load: (sub: string) => Promise<T>): Promise<{ payload: TokenPayload; loaded: T } | null> {
    const payload = await this.checkSignature(token);
    if (!payload) return null;
    const [loggedOut, loaded] = await Promise.all([payload.jti ? this.logouts.has(payload.jti) : false, load(payload.sub)]);
    return loggedOut ? null : { payload, loaded };
  }

  /**
   * The payload of a well-signed, unexpired token, else null. A token whose signature was checked is remembered
   * (by its whole text, until it expires; at most VERIFIED_MAX), so that the same token on the next requests
   * costs a lookup instead of an HMAC and two JSON parses.
   */
  private async checkSignature(token: string): Promise<TokenPayload | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Math.floor(Date.now() / 1000)) return known;
      this.verified.delete(token);
      return null;
    }
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.token_version !== 'number' || typeof payload.exp !== 'number') return null;
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, payload);
    return payload;
  }

  /** Logout: the token stops working even if someone kept a copy (the logout list, until it expires). */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const payload = await this.verify(token);
    if (!payload?.jti) return;
    try {
      await this.logouts.add(payload.jti, payload.exp);
    } catch (err) {
      this.log.warn(`could not record a logout: ${(err as Error).message}`);
    }
  }

  /** Changes the caller's password (policy checked), ends every other session and issues a new token. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<IssuedToken> {
    const rows = (await this.db.query(`SELECT username, password_hash FROM users WHERE id = $1`, [userId])) as {
      username: string;
      password_hash: string | null;
    }[];
    const row = rows[0];
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
      throw fieldError('currentPassword', 'The current password is wrong');
    }
    const problem = passwordProblem(newPassword, row.username);
    if (problem) throw fieldError('newPassword', `The new password ${problem}`);
    await this.setPassword(userId, newPassword);
    const user = await this.users.load(userId, { fresh: true });
    if (!user) throw new UnauthorizedException();
    return this.issue(user);
  }

  /** Sets a password and bumps token_version (every existing session of the user ends). */
  async setPassword(userId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [userId, hash],
    );
  }
}
