import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { Deliveries } from './deliveries.service';
import { MailProcessor } from './mail.processor';
import { NoticesProcessor } from './notices.processor';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Recipients } from './recipients.service';

/**
 * Notifications: who hears of what (audiences), the texts in zh-CN and en (templates), the inbox and the
 * delivery log (Deliveries), the `notices` and `mail` queue processors, and the inbox/log API.
 */
@Module({
  imports: [MailModule],
  controllers: [NotificationsController],
  providers: [Recipients, Deliveries, NotificationsService, NoticesProcessor, MailProcessor],
  exports: [Deliveries],
})
export class NotificationsModule {}
