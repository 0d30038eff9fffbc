import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind, type PutCalendarDayRequest } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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
