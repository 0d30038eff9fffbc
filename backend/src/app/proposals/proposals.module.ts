import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { DraftGuard } from './draft-guard';
import { DraftsService } from './drafts.service';
import { ProposalDetailService } from './proposal-detail.service';
import { ProposalListService } from './proposal-list.service';
import { ProposalRequestsController } from './proposal-requests.controller';
import { ProposalRequestsService } from './proposal-requests.service';
import { ProposalsController } from './proposals.controller';
import { SimilarService } from './similar.service';

/** 提案: drafts, list and search, detail and history, similar proposals; events go through WorkflowService. */
@Module({
  imports: [WorkflowModule],
  controllers: [ProposalsController, ProposalRequestsController],
  providers: [DraftsService, DraftGuard, ProposalListService, ProposalDetailService, SimilarService, ProposalRequestsService],
  exports: [ProposalDetailService],
})
export class ProposalsModule {}
