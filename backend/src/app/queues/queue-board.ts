import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction, Request, Response } from 'express';
import { AuthUserService } from '../auth/auth-user.service';
import { AuthService } from '../auth/auth.service';
import { tokenOf } from '../auth/jwt-auth.guard';
import { QueueRegistry } from './queue-registry';

export const BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: the same JWT as the API (Bearer or the httpOnly cookie), the
 * user loaded afresh (inactive or revoked: 401), role admin (else 403). Mounted on the Express instance outside
 * the /api prefix; nothing is mounted in the worker process, which has no HTTP.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly log = new Logger('QueueBoard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: QueueRegistry,
    private readonly auth: AuthService,
    private readonly users: AuthUserService,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost?.httpAdapter;
    if (!http) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.registry.all().map((q) => new BullMQAdapter(q)),
      serverAdapter,
      options: { uiConfig: { boardTitle: '教代会提案 · queues' } },
    });
    const app = http.getInstance() as Application;
    app.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.admit(req).then(
        (problem) => (problem ? res.status(problem.statusCode).json(problem) : next()),
        (err: Error) => next(err),
      );
    });
    app.use(BOARD_PATH, serverAdapter.getRouter());
    this.log.log(`Bull Board at ${BOARD_PATH} (admins only)`);
  }

  /** null when the request comes from an active admin; else the 401/403 answer. */
  private async admit(req: Request): Promise<{ statusCode: 401 | 403; error: string; message: string } | null> {
    const token = tokenOf(req);
    const payload = token ? await this.auth.verify(token) : null;
    const user = payload ? await this.users.load(payload.sub) : null;
    if (!user || !user.active || user.tokenVersion !== payload?.token_version) {
      return { statusCode: 401, error: 'Unauthorized', message: 'Log in as an admin first' };
    }
    if (!user.roles.includes('admin')) return { statusCode: 403, error: 'Forbidden', message: 'The queue dashboard is for admins' };
    return null;
  }
}
