import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobLedger } from './job-ledger';
import { QueueBoard } from './queue-board';
import { QueueRegistry } from './queue-registry';
import { QueueStats } from './queue-stats';
import { QueueWorkers } from './queue-workers';

/**
 * BullMQ plumbing shared by reminders, notifications and mail: the queues (producers), the worker host
 * (consumers, per WORKER_MODE), the job ledger in PostgreSQL, queue figures for /api/health, and Bull Board.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [QueueRegistry, QueueWorkers, JobLedger, QueueStats, QueueBoard],
  exports: [QueueRegistry, QueueWorkers, JobLedger, QueueStats],
})
export class QueuesModule {}
