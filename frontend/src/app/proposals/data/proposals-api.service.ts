import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AttachmentInfo,
  CreateProposalRequest,
  Page,
  ProposalDetail,
  ProposalHistoryEntry,
  ProposalListQuery,
  ProposalRequestPage,
  ProposalRequestQuery,
  ProposalSummary,
  SimilarProposal,
  UpdateProposalRequest,
} from '@congress/api-types';
import type { EventRequest, EventType } from '@congress/workflow';
import { Observable } from 'rxjs';

/** Query parameters without the empty ones (the server treats `?q=` as a filter). */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params = params.set(key, String(value));
  }
  return params;
}

/** The typed client of `/api/proposals` (domain.md, "The HTTP API's fixed points"). */
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  list(query: ProposalListQuery): Observable<Page<ProposalSummary>> {
    // `published=false` is a filter of its own (only the unpublished), unlike the other flags
    const { published, ...rest } = query;
    const params = toParams(rest);
    return this.http.get<Page<ProposalSummary>>('/api/proposals', {
      params: published === undefined ? params : params.set('published', String(published)),
    });
  }

  /** The extension and reassignment requests (`GET /api/proposal-requests`, pending unless `status` says otherwise). */
  requests(query: ProposalRequestQuery): Observable<ProposalRequestPage> {
    return this.http.get<ProposalRequestPage>('/api/proposal-requests', { params: toParams(query) });
  }

  get(id: string): Observable<ProposalDetail> {
    return this.http.get<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}`);
  }

  history(id: string): Observable<ProposalHistoryEntry[]> {
    return this.http.get<ProposalHistoryEntry[]>(`/api/proposals/${encodeURIComponent(id)}/history`);
  }

  similarToTitle(title: string, sessionId?: string): Observable<SimilarProposal[]> {
    return this.http.get<SimilarProposal[]>('/api/proposals/similar', { params: toParams({ title, sessionId }) });
  }

  similarTo(id: string): Observable<SimilarProposal[]> {
    return this.http.get<SimilarProposal[]>(`/api/proposals/${encodeURIComponent(id)}/similar`);
  }

  create(body: CreateProposalRequest): Observable<ProposalDetail> {
    return this.http.post<ProposalDetail>('/api/proposals', body);
  }

  update(id: string, body: UpdateProposalRequest): Observable<ProposalDetail> {
    return this.http.patch<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}`, body);
  }

  inviteCosigners(id: string, userIds: string[], expectedVersion: number): Observable<ProposalDetail> {
    return this.http.post<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}/cosigners`, { userIds, expectedVersion });
  }

  removeCosigner(id: string, userId: string, expectedVersion: number): Observable<ProposalDetail> {
    return this.http.delete<ProposalDetail>(
      `/api/proposals/${encodeURIComponent(id)}/cosigners/${encodeURIComponent(userId)}`,
      { params: toParams({ expectedVersion }) },
    );
  }

  /** The one door for lifecycle events: `{type, expectedVersion, ...payload}`. */
  send<T extends EventType>(id: string, event: EventRequest<T>, expectedVersion: number): Observable<ProposalDetail> {
    return this.http.post<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}/events`, { ...event, expectedVersion });
  }

  /** Multipart upload, field `file` (the server decides the type from the content; 413 too large, 415 not allowed). */
  uploadAttachment(id: string, file: File): Observable<AttachmentInfo> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<AttachmentInfo>(`/api/proposals/${encodeURIComponent(id)}/attachments`, body);
  }

  removeAttachment(attachmentId: string): Observable<void> {
    return this.http.delete<void>(`/api/attachments/${encodeURIComponent(attachmentId)}`);
  }
}
