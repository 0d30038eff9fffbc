import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { CongressSession } from './congress-session.entity';
import { CreateSessionDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
import { mergeRules } from './session-rules';
import { fieldError, rethrowUniqueViolation, staleVersion, updateVersioned } from './versioned-update';

const clashes = (term?: number, meeting?: number) => ({
  congress_sessions_term_meeting_key: `term ${term} meeting ${meeting} exists already`,
  congress_sessions_current_key: 'another session became current at the same time; try again',
});

export function toSessionDto(s: CongressSession): SessionDto {
  return {
    id: s.id,
    term: s.term,
    meeting: s.meeting,
    title: s.title,
    titleEn: s.titleEn,
    year: s.year,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    rules: mergeRules(s.rules),
    isCurrent: s.isCurrent,
    version: s.version,
  };
}

/**
 * 届次/会议 with their rules. Rules are stored complete (defaults filled in) and always answered complete.
 * Making a session current makes the previous current one not current, in the same transaction.
 * The proposals work reads sessions through `get`/`current` (rules already resolved).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(CongressSession) private readonly repo: Repository<CongressSession>,
  ) {}

  async list(): Promise<SessionDto[]> {
    const rows = await this.repo.find({ order: { year: 'DESC', term: 'DESC', meeting: 'DESC' } });
    return rows.map(toSessionDto);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<SessionDto> {
    const row = await em.findOne(CongressSession, { where: { id } });
    if (!row) throw new NotFoundException(`Session ${id} not found`);
    return toSessionDto(row);
  }

  async current(): Promise<SessionDto | null> {
    const row = await this.repo.findOne({ where: { isCurrent: true } });
    return row ? toSessionDto(row) : null;
  }

  async create(dto: CreateSessionDto): Promise<SessionDto> {
    checkWindow(dto.opensAt, dto.closesAt);
    return this.db.transaction(async (em) => {
      if (dto.isCurrent) await em.query(`UPDATE congress_sessions SET is_current = false WHERE is_current`);
      try {
        const rows = (await em.query(
          `INSERT INTO congress_sessions (term, meeting, title, title_en, year, opens_at, closes_at, rules, is_current)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [dto.term, dto.meeting, dto.title, dto.titleEn ?? null, dto.year, dto.opensAt, dto.closesAt,
            JSON.stringify(mergeRules(null, dto.rules)), dto.isCurrent ?? false],
        )) as { id: string }[];
        return this.get(rows[0].id, em);
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.term, dto.meeting));
      }
    });
  }

  async update(id: string, dto: UpdateSessionDto): Promise<SessionDto> {
    return this.db.transaction(async (em) => {
      const row = await em.findOne(CongressSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`Session ${id} not found`);
      if (row.version !== dto.version) throw staleVersion('Session', dto.version, row.version);
      checkWindow(dto.opensAt ?? row.opensAt.toISOString(), dto.closesAt ?? row.closesAt.toISOString());
      if (dto.isCurrent) await em.query(`UPDATE congress_sessions SET is_current = false WHERE is_current AND id <> $1`, [id]);
      try {
        await updateVersioned(em, 'congress_sessions', 'Session', id, dto.version, {
          term: dto.term,
          meeting: dto.meeting,
          title: dto.title,
          title_en: dto.titleEn,
          year: dto.year,
          opens_at: dto.opensAt,
          closes_at: dto.closesAt,
          rules: dto.rules ? JSON.stringify(mergeRules(row.rules, dto.rules)) : undefined,
          is_current: dto.isCurrent,
        });
      } catch (err) {
        rethrowUniqueViolation(err, clashes(dto.term ?? row.term, dto.meeting ?? row.meeting));
      }
      return this.get(id, em);
    });
  }
}

function checkWindow(opensAt: string, closesAt: string) {
  if (new Date(opensAt).getTime() >= new Date(closesAt).getTime()) {
    throw fieldError('closesAt', 'closesAt must be after opensAt');
  }
}
