import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ClockModule } from './clock';
import { EventEnricher } from './event-enricher';
import { HistoryService } from './history.service';
import { MergeTarget } from './merge-target';
import { NumberingService } from './numbering.service';
import { SideRecords } from './side-records';
import { WorkflowService } from './workflow.service';

/**
 * The lifecycle's engine room: WorkflowService (the only code that changes a proposal's state), the history
 * and its verification, numbering, and the CLOCK (global) every `now` comes from.
 */
@Module({
  imports: [ClockModule, OrganisationModule, OutboxModule],
  providers: [WorkflowService, HistoryService, NumberingService, EventEnricher, SideRecords, MergeTarget],
  exports: [WorkflowService, HistoryService],
})
export class WorkflowModule {}
