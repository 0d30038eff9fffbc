import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { PublicController } from './public.controller';
import { PublicProposalsService } from './public-proposals.service';

/** The public portal's routes, /api/public/*: no login, published proposals and the figures. */
@Module({
  imports: [ReportsModule],
  controllers: [PublicController],
  providers: [PublicProposalsService],
})
export class PublicModule {}
