import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { ProposalRequestPageDto, ProposalRequestQueryDto } from './dto/request-query.dto';
import { ProposalRequestsService } from './proposal-requests.service';

/** 延期与改派申请: the departments' requests, listed for deciding (committee) or following (departments). */
@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposal-requests')
export class ProposalRequestsController {
  constructor(private readonly requests: ProposalRequestsService) {}

  @Get()
  @ApiOperation({
    summary: 'Extension and reassignment requests (pending by default): all for the committee, its own for a department',
  })
  @ApiOkResponse({ type: ProposalRequestPageDto })
  @ApiForbiddenResponse({ description: 'Neither committee nor department staff' })
  async index(@CurrentUser() user: AuthUser, @Query() query: ProposalRequestQueryDto): Promise<ProposalRequestPageDto> {
    return this.requests.list(user, query);
  }
}
