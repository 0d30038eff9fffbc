import type { ProposalListQuery } from '@congress/api-types';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const SORT_FIELDS = ['createdAt', 'updatedAt', 'submittedAt', 'dueAt', 'number', 'title'] as const;
const SORTS = SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class ProposalListQueryDto implements ProposalListQuery {
  @ApiPropertyOptional({ description: 'A state, prefix-matched: `handling` finds every handling state', example: 'handling' })
  @IsOptional() @IsString() @Matches(/^[a-zA-Z]+(\.[a-zA-Z]+)?$/, { message: 'state must be a state name like handling or handling.drafting' })
  state?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Lead or co-handling department' }) @IsOptional() @IsUUID() departmentId?: string;

  @ApiPropertyOptional({ description: 'Words in the title, background or suggestions (Chinese substrings work)' })
  @IsOptional() @IsString() @MaxLength(100) q?: string;

  @ApiPropertyOptional({ description: 'Only proposals where I am the lead proposer or a co-signer' })
  @IsOptional() @Transform(toBool) @IsBoolean() mine?: boolean;

  @ApiPropertyOptional({ description: 'Only proposals in handling past their due date' })
  @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only published (true) or only not yet published (false) proposals' })
  @IsOptional() @Transform(toBool) @IsBoolean() published?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;

  @ApiPropertyOptional({ enum: SORTS, default: '-createdAt' }) @IsOptional() @IsIn(SORTS) sort?: string;
}

export class SimilarQueryDto {
  @ApiPropertyOptional({ description: 'The title (and text) being typed' })
  @IsString() @Matches(/\S/, { message: 'title is required' }) @MaxLength(200) title: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The session of the draft (ranks its proposals first on ties)' })
  @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20) limit?: number;
}
