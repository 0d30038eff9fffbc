import type { CongressSession, CreateSessionRequest, UpdateSessionRequest } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OptionalNonNull, OptionalNullable } from './common.dto';
import { SessionRulesDto, SessionRulesViewDto } from './session-rules.dto';

export class SessionDto implements CongressSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 5 }) term: number;
  @ApiProperty({ example: 3 }) meeting: number;
  @ApiProperty({ example: '第五届教职工代表大会第三次会议' }) title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ example: 2026, description: 'The year in proposal numbers (2026-007)' }) year: number;
  @ApiProperty({ format: 'date-time', description: 'The collection window opens' }) opensAt: string;
  @ApiProperty({ format: 'date-time', description: 'The collection window closes' }) closesAt: string;
  @ApiProperty({ type: SessionRulesViewDto }) rules: SessionRulesViewDto;
  @ApiProperty() isCurrent: boolean;
  @ApiProperty() version: number;
}

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(99) term: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(99) meeting: number;

  @ApiProperty({ example: '第五届教职工代表大会第三次会议' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(300)
  titleEn?: string | null;

  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2200) year: number;
  @ApiProperty({ format: 'date-time' }) @IsDateString({ strict: true }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString({ strict: true }) closesAt: string;

  @ApiPropertyOptional({ type: SessionRulesDto, description: 'Omitted rules take the defaults of domain.md' })
  @OptionalNonNull()
  @ValidateNested()
  @Type(() => SessionRulesDto)
  rules?: SessionRulesDto;

  @ApiPropertyOptional({ description: 'Make this the current session (the previous current one stops being current)' })
  @OptionalNonNull()
  @IsBoolean()
  isCurrent?: boolean;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional() @OptionalNonNull() @IsInt() @Min(1) @Max(99) term?: number;
  @ApiPropertyOptional() @OptionalNonNull() @IsInt() @Min(1) @Max(99) meeting?: number;
  @ApiPropertyOptional() @OptionalNonNull() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalNullable() @IsString() @MaxLength(300) titleEn?: string | null;
  @ApiPropertyOptional() @OptionalNonNull() @IsInt() @Min(2000) @Max(2200) year?: number;
  @ApiPropertyOptional({ format: 'date-time' }) @OptionalNonNull() @IsDateString({ strict: true }) opensAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @OptionalNonNull() @IsDateString({ strict: true }) closesAt?: string;

  @ApiPropertyOptional({ type: SessionRulesDto, description: 'Only the rules given change' })
  @OptionalNonNull()
  @ValidateNested()
  @Type(() => SessionRulesDto)
  rules?: SessionRulesDto;

  @ApiPropertyOptional() @OptionalNonNull() @IsBoolean() isCurrent?: boolean;

  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}
