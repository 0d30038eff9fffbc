import { DynamicModule, Module, RequestMethod, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions } from '../database/data-source';
import { AccountsModule } from './accounts/accounts.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { OutboxModule } from './outbox/outbox.module';
import { ProposalsModule } from './proposals/proposals.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { RemindersModule } from './reminders/reminders.module';
import { WorkflowModule } from './workflow/workflow.module';
import { ReportsModule } from './reports/reports.module';
import { PublicModule } from './public/public.module';
import { ExportsModule } from './exports/exports.module';
import { SecurityModule } from './security/security.module';

/** Feature modules that both the HTTP app and the worker load. */
export function featureModules(): Array<DynamicModule | Type> {
  return [
    HealthModule,
    AuthModule,
    AccountsModule,
    OrganisationModule,
    OutboxModule,
    WorkflowModule,
    ProposalsModule,
    AttachmentsModule,
    QueuesModule,
    MailModule,
    NotificationsModule,
    RemindersModule,
    ReportsModule,
    PublicModule,
    ExportsModule,
  ];
}

export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    // Nest 11's path syntax; nestjs-pino's default ('*') draws a deprecation warning at every start
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      customProps: () => ({ service: 'congress-api' }),
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    },
  });
}

@Module({})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        loggerModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), retryAttempts: 2, retryDelay: 1000 }),
        RedisModule,
        ...featureModules(),
        // HTTP only: the admin audit log (the worker has no HTTP)
        SecurityModule,
      ],
      // every route needs a login unless @Public(); then @Roles(...) where given (app/auth)
      providers: [
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
      ],
    };
  }
}
