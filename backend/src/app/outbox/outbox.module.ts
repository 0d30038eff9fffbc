import { Module } from '@nestjs/common';
import { OutboxWake } from './outbox-wake';
import { OutboxWriter } from './outbox.writer';

/**
 * The outbox: written by the workflow in its transactions (OutboxWriter), the relay woken after they commit
 * (OutboxWake), read by the relay (added with the reminders).
 */
@Module({ providers: [OutboxWriter, OutboxWake], exports: [OutboxWriter, OutboxWake] })
export class OutboxModule {}
