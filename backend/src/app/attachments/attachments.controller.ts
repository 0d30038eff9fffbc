import { BadRequestException, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiPropertyOptional,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsUUID, validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { badRequest, toFieldErrors } from '../proposals/dto/validate-body';
import { AttachmentInfoDto } from '../proposals/dto/proposal-response.dto';
import { type FormFields, receiveFile } from '../uploads/multipart-file';
import { AttachmentsService } from './attachments.service';
import { AttachmentUploadEngine } from './upload-engine';

export class UploadAttachmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Attach to this reply (lead department, while handling)' })
  @IsOptional()
  @IsUUID()
  replyId?: string;
}

/** The form's text fields checked as the global ValidationPipe checks a body: whitelist, no unknown fields. */
function uploadFields(fields: FormFields): UploadAttachmentDto {
  const dto = plainToInstance(UploadAttachmentDto, fields, { enableImplicitConversion: false });
  const errors = toFieldErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length) throw badRequest(errors, errors.map((e) => e.messages.join('; ')).join('; '));
  return dto;
}

/** `filename*=UTF-8''…` (RFC 6266/5987) with an ASCII fallback for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly engine: AttachmentUploadEngine,
  ) {}

  @Post('proposals/:id/attachments')
  @ApiOperation({ summary: 'Upload an attachment (multipart field `file`); its type is decided from the content' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, replyId: { type: 'string', format: 'uuid' } },
    },
  })
  @ApiCreatedResponse({ type: AttachmentInfoDto })
  @ApiPayloadTooLargeResponse({ description: 'Larger than ATTACHMENT_MAX_BYTES (10 MB by default)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not PDF, an image, an Office document or UTF-8 text' })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
  ): Promise<AttachmentInfoDto> {
    const { file, fields } = await receiveFile(req, {
      field: 'file',
      maxBytes: this.engine.maxBytes,
      maxFields: 5,
      maxParts: 6,
      store: ({ stream, filename }) => this.engine.store(stream, filename),
      discard: (stored) => this.engine.remove(stored),
      fields: uploadFields,
    });
    if (!file) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'file: send the file as multipart/form-data in the field "file"',
        errors: [{ field: 'file', messages: ['send the file as multipart/form-data in the field "file"'] }],
      });
    }
    return this.attachments.attach(user, id, file, fields.replyId);
  }

  @Get('attachments/:id')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Download an attachment (streamed, with its UTF-8 file name)' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async download(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<StreamableFile> {
    const { info, stream } = await this.attachments.open(user, id);
    return new StreamableFile(stream, {
      type: info.mimeType,
      length: info.size,
      disposition: contentDisposition(info.fileName),
    });
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment (the lead proposer while a draft; the uploader while handling)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.attachments.remove(user, id);
  }
}
