import type { FiguresBy } from '@congress/api-types';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class SessionQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The session; the current one when omitted' })
  @IsOptional() @IsUUID() sessionId?: string;
}

export class FiguresQueryDto extends SessionQueryDto {
  @ApiPropertyOptional({ enum: ['category', 'department'], description: 'Group the figures; totals only when omitted' })
  @IsOptional() @IsIn(['category', 'department']) by?: FiguresBy;
}
