import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { FiguresService } from '../reports/figures.service';
import { scopeOf } from '../reports/report-scope';
import type { Block } from './blocks';
import { compilationBlocks } from './compilation-content';
import { streamDocx } from './docx-render';
import type { ExportQueryDto } from './dto/export-query.dto';
import { exportBatches } from './export-rows';
import { writeCsv, writeXlsx } from './list-export';
import { CjkFont, findCjkFont, FONT_HELP } from './pdf-font';
import { renderPdf } from './pdf-render';
import { reportBlocks } from './report-content';

/** The committee's exports, each from the proposal list's current filters. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: DataSource,
    private readonly figures: FiguresService,
  ) {}

  listXlsx(user: AuthUser, f: ExportQueryDto, out: Writable): Promise<void> {
    return writeXlsx(out, exportBatches(this.db, user, 'list', f));
  }

  listCsv(user: AuthUser, f: ExportQueryDto, out: Writable): Promise<void> {
    return writeCsv(out, exportBatches(this.db, user, 'list', f));
  }

  /** The font for PDFs, or 503 saying what to install (checked before anything is written). */
  pdfFont(): CjkFont {
    const font = findCjkFont();
    if (!font) throw new ServiceUnavailableException(FONT_HELP);
    return font;
  }

  /** The session first (a 404 before anything is sent), then the document, streamed. */
  async compilationDocx(user: AuthUser, f: ExportQueryDto): Promise<(out: Writable) => Promise<void>> {
    const session = await this.figures.session(f.sessionId);
    return (out) =>
      streamDocx(out, `${session.title}提案汇编`, compilationBlocks(session.title, exportBatches(this.db, user, 'accepted', { ...f, sessionId: session.id })));
  }

  async compilationPdf(user: AuthUser, f: ExportQueryDto, font: CjkFont, out: Writable): Promise<void> {
    const session = await this.figures.session(f.sessionId);
    const blocks = compilationBlocks(session.title, exportBatches(this.db, user, 'accepted', { ...f, sessionId: session.id }));
    await renderPdf(out, `${session.title}提案汇编`, font, blocks);
  }

  async reportBlocks(user: AuthUser, sessionId?: string): Promise<{ title: string; blocks: Block[] }> {
    const scope = scopeOf(user);
    const session = await this.figures.session(sessionId);
    const [byCategory, byDepartment, ranking] = await Promise.all([
      this.figures.figures(session.id, 'category', scope),
      this.figures.figures(session.id, 'department', scope),
      this.figures.departments(session.id, scope),
    ]);
    return { title: `${session.title}提案工作报告`, blocks: reportBlocks(byCategory, byDepartment, ranking) };
  }

  writeDocx(out: Writable, title: string, blocks: Block[]): Promise<void> {
    return streamDocx(out, title, [blocks]);
  }

  async reportPdf(user: AuthUser, sessionId: string | undefined, font: CjkFont, out: Writable): Promise<void> {
    const { title, blocks } = await this.reportBlocks(user, sessionId);
    await renderPdf(out, title, font, [blocks]);
  }
}
