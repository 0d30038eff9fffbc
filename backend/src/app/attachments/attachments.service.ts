import type { AttachmentInfo } from '@congress/api-types';
import { canSee, relationsOf } from '@congress/workflow';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthUser } from '../auth/auth-user.service';
import { badRequest } from '../proposals/dto/validate-body';
import { CLOCK, Clock } from '../workflow/clock';
import { HistoryService } from '../workflow/history.service';
import { actorFactsOf, isUuid, LoadedProposal, loadProposal } from '../workflow/proposal-facts';
import { proposalNotFound } from '../workflow/workflow-errors';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import type { StoredUpload } from './upload-engine';

const INFO = `a.id, a.file_name AS "fileName", a.mime_type AS "mimeType", a.size::int AS size, a.reply_id AS "replyId",
  a.uploaded_by AS "uploadedBy", a.created_at AS "createdAt", a.storage_key AS "storageKey", a.proposal_id AS "proposalId"`;

type Row = AttachmentInfo & { storageKey: string; proposalId: string; createdAt: string | Date };

const attachmentNotFound = (id: string) => new NotFoundException({ statusCode: 404, error: 'Not Found', message: `Attachment ${id} not found` });

/**
 * Who attaches what: the lead proposer to a draft; the lead department (handler or head) while handling, to
 * the proposal or to a reply not yet approved. Reading follows the proposal's visibility. Attaching and
 * removing leave history records (with the file's sha256), under the proposal's row lock.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly history: HistoryService,
  ) {}

  async attach(user: AuthUser, proposalId: string, file: StoredUpload, replyId: string | undefined): Promise<AttachmentInfo> {
    try {
      return await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const loaded = await this.visibleLocked(em, user, proposalId);
        await this.mayAttach(em, user, loaded, replyId);
        const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM attachments WHERE proposal_id = $1`, [proposalId])) as { n: number }[];
        if (n >= this.config.attachmentMaxCount) {
          throw badRequest([{ field: 'file', messages: [`a proposal has at most ${this.config.attachmentMaxCount} attachments`] }]);
        }
        const [row] = (await em.query(
          `INSERT INTO attachments (proposal_id, reply_id, storage_key, file_name, mime_type, size, sha256, uploaded_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [proposalId, replyId ?? null, file.storageKey, cleanName(file.originalname), file.mimeType, file.size, file.sha256, user.id, now],
        )) as { id: string }[];
        await this.record(em, loaded, 'ATTACH', user.id, { attachmentId: row.id, fileName: cleanName(file.originalname), sha256: file.sha256, replyId: replyId ?? null }, now);
        return this.info(em, row.id);
      });
    } catch (err) {
      await this.storage.delete(file.storageKey).catch(() => undefined);
      throw err;
    }
  }

  async open(user: AuthUser, id: string): Promise<{ info: AttachmentInfo; stream: Readable }> {
    if (!isUuid(id)) throw attachmentNotFound(id);
    const row = await this.row(this.db.manager, id);
    const loaded = row && (await loadProposal(this.db.manager, row.proposalId));
    if (!row || !loaded || !canSee(loaded.facts, actorFactsOf(user))) throw attachmentNotFound(id);
    return { info: strip(row), stream: await this.storage.get(row.storageKey) };
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    if (!isUuid(id)) throw attachmentNotFound(id);
    const key = await this.db.transaction(async (em) => {
      const found = await this.row(em, id);
      if (!found) throw attachmentNotFound(id);
      const loaded = await this.visibleLocked(em, user, found.proposalId).catch(() => {
        throw attachmentNotFound(id);
      });
      const draftOfMine = loaded.row.state === 'draft' && loaded.row.leadProposerId === user.id;
      const mineWhileHandling = loaded.row.state.startsWith('handling.') && found.uploadedBy === user.id && (await this.replyOpen(em, found.replyId));
      if (!draftOfMine && !mineWhileHandling) {
        throw new ForbiddenException('Attachments are removed by the lead proposer while a draft, or by their uploader while the reply is being drafted');
      }
      await em.query(`DELETE FROM attachments WHERE id = $1`, [id]);
      await this.record(em, loaded, 'DETACH', user.id, { attachmentId: id, fileName: found.fileName }, this.clock.now());
      return found.storageKey;
    });
    await this.storage.delete(key).catch(() => undefined);
  }

  private async visibleLocked(em: EntityManager, user: AuthUser, proposalId: string): Promise<LoadedProposal> {
    const loaded = await loadProposal(em, proposalId, 'lock');
    if (!loaded || !canSee(loaded.facts, actorFactsOf(user))) throw proposalNotFound(proposalId);
    return loaded;
  }

  private async mayAttach(em: EntityManager, user: AuthUser, { row, facts }: LoadedProposal, replyId: string | undefined) {
    const relations = relationsOf(facts, actorFactsOf(user));
    if (row.state === 'draft' && relations.includes('leadProposer') && !replyId) return;
    const leadDept = relations.includes('leadDeptHandler') || relations.includes('leadDeptHead');
    if (row.state.startsWith('handling.') && leadDept) {
      if (!replyId) return;
      const reply = (await em.query(`SELECT status FROM proposal_replies WHERE id = $1 AND proposal_id = $2`, [replyId, row.id])) as { status: string }[];
      if (!reply.length) throw badRequest([{ field: 'replyId', messages: ['no reply with this id for this proposal'] }]);
      if (reply[0].status === 'approved') throw badRequest([{ field: 'replyId', messages: ['this reply was approved and is closed'] }]);
      return;
    }
    throw new ForbiddenException('Attachments are added by the lead proposer while a draft, and by the lead department while handling');
  }

  private async replyOpen(em: EntityManager, replyId: string | null): Promise<boolean> {
    if (!replyId) return true;
    const rows = (await em.query(`SELECT status FROM proposal_replies WHERE id = $1`, [replyId])) as { status: string }[];
    return rows[0]?.status !== 'approved';
  }

  private async row(em: EntityManager, id: string): Promise<Row | null> {
    const rows = (await em.query(`SELECT ${INFO} FROM attachments a WHERE a.id = $1`, [id])) as Row[];
    return rows[0] ?? null;
  }

  private async info(em: EntityManager, id: string): Promise<AttachmentInfo> {
    return strip((await this.row(em, id)) as Row);
  }

  private record(em: EntityManager, { row }: LoadedProposal, event: string, actorId: string, payload: Record<string, unknown>, at: Date) {
    return this.history.append(em, { proposalId: row.id, fromState: row.state, toState: row.state, event, actorId, payload, comment: null, at });
  }
}

function strip({ storageKey: _k, proposalId: _p, createdAt, ...info }: Row): AttachmentInfo {
  return { ...info, createdAt: new Date(createdAt).toISOString() };
}

/** The name as shown and sent back: no path, no control characters, at most 255 characters. */
export function cleanName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return [...(base || 'attachment')].slice(0, 255).join('');
}
