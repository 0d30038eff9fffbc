import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NumberSeries } from '../proposals/proposal.entity';

/**
 * Proposal numbers, unique and gapless per (session, series): one counter row per pair, incremented with a
 * single `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the transaction that accepts (or converts) the
 * proposal. The row stays locked until that transaction ends, so concurrent accepts queue on it; a rolled-back
 * accept rolls its increment back too, so no number is ever skipped or given twice.
 */
@Injectable()
export class NumberingService {
  async next(em: EntityManager, sessionId: string, series: NumberSeries): Promise<number> {
    const rows = (await em.query(
      `INSERT INTO proposal_number_counters (session_id, series, last) VALUES ($1, $2, 1)
       ON CONFLICT (session_id, series) DO UPDATE SET last = proposal_number_counters.last + 1
       RETURNING last`,
      [sessionId, series],
    )) as { last: number }[];
    return rows[0].last;
  }
}

/** `2026-007` for proposals, `2026-J03` for converted suggestions (domain.md). */
export function numberLabel(year: number, series: NumberSeries, n: number): string {
  return series === 'P' ? `${year}-${String(n).padStart(3, '0')}` : `${year}-J${String(n).padStart(2, '0')}`;
}
