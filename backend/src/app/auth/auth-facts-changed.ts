import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { finalize, Observable } from 'rxjs';
import { AuthUserService } from './auth-user.service';

/** After each non-GET request of the controller, this process forgets every user it kept in memory. */
@Injectable()
export class AuthFactsInterceptor implements NestInterceptor {
  constructor(private readonly users: AuthUserService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = ctx.switchToHttp().getRequest<{ method: string }>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(finalize(() => this.users.forgetAll()));
  }
}

/**
 * On a controller whose writes change what the guard knows of a user (roles, active, token_version, memberships,
 * leaders, delegation heads): after each of its writes, this process forgets the users it kept in memory, at
 * once (AuthUserService). Other replicas learn it from the database's notification. Only on these controllers,
 * so that the other routes do not pay for an interceptor.
 */
export const ChangesAuthFacts = () => UseInterceptors(AuthFactsInterceptor);
