import type { DepartmentEvaluationReport, FiguresReport, TrendsReport } from '@congress/api-types';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FiguresQueryDto, SessionQueryDto } from './dto/reports-query.dto';
import { DEPARTMENT_EVALUATION_SCHEMA, FIGURES_REPORT_SCHEMA, TRENDS_SCHEMA } from './figures.schema';
import { FiguresService } from './figures.service';
import { scopeOf } from './report-scope';

/** 提案工作统计: the committee's figures; a leader gets those of the departments in its charge. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Neither committee nor leader' })
@Roles('committee', 'leader')
@Controller('reports')
export class ReportsController {
  constructor(private readonly figures: FiguresService) {}

  @Get('figures')
  @ApiOperation({ summary: 'The figures of a session: totals, and per category or per lead department' })
  @ApiOkResponse({ schema: FIGURES_REPORT_SCHEMA })
  async sessionFigures(@CurrentUser() user: AuthUser, @Query() q: FiguresQueryDto): Promise<FiguresReport> {
    return this.figures.figures(q.sessionId, q.by ?? null, scopeOf(user));
  }

  @Get('trends')
  @ApiOperation({ summary: 'The totals of every session, oldest first' })
  @ApiOkResponse({ schema: TRENDS_SCHEMA })
  async trends(@CurrentUser() user: AuthUser): Promise<TrendsReport> {
    return this.figures.trends(scopeOf(user));
  }

  @Get('departments')
  @ApiOperation({ summary: '检查评议: per department on-time rate, satisfaction, re-handled, contacts, promises; ranked' })
  @ApiOkResponse({ schema: DEPARTMENT_EVALUATION_SCHEMA })
  async departments(@CurrentUser() user: AuthUser, @Query() q: SessionQueryDto): Promise<DepartmentEvaluationReport> {
    return this.figures.departments(q.sessionId, scopeOf(user));
  }
}
