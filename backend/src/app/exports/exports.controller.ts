import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ExportQueryDto } from './dto/export-query.dto';
import { ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment; filename="proposals.xlsx"; filename*=UTF-8''提案列表.xlsx` (RFC 6266 / 5987). */
function attachment(res: Response, type: string, ascii: string, chinese: string) {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`);
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Runs a streamed export: an error before anything was sent goes to Nest's error answer as usual; one after the
 * headers went out can only cut the download short (the client sees a broken transfer, not a corrupt file).
 */
async function streamed(res: Response, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Type');
      throw err;
    }
    res.destroy(err as Error);
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
  async listXlsx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    attachment(res, XLSX, 'proposals.xlsx', '提案列表.xlsx');
    await streamed(res, () => this.exports.listXlsx(user, f, res));
  }

  @Get('proposals.csv')
  @ApiOperation({ summary: 'The proposal list with the given filters, as CSV (UTF-8 with BOM, streamed)' })
  @ApiProduces('text/csv')
  async listCsv(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    attachment(res, 'text/csv; charset=utf-8', 'proposals.csv', '提案列表.csv');
    await streamed(res, () => this.exports.listCsv(user, f, res));
  }

  @Get('compilation.docx')
  @ApiOperation({ summary: '提案汇编: every accepted proposal of the filters with its reply, as Word (streamed)' })
  @ApiProduces(DOCX)
  async compilationDocx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    const write = await this.exports.compilationDocx(user, f);
    attachment(res, DOCX, 'compilation.docx', '提案汇编.docx');
    await streamed(res, () => write(res));
  }

  @Get('compilation.pdf')
  @ApiOperation({ summary: '提案汇编 as PDF (streamed)' })
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({ description: 'No font with Chinese glyphs on the server (the message names the package)' })
  async compilationPdf(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    const font = this.exports.pdfFont();
    attachment(res, 'application/pdf', 'compilation.pdf', '提案汇编.pdf');
    await streamed(res, () => this.exports.compilationPdf(user, f, font, res));
  }

  @Get('report.docx')
  @ApiOperation({ summary: '提案工作报告: the figures of the session with tables and the department ranking, as Word' })
  @ApiProduces(DOCX)
  async reportDocx(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    const { title, blocks } = await this.exports.reportBlocks(user, f.sessionId);
    attachment(res, DOCX, 'report.docx', '提案工作报告.docx');
    await streamed(res, () => this.exports.writeDocx(res, title, blocks));
  }

  @Get('report.pdf')
  @ApiOperation({ summary: '提案工作报告 as PDF' })
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({ description: 'No font with Chinese glyphs on the server (the message names the package)' })
  async reportPdf(@CurrentUser() user: AuthUser, @Query() f: ExportQueryDto, @Res() res: Response): Promise<void> {
    const font = this.exports.pdfFont();
    attachment(res, 'application/pdf', 'report.pdf', '提案工作报告.pdf');
    await streamed(res, () => this.exports.reportPdf(user, f.sessionId, font, res));
  }
}
