import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.service';
import { type UploadedFileInfo, uploadedFileOf } from '../uploads/multipart-file';
import { AdminAuditService } from './admin-audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ADMIN_PREFIX = '/api/admin/';

/**
 * On every admin controller (AdminApi): every write under /api/admin/ that succeeds is recorded in
 * `admin_audit` once the handler has answered. Failed attempts (400, 403, 409 …) throw and are not recorded.
 */
@Injectable()
export class AdminAuditInterceptor implements NestInterceptor {
  private readonly log = new Logger(AdminAuditInterceptor.name);

  constructor(private readonly audit: AdminAuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const path = req.originalUrl.split('?')[0];
    if (!WRITES.has(req.method) || !path.startsWith(ADMIN_PREFIX)) return next.handle();
    // the entry is written before the answer goes out, so that a client reading the log right after sees it
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const user = req.user;
        if (!user) return result;
        const res = ctx.switchToHttp().getResponse<FastifyReply>();
        const body = { ...(isObject(req.body) ? req.body : {}), ...fileInfo(uploadedFileOf(req)), ...queryOf(req) };
        const params = req.params as Record<string, string | undefined>;
        const targetId = params.id ?? (isObject(result) && typeof result.id === 'string' ? result.id : null);
        try {
          await this.audit.record({ actorId: user.id, method: req.method, path, targetId, body, status: res.statusCode });
        } catch (err) {
          // the change is committed already; losing its audit entry must be loud, not turn a success into a 500
          this.log.error(`could not write the admin audit entry for ${req.method} ${path}: ${(err as Error).message}`);
        }
        return result;
      }),
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The file of an upload (a multipart request's file is not in its body), by name and size. */
function fileInfo(file: UploadedFileInfo | undefined) {
  return file ? { file: { name: file.name, size: file.size } } : {};
}

function queryOf(req: FastifyRequest) {
  return isObject(req.query) && Object.keys(req.query).length ? { query: req.query } : {};
}
