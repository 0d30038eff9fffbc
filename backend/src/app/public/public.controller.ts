import type {
  Page,
  PublicFiguresReport,
  PublicProposal,
  PublicProposalSummary,
  PublicResponseTimeRow,
  PublicSession,
} from '@congress/api-types';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_FIGURES_SCHEMA } from '../reports/figures.schema';
import { Public } from '../auth/public.decorator';
import { SessionQueryDto } from '../reports/dto/reports-query.dto';
import { FiguresService } from '../reports/figures.service';
import { PublicProposalQueryDto } from './dto/public-query.dto';
import { PublicProposalDto, PublicProposalPageDto, PublicResponseTimeRowDto, PublicSessionDto } from './dto/public-response.dto';
import { PublicProposalsService } from './public-proposals.service';

const EVERYONE = { departmentIds: null };

/** 信息公开: the public portal's API. No login; only published proposals and aggregate figures. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly proposals: PublicProposalsService,
    private readonly figures: FiguresService,
  ) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Congress sessions, newest first, with how many proposals are published' })
  @ApiOkResponse({ type: [PublicSessionDto] })
  sessions(): Promise<PublicSession[]> {
    return this.proposals.sessions();
  }

  @Get('proposals')
  @ApiOperation({ summary: 'Published proposals, searched and filtered, paged' })
  @ApiOkResponse({ type: PublicProposalPageDto })
  list(@Query() q: PublicProposalQueryDto): Promise<Page<PublicProposalSummary>> {
    return this.proposals.list(q);
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: 'One published proposal with its approved replies and evaluation result' })
  @ApiOkResponse({ type: PublicProposalDto })
  @ApiNotFoundResponse({ description: 'No such proposal, or not published' })
  detail(@Param('id') id: string): Promise<PublicProposal> {
    return this.proposals.detail(id);
  }

  @Get('figures')
  @ApiOperation({ summary: 'The figures of a session (the current one by default): totals, per category, per department' })
  @ApiOkResponse({ schema: PUBLIC_FIGURES_SCHEMA })
  async sessionFigures(@Query() q: SessionQueryDto): Promise<PublicFiguresReport> {
    const [byCategory, byDepartment] = await Promise.all([
      this.figures.figures(q.sessionId, 'category', EVERYONE),
      this.figures.figures(q.sessionId, 'department', EVERYONE),
    ]);
    return {
      session: byCategory.session,
      generatedAt: byCategory.generatedAt,
      total: byCategory.total,
      byCategory: byCategory.groups,
      byDepartment: byDepartment.groups,
    };
  }

  @Get('departments/response-times')
  @ApiOperation({ summary: 'Per department: median days to reply, replied on time, overdue now, satisfaction' })
  @ApiOkResponse({ type: [PublicResponseTimeRowDto] })
  async responseTimes(@Query() q: SessionQueryDto): Promise<PublicResponseTimeRow[]> {
    const report = await this.figures.figures(q.sessionId, 'department', EVERYONE);
    return report.groups
      .filter((g): g is typeof g & { id: string; name: string } => g.id !== null && g.name !== null)
      .map((g) => ({
        departmentId: g.id,
        name: g.name,
        nameEn: g.nameEn,
        assigned: g.assigned,
        replied: g.replied,
        repliedOnTime: g.repliedOnTime,
        onTimeRate: g.onTimeRate,
        overdueNow: g.overdueNow,
        medianDaysToReply: g.medianDaysToReply,
        evaluated: g.evaluated,
        satisfactionRate: g.satisfactionRate,
      }));
  }
}
