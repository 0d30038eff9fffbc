import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service';

/** The SMTP gateway (nodemailer). What to send and to whom is the notifications module's. */
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
