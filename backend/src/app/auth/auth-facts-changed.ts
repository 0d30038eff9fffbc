import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { AuthUserService } from './auth-user.service';

const CHANGES_AUTH_FACTS = 'changesAuthFacts';

/**
 * On a controller whose writes change what the guard knows of a user (roles, active, token_version, memberships,
 * leaders, delegation heads): after each of its non-GET requests, this process forgets every user it kept in
 * memory, at once. Other replicas learn it from the database's notification (AuthUserService).
 */
export const ChangesAuthFacts = () => applyDecorators(SetMetadata(CHANGES_AUTH_FACTS, true));

/** Global interceptor (APP_INTERCEPTOR) behind @ChangesAuthFacts(). */
@Injectable()
export class AuthFactsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: AuthUserService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const method = ctx.switchToHttp().getRequest<Request>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    if (!this.reflector.getAllAndOverride<boolean>(CHANGES_AUTH_FACTS, [ctx.getHandler(), ctx.getClass()])) return next.handle();
    return next.handle().pipe(finalize(() => this.users.forgetAll()));
  }
}
