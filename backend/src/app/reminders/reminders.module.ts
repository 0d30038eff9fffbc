import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DeadlineSweeps } from './deadline-sweeps';
import { OutboxRelay } from './outbox-relay.service';
import { Reconciler } from './reconciler.service';
import { ReminderSync } from './reminder-sync.service';
import { RemindersProcessor } from './reminders.processor';

/**
 * Deadlines and reminders (docs/reminders.md): the outbox relay, the reminder plan and its sync, the processor
 * of the `reminders` queue (deadlines go back through WorkflowService) and the reconciler. Reminders import the
 * workflow, never the reverse.
 */
@Module({
  imports: [WorkflowModule, OrganisationModule, NotificationsModule],
  providers: [ReminderSync, DeadlineSweeps, OutboxRelay, Reconciler, RemindersProcessor],
  exports: [OutboxRelay, Reconciler],
})
export class RemindersModule {}
