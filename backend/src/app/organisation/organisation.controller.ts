import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock } from '../workflow/clock';
import { CategoriesService } from './categories.service';
import { DepartmentsService } from './departments.service';
import { DeadlinePreviewDto, DeadlineQueryDto } from './dto/calendar.dto';
import { CategoryDto } from './dto/category.dto';
import { DepartmentDto } from './dto/department.dto';
import { SessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';
import { WorkingCalendarService } from './working-calendar.service';
import { localDay } from './working-days';

/** What any logged-in user may read of the organisation. */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly calendar: WorkingCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Congress sessions with their rules, newest first' })
  @ApiOkResponse({ type: [SessionDto] })
  listSessions() {
    return this.sessions.list();
  }

  @Get('sessions/current')
  @ApiOperation({ summary: 'The current session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse({ description: 'No session is current' })
  async currentSession() {
    const current = await this.sessions.current();
    if (!current) throw new NotFoundException('No session is current');
    return current;
  }

  @Get('categories')
  @ApiOperation({ summary: 'The categories on offer (active), in order' })
  @ApiOkResponse({ type: [CategoryDto] })
  listCategories() {
    return this.categories.list({ activeOnly: true });
  }

  @Get('departments')
  @ApiOperation({ summary: 'The departments (承办单位) with the leader in charge' })
  @ApiOkResponse({ type: [DepartmentDto] })
  listDepartments() {
    return this.departments.listPublic();
  }

  @Get('calendar/deadline')
  @ApiOperation({
    summary: 'A due date as the lifecycle computes it: `days` working or calendar days after `from` (default now)',
  })
  @ApiOkResponse({ type: DeadlinePreviewDto })
  @ApiBadRequestResponse({ description: 'days, counting or from malformed' })
  async deadline(@Query() query: DeadlineQueryDto): Promise<DeadlinePreviewDto> {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const dueAt = await this.calendar.deadline(from, query.days, query.counting);
    return { dueAt: dueAt.toISOString(), dueDay: localDay(dueAt, this.calendar.timeZone) };
  }
}
