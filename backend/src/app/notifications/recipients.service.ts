import type { Language } from '@congress/api-types';
import type { ProposalContext } from '@congress/workflow';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Audience } from './audiences';
import { queryPrepared } from '../../database/prepared';

/** What a notification says about its proposal. */
export interface NoticeProposal {
  id: string;
  title: string;
  number: string | null;
  state: string;
  context: ProposalContext;
  leadName: string;
}

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
  language: Language;
}

/** Each audience as a query of user ids ($1 = the proposal). */
const AUDIENCE_SQL: Record<Audience, string> = {
  leadProposer: `SELECT p.lead_proposer_id FROM proposals p WHERE p.id = $1`,
  cosigners: `SELECT c.user_id FROM proposal_cosigners c WHERE c.proposal_id = $1 AND c.status = 'confirmed'`,
  invitedCosigners: `SELECT c.user_id FROM proposal_cosigners c WHERE c.proposal_id = $1 AND c.status = 'invited'`,
  delegationHead: `SELECT g.head_id FROM proposals p JOIN delegations g ON g.id = p.delegation_id WHERE p.id = $1`,
  committee: `SELECT u.id FROM users u WHERE 'committee' = ANY (u.roles)`,
  leadDeptHandlers: `SELECT m.user_id FROM proposals p JOIN department_members m
                       ON m.department_id = p.lead_department_id AND m.role = 'handler' WHERE p.id = $1`,
  leadDeptHeads: `SELECT m.user_id FROM proposals p JOIN department_members m
                    ON m.department_id = p.lead_department_id AND m.role = 'head' WHERE p.id = $1`,
  coDeptHandlers: `SELECT m.user_id FROM proposals p JOIN department_members m
                     ON m.department_id = ANY (p.co_department_ids) AND m.role = 'handler' WHERE p.id = $1`,
  coDeptHeads: `SELECT m.user_id FROM proposals p JOIN department_members m
                  ON m.department_id = ANY (p.co_department_ids) AND m.role = 'head' WHERE p.id = $1`,
  leaderInCharge: `SELECT d.leader_id FROM proposals p JOIN departments d ON d.id = p.lead_department_id WHERE p.id = $1`,
};

/** The people of a proposal, by audience: active accounts only, never the person who caused the notice. */
@Injectable()
export class Recipients {
  async proposal(em: EntityManager, id: string): Promise<NoticeProposal | null> {
    const { rows } = await queryPrepared<NoticeProposal>(
      em,
      `SELECT p.id, p.title, p.number_label AS number, p.state, p.context, u.display_name AS "leadName"
         FROM proposals p JOIN users u ON u.id = p.lead_proposer_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async resolve(em: EntityManager, proposalId: string, audiences: readonly Audience[], exclude: string | null): Promise<Recipient[]> {
    const parts = [...new Set(audiences)].map((a) => AUDIENCE_SQL[a]);
    if (!parts.length) return [];
    // one statement text per set of audiences (a few dozen in all), each prepared once per connection
    const { rows } = await queryPrepared<Recipient>(
      em,
      `SELECT u.id, u.display_name AS "displayName", u.email, u.language FROM users u
        WHERE u.active AND u.id IN (${parts.join(' UNION ')}) AND $1::uuid IS NOT NULL AND ($2::uuid IS NULL OR u.id <> $2::uuid)
        ORDER BY u.username`,
      [proposalId, exclude],
    );
    return rows;
  }
}
