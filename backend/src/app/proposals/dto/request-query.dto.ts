import type { ProposalRequestItem, ProposalRequestPage, ProposalRequestQuery } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RequestDto } from './proposal-response.dto';

const STATUSES = ['pending', 'approved', 'denied', 'lapsed'] as const;
const KINDS = ['extension', 'reassignment'] as const;

export class ProposalRequestQueryDto implements ProposalRequestQuery {
  @ApiPropertyOptional({ enum: STATUSES, default: 'pending' })
  @IsOptional() @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional() @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind?: (typeof KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The requesting department' }) @IsOptional() @IsUUID() departmentId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

class DepartmentNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
}

class RequestProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: DepartmentNameDto, nullable: true }) leadDepartment: DepartmentNameDto | null;
}

export class ProposalRequestItemDto extends RequestDto implements ProposalRequestItem {
  @ApiProperty({ type: RequestProposalDto }) proposal: RequestProposalDto;
  @ApiProperty({ type: DepartmentNameDto, nullable: true }) department: DepartmentNameDto | null;
}

export class ProposalRequestPageDto implements ProposalRequestPage {
  @ApiProperty({ type: [ProposalRequestItemDto] }) items: ProposalRequestItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
