import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthUserService } from '../auth/auth-user.service';
import { AuthService } from '../auth/auth.service';
import { tokenOf } from '../auth/jwt-auth.guard';
import { QueueRegistry } from './queue-registry';

export const BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: the same JWT as the API (Bearer or the httpOnly cookie), the
 * user loaded afresh (inactive or revoked: 401), role admin (else 403). Registered on the Fastify instance outside
 * the /api prefix, in a plugin of its own whose `onRequest` hook admits every request under the path, the board's
 * pages, API and files as well as paths it does not have (404 for an admin only). The board's plugin brings
 * @fastify/static and @fastify/view (ejs) into that plugin only. Nothing is mounted in the worker process, which
 * has no HTTP.
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

  /**
   * Runs within `app.init()`, before Fastify is ready: the plugin is queued now and loaded with the others, after
   * the hooks and plugins registered on the instance before `init()` (helmet's headers, the cookies, CSRF), which
   * its requests pass first.
   */
  onModuleInit(): void {
    const http = this.adapterHost?.httpAdapter;
    if (!http || http.getType() !== 'fastify') return;
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.registry.all().map((q) => new BullMQAdapter(q)),
      serverAdapter,
      options: { uiConfig: { boardTitle: '教代会提案 · queues' } },
    });
    const board = serverAdapter.registerPlugin();
    void http.getInstance<FastifyInstance>().register(
      async (scope: FastifyInstance) => {
        scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
          const problem = await this.admit(req);
          if (problem) return reply.code(problem.statusCode).send(problem);
        });
        await scope.register(board);
        // anything else under the path: admitted first like the rest (no answer of the frontend's there)
        scope.all('/*', async (req: FastifyRequest, reply: FastifyReply) =>
          reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Cannot ${req.method} ${req.url.split('?')[0]}` }),
        );
      },
      { prefix: BOARD_PATH },
    );
    this.log.log(`Bull Board at ${BOARD_PATH} (admins only)`);
  }

  /** null when the request comes from an active admin; else the 401/403 answer. */
  private async admit(req: FastifyRequest): Promise<{ statusCode: 401 | 403; error: string; message: string } | null> {
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
