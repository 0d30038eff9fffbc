import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind, type DeadlinePreview, type PutCalendarDayRequest } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalNullable } from './common.dto';

export class CalendarDayDto implements CalendarDay {
  @ApiProperty({ example: '2026-10-01', description: 'YYYY-MM-DD' }) day: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'holiday (public holiday), workday (make-up working day 调休), break (term break)' })
  kind: CalendarDayKind;
  @ApiProperty({ type: String, nullable: true, example: '国庆节' }) note: string | null;
}

export class PutCalendarDayDto implements PutCalendarDayRequest {
  @ApiProperty({ enum: CALENDAR_DAY_KINDS })
  @IsIn(CALENDAR_DAY_KINDS, { message: 'kind must be holiday, workday or break' })
  kind: CalendarDayKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
}

export class DeadlineQueryDto {
  @ApiProperty({ example: 15, description: 'The length of the period' })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0)
  @Max(366)
  days: number;

  @ApiProperty({ enum: ['working', 'calendar'], description: 'Working days (the admin calendar applies) or calendar days' })
  @IsIn(['working', 'calendar'], { message: 'counting must be working or calendar' })
  counting: 'working' | 'calendar';

  @ApiPropertyOptional({ format: 'date-time', description: 'The start (the day itself does not count); defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;
}

export class DeadlinePreviewDto implements DeadlinePreview {
  @ApiProperty({ format: 'date-time', description: 'The end of the due day in the university time zone' }) dueAt: string;
  @ApiProperty({ example: '2026-12-18', description: 'The due day, YYYY-MM-DD' }) dueDay: string;
}
