import { DynamicModule, Module, RequestMethod, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
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
import { rootLogger } from './request-log';
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

export function loggerModule(config: AppConfig, logger = rootLogger(config)) {
  return LoggerModule.forRoot({
    // the logger of requestLog (create-app.ts), which sets each request's child logger as pino-http would
    pinoHttp: { logger },
    useExisting: true,
    // Nest 11's path syntax; nestjs-pino's default ('*') draws a deprecation warning at every start
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
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
