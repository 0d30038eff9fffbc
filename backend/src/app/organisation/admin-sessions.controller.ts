import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { AdminApi, IdParam } from '../auth/roles.decorator';
import { CategoriesService } from './categories.service';
import { CalendarDayDto, CalendarQueryDto, PutCalendarDayDto } from './dto/calendar.dto';
import { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { CreateSessionDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';
import { WorkingCalendarService } from './working-calendar.service';

@AdminApi('sessions')
@Controller('admin/sessions')
export class AdminSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOkResponse({ type: [SessionDto] })
  list() {
    return this.sessions.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string) {
    return this.sessions.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a session; rules not given take the defaults of domain.md' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiBadRequestResponse({ description: 'Field messages (each rule checked; opensAt before closesAt)' })
  @ApiConflictResponse({ description: 'Term and meeting exist already' })
  create(@Body() dto: CreateSessionDto) {
    return this.sessions.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a session; only the rules given change; send the version you read' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version (answers the current one) or term and meeting taken' })
  update(@IdParam() id: string, @Body() dto: UpdateSessionDto) {
    return this.sessions.update(id, dto);
  }
}

@AdminApi('categories')
@Controller('admin/categories')
export class AdminCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'All categories, inactive ones too' })
  @ApiOkResponse({ type: [CategoryDto] })
  list() {
    return this.categories.list();
  }

  @Post()
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiConflictResponse({ description: 'Name taken' })
  create(@Body() dto: CreateCategoryDto) {
    return this.categories.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CategoryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version (answers the current one) or name taken' })
  update(@IdParam() id: string, @Body() dto: UpdateCategoryDto) {
    return this.categories.update(id, dto);
  }
}

@AdminApi('calendar')
@Controller('admin/calendar')
export class AdminCalendarController {
  constructor(private readonly calendar: WorkingCalendarService) {}

  @Get()
  @ApiOperation({ summary: "A year's holidays, make-up working days (调休) and term breaks" })
  @ApiOkResponse({ type: [CalendarDayDto] })
  list(@Query() query: CalendarQueryDto) {
    return this.calendar.list(query.year);
  }

  @Put(':day')
  @ApiOperation({ summary: 'Mark a day (YYYY-MM-DD) as holiday, workday or break' })
  @ApiOkResponse({ type: CalendarDayDto })
  put(@Param('day') day: string, @Body() dto: PutCalendarDayDto) {
    return this.calendar.put(day, dto);
  }

  @Delete(':day')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Return a day to the weekday rule' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  remove(@Param('day') day: string) {
    return this.calendar.remove(day);
  }
}
