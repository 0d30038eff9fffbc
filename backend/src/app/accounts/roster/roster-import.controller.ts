import { BadRequestException, Controller, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiQuery,
} from '@nestjs/swagger';
import type { RosterImportResult } from '@congress/api-types';
import type { FastifyRequest } from 'fastify';
import { buffer } from 'node:stream/consumers';
import { ChangesAuthFacts } from '../../auth/auth-facts-changed';
import { AdminApi } from '../../auth/roles.decorator';
import { receiveFile } from '../../uploads/multipart-file';
import { RosterImportService } from './roster-import.service';

export const ROSTER_MAX_BYTES = 2 * 1024 * 1024;

class RosterImportResultDto implements RosterImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Rows imported (or that would be, with dryRun)' }) imported: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
}

@AdminApi('users')
@ChangesAuthFacts()
@Controller('admin/roster')
export class RosterImportController {
  constructor(private readonly roster: RosterImportService) {}

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import the delegate roster (CSV: username, name, delegation, email, phone; or 用户名,姓名,代表团,邮箱,电话)',
    description:
      'UTF-8 (with or without BOM) or GBK/GB18030 as Excel saves it. Any bad row → 400 listing every problem with its ' +
      'line (the header is line 1) and nothing imported. Otherwise users are created or updated by username, get the ' +
      'role delegate and the delegation (matched by name or code). dryRun=true only checks.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOkResponse({ type: RosterImportResultDto })
  @ApiBadRequestResponse({ description: '{message, errors: [{line, reason}]}' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than 2 MB' })
  async import(@Req() req: FastifyRequest, @Query('dryRun') dryRun?: string) {
    const { file } = await receiveFile(req, {
      field: 'file',
      maxBytes: ROSTER_MAX_BYTES,
      // the whole file in memory (at most ROSTER_MAX_BYTES + 1 bytes: receiveFile answers 413 beyond the limit)
      store: ({ stream }) => buffer(stream),
      fields: () => undefined,
    });
    if (!file?.length) throw new BadRequestException('Send the roster as a CSV file in the form field "file"');
    if (dryRun !== undefined && !['true', 'false', '1', '0'].includes(dryRun)) {
      throw new BadRequestException('dryRun must be true or false');
    }
    return this.roster.import(file, dryRun === 'true' || dryRun === '1');
  }
}
