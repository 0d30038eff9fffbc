import { Module } from '@nestjs/common';
import { OutboxWriter } from './outbox.writer';

/** The outbox: written by the workflow in its transactions, read by the relay (added with the reminders). */
@Module({ providers: [OutboxWriter], exports: [OutboxWriter] })
export class OutboxModule {}
