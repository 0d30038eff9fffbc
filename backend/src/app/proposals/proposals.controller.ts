import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { WorkflowService } from '../workflow/workflow.service';
import { CreateProposalDto, ExpectedVersionQueryDto, InviteCosignersDto, UpdateProposalDto } from './dto/draft.dto';
import { EVENT_DTOS } from './dto/event.dto';
import { ProposalListQueryDto, SimilarQueryDto } from './dto/list-query.dto';
import { HistoryEntryDto, ProposalDetailDto, ProposalPageDto, SimilarProposalDto } from './dto/proposal-response.dto';
import { validateEventBody } from './dto/validate-body';
import { DraftsService } from './drafts.service';
import { ProposalDetailService } from './proposal-detail.service';
import { JSON_CONTENT_TYPE, ProposalListService } from './proposal-list.service';
import { SimilarService } from './similar.service';

const EVENT_BODY_SCHEMA = {
  oneOf: EVENT_DTOS.map((d) => ({ $ref: getSchemaPath(d) })),
  discriminator: { propertyName: 'type' },
};

/** 提案: drafts, the list, the detail, the history, and the one door for lifecycle events. */
@ApiTags('proposals')
@ApiBearerAuth()
@ApiExtraModels(...EVENT_DTOS)
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly list: ProposalListService,
    private readonly details: ProposalDetailService,
    private readonly similar: SimilarService,
    private readonly workflow: WorkflowService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a draft (delegates); background and suggestion minimums are checked at SUBMIT' })
  @ApiCreatedResponse({ type: ProposalDetailDto })
  @ApiBadRequestResponse({ description: 'Field messages' })
  @ApiForbiddenResponse({ description: 'Not a delegate' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateProposalDto): Promise<ProposalDetailDto> {
    const id = await this.drafts.create(user, dto);
    return this.details.detail(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Proposals the caller may see, filtered, paged and sorted' })
  @ApiOkResponse({ type: ProposalPageDto })
  @Header('content-type', JSON_CONTENT_TYPE)
  async index(@CurrentUser() user: AuthUser, @Query() query: ProposalListQueryDto): Promise<string> {
    // a ProposalPageDto as JSON text, its items built by PostgreSQL (proposal-list.service.ts)
    return this.list.list(user, query);
  }

  @Get('similar')
  @ApiOperation({ summary: 'Proposals of all sessions similar to a title being typed, with their replies' })
  @ApiOkResponse({ type: [SimilarProposalDto] })
  async similarToTitle(@CurrentUser() user: AuthUser, @Query() query: SimilarQueryDto): Promise<SimilarProposalDto[]> {
    return this.similar.forTitle(user, query.title, query.sessionId, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One proposal with its records and the events the caller may send now' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiNotFoundResponse({ description: 'No such proposal, or not one the caller may see' })
  async show(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ProposalDetailDto> {
    return this.details.detail(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft (its lead proposer only)' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiForbiddenResponse({ description: 'Not the lead proposer' })
  @ApiConflictResponse({ description: 'Stale expectedVersion (with currentVersion), or no longer a draft' })
  async update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateProposalDto): Promise<ProposalDetailDto> {
    await this.drafts.update(user, id, dto);
    return this.details.detail(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft that was never submitted (its lead proposer only)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Stale version, not a draft, or submitted before' })
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() q: ExpectedVersionQueryDto): Promise<void> {
    await this.drafts.remove(user, id, Number(q.expectedVersion));
  }

  @Post(':id/cosigners')
  @HttpCode(200)
  @ApiOperation({ summary: 'Invite delegates to co-sign a draft' })
  @ApiOkResponse({ type: ProposalDetailDto })
  async invite(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: InviteCosignersDto): Promise<ProposalDetailDto> {
    await this.drafts.inviteCosigners(user, id, dto.userIds, dto.expectedVersion);
    return this.details.detail(user, id);
  }

  @Delete(':id/cosigners/:userId')
  @ApiOperation({ summary: 'Remove a co-signer from a draft' })
  @ApiOkResponse({ type: ProposalDetailDto })
  async uninvite(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Query() q: ExpectedVersionQueryDto,
  ): Promise<ProposalDetailDto> {
    await this.drafts.removeCosigner(user, id, userId, Number(q.expectedVersion));
    return this.details.detail(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The append-only, hash-chained history of the proposal, oldest first' })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiNotFoundResponse({ description: 'No such proposal, or not one the caller may see' })
  async history(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HistoryEntryDto[]> {
    return this.details.historyOf(user, id);
  }

  @Get(':id/similar')
  @ApiOperation({ summary: 'Proposals of all sessions similar to this one, with their replies' })
  @ApiOkResponse({ type: [SimilarProposalDto] })
  async similarTo(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SimilarProposalDto[]> {
    return this.similar.forProposal(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a lifecycle event: {type, expectedVersion, ...payload}',
    description:
      'The one door for every event of the lifecycle. 400: bad payload (field messages); 403: not yours to send; ' +
      '404: not a proposal you may see; 409: stale expectedVersion (with currentVersion) or an event the state ' +
      'does not take (with state and accepts).',
  })
  @ApiBody({ schema: EVENT_BODY_SCHEMA })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The updated proposal' })
  @ApiBadRequestResponse({ description: 'Field messages' })
  @ApiForbiddenResponse({ description: 'Not yours to send' })
  @ApiNotFoundResponse({ description: 'No such proposal, or not one the caller may see' })
  @ApiConflictResponse({ description: '{message, currentVersion} or {message, state, accepts}' })
  async send(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<ProposalDetailDto> {
    const event = validateEventBody(body);
    await this.workflow.apply(id, event, user);
    return this.details.detail(user, id);
  }
}
