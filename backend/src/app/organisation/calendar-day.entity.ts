import type { CalendarDayKind } from '@congress/api-types';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One exception to the Monday–Friday week (table `calendar_days`): a public holiday, a make-up working day
 * (调休, usually a Saturday or Sunday) or a day of term break. Days not listed follow the weekday rule.
 */
@Entity('calendar_days')
export class CalendarDay {
  /** YYYY-MM-DD (TypeORM hands `date` columns over as strings). */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 8 })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
