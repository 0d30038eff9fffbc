import type { EventType, ProposalContext, Relation } from '@congress/workflow';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { daysBetween, isWorkingDay, localDay, shiftDay } from '../organisation/working-days';
import { WorkingCalendarService } from '../organisation/working-calendar.service';
import type { Proposal } from '../proposals/proposal.entity';
import { badRequest } from '../proposals/dto/validate-body';
import type { EventInput } from './event-input';
import { conflict, notYoursToSend } from './workflow-errors';

/** What the workflow knows about the event before the machine sees it. */
export interface EnrichInput {
  em: EntityManager;
  row: Proposal;
  body: EventInput;
  actorId: string | null;
  relations: readonly Relation[];
  roles: readonly string[];
  now: Date;
}

/** Characters as a reader counts them (code points, so 一 is one, not a UTF-16 unit). */
export const charCount = (s: string | null | undefined) => [...(s ?? '').trim()].length;

export const MIN_BACKGROUND = 50;
export const MIN_SUGGESTIONS = 30;

/** What a draft still lacks before SUBMIT (domain.md: title; ≥ 50 characters of background; ≥ 30 of suggestions). */
export function missingForSubmit(p: Pick<Proposal, 'title' | 'background' | 'suggestions'>) {
  const errors: { field: string; messages: string[] }[] = [];
  if (!charCount(p.title)) errors.push({ field: 'title', messages: ['a title (案由) is required'] });
  const bg = charCount(p.background);
  if (bg < MIN_BACKGROUND) {
    errors.push({ field: 'background', messages: [`background needs at least ${MIN_BACKGROUND} characters (it has ${bg})`] });
  }
  const sg = charCount(p.suggestions);
  if (sg < MIN_SUGGESTIONS) {
    errors.push({ field: 'suggestions', messages: [`suggestions need at least ${MIN_SUGGESTIONS} characters (they have ${sg})`] });
  }
  return errors;
}

/**
 * Checks that need the database (a 400 or 403 before the machine runs) and the computed fields of the event
 * (workflow library, ComputedFields): deadlines from the proposal's rules and the working-day calendar.
 */
@Injectable()
export class EventEnricher {
  constructor(private readonly calendar: WorkingCalendarService) {}

  async enrich(input: EnrichInput): Promise<Record<string, unknown>> {
    const { em, row, body, now } = input;
    const rules = row.context.rules;
    const deadline = (days: number, counting: 'working' | 'calendar', from = now) =>
      this.calendar.deadline(from, days, counting).then((d) => d.toISOString());
    const type = body.type as EventType;
    switch (type) {
      case 'SUBMIT': {
        const missing = missingForSubmit(row);
        if (missing.length) throw badRequest(missing, `The proposal is not complete: ${missing.map((m) => m.messages[0]).join('; ')}`);
        const [{ n }] = (await em.query(
          `SELECT count(*)::int AS n FROM proposal_cosigners WHERE proposal_id = $1 AND status = 'confirmed'`,
          [row.id],
        )) as { n: number }[];
        return { cosignDeadline: await deadline(rules.cosignWindowDays, rules.dayCounting.cosignWindowDays), confirmedCosigners: n };
      }
      case 'CLASSIFY':
        await this.requireActive(em, 'categories', 'categoryId', [body.categoryId as string]);
        return {};
      case 'ASSIGN':
      case 'REASSIGN': {
        const lead = body.leadDepartmentId as string;
        const co = [...new Set((body.coDepartmentIds as string[] | undefined) ?? [])];
        if (co.includes(lead)) throw badRequest([{ field: 'coDepartmentIds', messages: ['the lead department cannot also co-handle'] }]);
        await this.requireActive(em, 'departments', 'leadDepartmentId', [lead]);
        await this.requireActive(em, 'departments', 'coDepartmentIds', co);
        if (body.dueAt !== undefined && Date.parse(body.dueAt as string) <= now.getTime()) {
          throw badRequest([{ field: 'dueAt', messages: ['dueAt must be in the future'] }]);
        }
        return {
          coDepartmentIds: co,
          dueAt: body.dueAt
            ? new Date(body.dueAt as string).toISOString()
            : await deadline(rules.handlingDays, rules.dayCounting.handlingDays),
          reassignWindowEndsAt: await deadline(rules.reassignmentWindowDays, rules.dayCounting.reassignmentWindowDays),
        };
      }
      case 'REQUEST_EXTENSION':
        return { dueAt: new Date(body.dueAt as string).toISOString(), extensionDays: await this.extensionDays(row.context, body.dueAt as string) };
      case 'APPROVE_REPLY':
        return { evaluationDeadline: await deadline(rules.evaluationWindowDays, rules.dayCounting.evaluationWindowDays) };
      case 'REHANDLE':
        return { dueAt: await deadline(rules.handlingDays, rules.dayCounting.handlingDays) };
      case 'CONFIRM_CONTACT':
      case 'DISPUTE_CONTACT': {
        const rows = (await em.query(`SELECT status FROM proposal_contacts WHERE id = $1 AND proposal_id = $2`, [
          body.contactId,
          row.id,
        ])) as { status: string }[];
        if (!rows.length) throw badRequest([{ field: 'contactId', messages: ['no contact with this id was logged for this proposal'] }]);
        if (rows[0].status !== 'pending') throw conflict(`This contact was already ${rows[0].status}`);
        return {};
      }
      case 'EVALUATE': {
        const round = row.context.rehandleCount + 1;
        const done = (await em.query(
          `SELECT 1 FROM proposal_evaluations WHERE proposal_id = $1 AND round = $2 AND evaluator_id = $3`,
          [row.id, round, input.actorId],
        )) as unknown[];
        if (done.length) throw conflict('You have already evaluated this reply');
        return {};
      }
      case 'COMMENT':
        if (body.internal === true && !input.roles.includes('committee')) {
          throw notYoursToSend('COMMENT', ['committee'], 'Only the proposal committee writes internal comments');
        }
        return {};
      case 'MERGE':
        return {};
      default:
        return {};
    }
  }

  /** Days from the current due date to the requested one, counted as the session counts extensions. */
  private async extensionDays(context: ProposalContext, requested: string): Promise<number> {
    if (!context.dueAt) return 0;
    const from = new Date(context.dueAt);
    const to = new Date(requested);
    if (to.getTime() <= from.getTime()) return 0;
    const tz = this.calendar.timeZone;
    if (context.rules.dayCounting.maxExtensionDays === 'calendar') return daysBetween(from, to, tz);
    const days = await this.calendar.calendar();
    let count = 0;
    const last = localDay(to, tz);
    for (let d = shiftDay(localDay(from, tz), 1); d <= last; d = shiftDay(d, 1)) if (isWorkingDay(d, days, tz)) count++;
    return count;
  }

  private async requireActive(em: EntityManager, table: 'categories' | 'departments', field: string, ids: string[]) {
    if (!ids.length) return;
    const rows = (await em.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND active`, [ids])) as { id: string }[];
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      const what = table === 'categories' ? 'category' : 'department';
      throw badRequest([{ field, messages: [`unknown or inactive ${what} ${missing.join(', ')}`] }]);
    }
  }
}
