import type { CreateProposalRequest, InviteCosignersRequest, UpdateProposalRequest } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const TEXT_MAX = 20000;
const NOT_BLANK = /\S/;
const PHONE = /^[0-9+\-() ]{3,32}$/;

/** Optional and nullable (null clears the value), validated otherwise. */
const OptionalNullable = () => ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);

/**
 * A draft may be incomplete: only the title is required here. The minimums of domain.md (background ≥ 50,
 * suggestions ≥ 30 characters) are enforced at SUBMIT, which answers 400 listing what is missing.
 */
export class CreateProposalDto implements CreateProposalRequest {
  @ApiProperty({ format: 'uuid', description: 'An open congress session' }) @IsUUID() sessionId: string;

  @ApiProperty({ maxLength: 200, description: '案由: one matter per proposal' })
  @IsString() @Matches(NOT_BLANK, { message: 'title is required' }) @MaxLength(200) title: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: '理由/情况分析; at least 50 characters to submit' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) background?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: '具体建议; at least 30 characters to submit' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) suggestions?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @OptionalNullable() @IsUUID() suggestedCategoryId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) suggestedDepartmentIds?: string[];

  @ApiPropertyOptional({ nullable: true, description: 'Never public' })
  @OptionalNullable() @IsString() @Matches(PHONE, { message: 'contactPhone must be a phone number' }) contactPhone?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Delegates invited to co-sign' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) cosignerIds?: string[];

  @ApiPropertyOptional({ description: 'A collective proposal of the delegation the caller heads' })
  @IsOptional() @IsBoolean() collective?: boolean;
}

export class UpdateProposalDto implements UpdateProposalRequest {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) expectedVersion: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'title is required' }) @MaxLength(200) title?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) background?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) suggestions?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @OptionalNullable() @IsUUID() suggestedCategoryId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) suggestedDepartmentIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @OptionalNullable() @IsString() @Matches(PHONE, { message: 'contactPhone must be a phone number' }) contactPhone?: string | null;
}

export class InviteCosignersDto implements InviteCosignersRequest {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) userIds: string[];
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) expectedVersion: number;
}

export class ExpectedVersionQueryDto {
  @ApiProperty({ minimum: 1, description: 'The version of the proposal the client saw' })
  @Matches(/^[1-9]\d{0,9}$/, { message: 'expectedVersion must be a positive whole number' })
  expectedVersion: string;
}
