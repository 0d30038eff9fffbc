import type { SimilarProposal } from '@congress/api-types';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.service';
import { actorFactsOf } from '../workflow/proposal-facts';
import { ProposalDetailService } from './proposal-detail.service';
import { SEARCH_TEXT, visibleTo } from './visibility.sql';

/** Below this score a proposal is not shown as similar (trigram scores of related Chinese titles run 0.1–0.5). */
const MIN_SCORE = 0.08;

/**
 * Nearly every title reads 关于……的提案 ("on …, a proposal"); those shared words would make any two titles look
 * alike, so they are left out before comparing (in SQL for the stored titles, in JS for the typed one).
 */
const BOILERPLATE = '^\\s*关于|(的)?(提案|建议|意见|议案)\\s*$';
const CORE_TITLE = `regexp_replace(p.title, '${BOILERPLATE}', '', 'g')`;
export function coreTitle(title: string): string {
  return title.replace(new RegExp(BOILERPLATE, 'g'), '').trim() || title.trim();
}

/**
 * Similar proposals (domain.md, "Similar proposals"): proposals of every session, drafts excepted, that the
 * caller may see (those still open for co-signing too: better to co-sign than to repeat), ranked by pg_trgm
 * on the title (similarity, and word_similarity so a short title inside a longer one counts) and, less, on the
 * whole text; each with its last approved reply, so a delegate sees what was answered before and the
 * committee sees what to merge.
 */
@Injectable()
export class SimilarService {
  constructor(
    private readonly db: DataSource,
    private readonly details: ProposalDetailService,
  ) {}

  /** For the editor while typing: `GET /api/proposals/similar?title=&sessionId=`. */
  async forTitle(user: AuthUser, title: string, sessionId: string | undefined, limit = 5): Promise<SimilarProposal[]> {
    return this.rank(user, coreTitle(title), null, sessionId ?? null, null, limit);
  }

  /** For a proposal's review page and before a merge: `GET /api/proposals/:id/similar`. */
  async forProposal(user: AuthUser, id: string, limit = 5): Promise<SimilarProposal[]> {
    const { row } = await this.details.visible(user, id);
    const text = `${row.background} ${row.suggestions}`.slice(0, 500);
    return this.rank(user, coreTitle(row.title), text, row.sessionId, row.id, limit);
  }

  private async rank(
    user: AuthUser,
    title: string,
    text: string | null,
    sessionId: string | null,
    excludeId: string | null,
    limit: number,
  ): Promise<SimilarProposal[]> {
    const params: unknown[] = [title, text, sessionId, excludeId, limit, MIN_SCORE];
    const visible = visibleTo(actorFactsOf(user), params);
    const rows = (await this.db.query(
      `SELECT * FROM (
         SELECT p.id, p.session_id AS "sessionId", p.title, p.number_label AS "number", p.state,
                round((0.6 * greatest(similarity(${CORE_TITLE}, $1), word_similarity($1, ${CORE_TITLE}))
                     + 0.4 * word_similarity(coalesce($2::text, $1::text), ${SEARCH_TEXT()}))::numeric, 3)::float AS score,
                coalesce(p.session_id = $3::uuid, false) AS "sameSession", p.created_at,
                (SELECT json_build_object('grade', r.grade, 'content', r.content, 'repliedAt', r.decided_at)
                   FROM proposal_replies r WHERE r.proposal_id = p.id AND r.status = 'approved'
                  ORDER BY r.created_at DESC LIMIT 1) AS reply
           FROM proposals p
          WHERE p.deleted_at IS NULL AND p.state <> 'draft' AND p.id IS DISTINCT FROM $4::uuid
            AND ${visible}
       ) ranked
       WHERE score >= $6
       ORDER BY score DESC, "sameSession" DESC, created_at DESC
       LIMIT $5`,
      params,
    )) as (SimilarProposal & { sameSession: boolean; created_at: Date })[];
    return rows.map(({ sameSession: _s, created_at: _c, ...r }) => r);
  }
}
