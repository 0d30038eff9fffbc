import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** The proposal list's filters (GET /api/proposals), which every export takes as they stand on the screen. */
export class ExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ description: 'A state, prefix-matched (list export only)', example: 'handling' })
  @IsOptional() @IsString() @Matches(/^[a-zA-Z]+(\.[a-zA-Z]+)?$/, { message: 'state must be a state name like handling or handling.drafting' })
  state?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Lead or co-handling department' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}
