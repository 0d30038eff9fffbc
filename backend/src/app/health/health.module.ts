import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DependencyUnavailableFilter } from './dependency-unavailable.filter';
import { HealthController } from './health.controller';
import { ShutdownState } from './shutdown-state';

/** /api/health (live, ready), the 503 answer when PostgreSQL or Redis cannot be reached, the shutdown state. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [ShutdownState, { provide: APP_FILTER, useClass: DependencyUnavailableFilter }],
  exports: [ShutdownState],
})
export class HealthModule {}
