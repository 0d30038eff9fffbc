import { Inject, Injectable, Logger, NotFoundException, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ChannelWatch } from '../redis/channel-watch';
import { REDIS } from '../redis/redis.module';
import { CalendarDayDto, PutCalendarDayDto } from './dto/calendar.dto';
import { addDays, DayCounting, DayKind, isDayKey, isWorkingDay, localDay, WorkingCalendar } from './working-days';
import { fieldError } from './versioned-update';

const REVISION_KEY = 'calendar:revision';

/**
 * The admin-kept working-day calendar and the deadlines computed with it.
 *
 *   const dueAt = await calendar.deadline(assignedAt, rules.handlingDays, rules.dayCounting.handlingDays);
 *
 * The calendar is cached in memory and reloaded when its revision in Redis changes: every edit (here, from any
 * process: API or worker) bumps the revision and announces it on the channel `<prefix>:calendar:changed`. While
 * a process is subscribed to that channel it trusts its copy until an announcement arrives (no round trip per
 * deadline, i.e. per workflow event); while it is not (not yet connected, Redis unreachable) it asks Redis for
 * the revision each time, and without Redis it reloads at most once a minute.
 */
@Injectable()
export class WorkingCalendarService implements OnApplicationShutdown {
  private readonly log = new Logger(WorkingCalendarService.name);
  /** `generation`: the value of `this.generation` when the copy was known to be current. */
  private cache?: { revision: string; days: WorkingCalendar; generation: number };
  /** Moves on with every announced change and every (re)subscription: a copy of an older generation is not trusted. */
  private generation = 0;
  /** While up, every change is announced to this process. */
  private readonly watch: ChannelWatch;

  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.watch = new ChannelWatch(config, `${config.redisPrefix}:calendar:changed`, {
      message: () => this.generation++,
      // changes made while unsubscribed were not announced here: trust nothing older than now
      subscribed: () => {
        this.generation++;
      },
      failed: (err) => this.log.warn(`calendar: could not subscribe to its changes (${err.message}); asking Redis each time`),
    });
  }

  get timeZone(): string {
    return this.config.timezone;
  }

  /** The end of the day `days` working or calendar days after `from`, in the app's time zone. */
  async deadline(from: Date, days: number, counting: DayCounting): Promise<Date> {
    return addDays(from, days, counting, await this.calendar(), this.config.timezone);
  }

  /** Whether the date an instant falls on (in the app's time zone), or a YYYY-MM-DD date, is a working day. */
  async isWorkingDay(day: Date | string): Promise<boolean> {
    return isWorkingDay(day, await this.calendar(), this.config.timezone);
  }

  async calendar(): Promise<WorkingCalendar> {
    const generation = this.generation;
    if (this.watch.up && this.cache?.generation === generation) return this.cache.days;
    this.watch.start();
    // read before the revision: a change announced after this point leaves the copy untrusted
    const revision = await this.revision();
    if (this.cache?.revision === revision) {
      this.cache.generation = generation;
      return this.cache.days;
    }
    const rows = (await this.db.query(`SELECT day::text AS day, kind FROM calendar_days`)) as { day: string; kind: DayKind }[];
    const days = new Map(rows.map((r) => [r.day, r.kind]));
    this.cache = { revision, days, generation };
    return days;
  }

  async list(year?: number): Promise<CalendarDayDto[]> {
    const y = year ?? Number(localDay(new Date(), this.config.timezone).slice(0, 4));
    return this.db.query(
      `SELECT day::text AS day, kind, note FROM calendar_days WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)
        ORDER BY day`,
      [y],
    );
  }

  async put(day: string, dto: PutCalendarDayDto): Promise<CalendarDayDto> {
    checkDay(day);
    await this.db.query(
      `INSERT INTO calendar_days (day, kind, note) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_at = now()`,
      [day, dto.kind, dto.note ?? null],
    );
    await this.invalidate();
    return { day, kind: dto.kind, note: dto.note ?? null };
  }

  async remove(day: string): Promise<void> {
    checkDay(day);
    const [, affected] = (await this.db.query(`DELETE FROM calendar_days WHERE day = $1`, [day])) as [unknown, number];
    if (!affected) throw new NotFoundException(`${day} is not in the calendar`);
    await this.invalidate();
  }

  /** Drops every process's cached calendar: a new revision, announced on the channel. */
  async invalidate(): Promise<void> {
    this.cache = undefined;
    this.generation++;
    try {
      await this.redis.incr(REVISION_KEY);
      await this.redis.publish(this.watch.channel, 'changed');
    } catch (err) {
      this.log.warn(`could not announce the calendar change: ${(err as Error).message}`);
    }
  }

  /** Whether this process trusts its copy until a change is announced (the tests ask). */
  get subscribed(): boolean {
    return this.watch.up;
  }

  onApplicationShutdown(): void {
    this.watch.stop();
  }

  private async revision(): Promise<string> {
    try {
      return (await this.redis.get(REVISION_KEY)) ?? '0';
    } catch {
      return `minute-${Math.floor(Date.now() / 60_000)}`;
    }
  }
}

function checkDay(day: string) {
  if (!isDayKey(day)) throw fieldError('day', `day must be a date written YYYY-MM-DD, got "${day}"`);
}
