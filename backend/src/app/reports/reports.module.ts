import { Module } from '@nestjs/common';
import { FiguresService } from './figures.service';
import { ReportsController } from './reports.controller';

/** The figures (one definition each, figures.sql.ts) and the committee's report routes. */
@Module({
  controllers: [ReportsController],
  providers: [FiguresService],
  exports: [FiguresService],
})
export class ReportsModule {}
