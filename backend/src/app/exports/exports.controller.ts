import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ExportQueryDto } from './dto/export-query.dto';
import { ExportsService } from './exports.service';
import { ReplyStream } from './reply-stream';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment; filename="proposals.xlsx"; filename*=UTF-8''提案列表.xlsx` (RFC 6266 / 5987). */
function attachment(reply: FastifyReply, type: string, ascii: string, chinese: string) {
  reply.header('Content-Type', type);
  reply.header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`);
  reply.header('Cache-Control', 'no-store');
}

/**
 * Runs a streamed export into the reply: an error before anything was sent goes to Nest's error answer as usual
 * (the reply is still Fastify's); one after the headers went out can only cut the download short (the client sees
 * a broken transfer, not a corrupt file). Done when the last byte went to the socket, or when the client left.
 */
async function streamed(reply: FastifyReply, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = new ReplyStream(reply);
  try {
    // the stream's end too: a writer may end it without waiting, and a client that leaves ends the download
    await Promise.all([write(out), finished(out)]);
  } catch (err) {
    if (!out.started) {
      reply.removeHeader('Content-Disposition');
      reply.removeHeader('Content-Type');
      throw err;
    }
    out.destroy(err as Error);
  }
}

/** 导出: the proposal list (Excel, CSV), the compilation and the work report (Word, PDF). Committee only. */
@ApiTags('exports')
@ApiBearerAuth()
@Roles('committee')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('proposals.xlsx')
  @ApiOperation({ summary: 'The proposal list with the given filters, as Excel (streamed)' })
  @ApiProduces(XLSX)
  async listXlsx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    attachment(reply, XLSX, 'proposals.xlsx', '提案列表.xlsx');
    await streamed(reply, (out) => this.exports.listXlsx(user, f, out));
  }

  @Get('proposals.csv')
  @ApiOperation({ summary: 'The proposal list with the given filters, as CSV (UTF-8 with BOM, streamed)' })
  @ApiProduces('text/csv')
  async listCsv(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    attachment(reply, 'text/csv; charset=utf-8', 'proposals.csv', '提案列表.csv');
    await streamed(reply, (out) => this.exports.listCsv(user, f, out));
  }

  @Get('compilation.docx')
  @ApiOperation({ summary: '提案汇编: every accepted proposal of the filters with its reply, as Word (streamed)' })
  @ApiProduces(DOCX)
  async compilationDocx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const write = await this.exports.compilationDocx(user, f);
    attachment(reply, DOCX, 'compilation.docx', '提案汇编.docx');
    await streamed(reply, write);
  }

  @Get('compilation.pdf')
  @ApiOperation({ summary: '提案汇编 as PDF (streamed)' })
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({ description: 'No font with Chinese glyphs on the server (the message names the package)' })
  async compilationPdf(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const font = this.exports.pdfFont();
    attachment(reply, 'application/pdf', 'compilation.pdf', '提案汇编.pdf');
    await streamed(reply, (out) => this.exports.compilationPdf(user, f, font, out));
  }

  @Get('report.docx')
  @ApiOperation({ summary: '提案工作报告: the figures of the session with tables and the department ranking, as Word' })
  @ApiProduces(DOCX)
  async reportDocx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { title, blocks } = await this.exports.reportBlocks(user, f.sessionId);
    attachment(reply, DOCX, 'report.docx', '提案工作报告.docx');
    await streamed(reply, (out) => this.exports.writeDocx(out, title, blocks));
  }

  @Get('report.pdf')
  @ApiOperation({ summary: '提案工作报告 as PDF' })
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({ description: 'No font with Chinese glyphs on the server (the message names the package)' })
  async reportPdf(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const font = this.exports.pdfFont();
    attachment(reply, 'application/pdf', 'report.pdf', '提案工作报告.pdf');
    await streamed(reply, (out) => this.exports.reportPdf(user, f.sessionId, font, out));
  }
}
