import type { Role } from '@congress/api-types';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from './auth-user.service';
import { ROLES_KEY } from './roles.decorator';

/** Global guard after JwtAuthGuard: a route marked @Roles(...) needs one of them. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!needed?.length) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (user && needed.some((r) => user.roles.includes(r))) return true;
    throw new ForbiddenException(`This needs the role ${needed.join(' or ')}`);
  }
}
