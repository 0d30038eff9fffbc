import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthUserService, toAuthUser } from './auth-user.service';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

export const ACCESS_COOKIE = 'access_token';

/** The token of a request: `Authorization: Bearer …` first, else the httpOnly cookie. */
export function tokenOf(req: { headers: IncomingHttpHeaders; cookies?: Record<string, string | undefined> }): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (m) return m[1];
  }
  const cookie = req.cookies?.[ACCESS_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : undefined;
}

/**
 * Global guard (APP_GUARD): every route needs a login unless marked @Public(). The user is loaded on each
 * request; an unknown or inactive user, or a token_version that no longer matches (password changed,
 * sessions revoked), answers 401.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: AuthUserService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: unknown }>();
    const token = tokenOf(req);
    if (!token) throw new UnauthorizedException('Log in first');
    const verified = await this.auth.verifyWith(token, (sub) => this.users.load(sub));
    if (!verified) throw new UnauthorizedException('Your session has expired or ended; log in again');
    const { payload, loaded: user } = verified;
    if (!user || !user.active || user.tokenVersion !== payload.token_version) {
      throw new UnauthorizedException('Your session has expired or ended; log in again');
    }
    req.user = toAuthUser(user);
    return true;
  }
}
