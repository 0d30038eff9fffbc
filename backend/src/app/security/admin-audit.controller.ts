import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../accounts/dto/user-query.dto';
import { AdminApi } from '../auth/roles.decorator';
import { AdminAuditService } from './admin-audit.service';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this admin did' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Only what was done to this record (its id)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;
}

@AdminApi('audit')
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The log of admin actions, newest first: who, method, path, target id, body (passwords removed), when',
  })
  @ApiOkResponse({ description: '{items, total}' })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
