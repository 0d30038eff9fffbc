import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Page,
  PublicFiguresReport,
  PublicProposal,
  PublicProposalSummary,
  PublicResponseTimeRow,
  PublicSession,
} from '@congress/api-types';
import type { Observable } from 'rxjs';

export interface PortalQuery {
  sessionId?: string | null;
  categoryId?: string | null;
  departmentId?: string | null;
  q?: string | null;
  page?: number;
}

export interface PortalOption {
  id: string;
  name: string;
  nameEn: string | null;
}

function params(values: Record<string, string | number | null | undefined>): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') p = p.set(k, String(v));
  return p;
}

/** The public portal's data: only `/api/public/...`, which answer without a login. */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);

  sessions(): Observable<PublicSession[]> {
    return this.http.get<PublicSession[]>('/api/public/sessions');
  }

  proposals(q: PortalQuery): Observable<Page<PublicProposalSummary>> {
    return this.http.get<Page<PublicProposalSummary>>('/api/public/proposals', {
      params: params({ sessionId: q.sessionId, categoryId: q.categoryId, departmentId: q.departmentId, q: q.q, page: q.page }),
    });
  }

  proposal(id: string): Observable<PublicProposal> {
    return this.http.get<PublicProposal>(`/api/public/proposals/${encodeURIComponent(id)}`);
  }

  figures(sessionId?: string | null): Observable<PublicFiguresReport> {
    return this.http.get<PublicFiguresReport>('/api/public/figures', { params: params({ sessionId }) });
  }

  responseTimes(sessionId?: string | null): Observable<PublicResponseTimeRow[]> {
    return this.http.get<PublicResponseTimeRow[]>('/api/public/departments/response-times', { params: params({ sessionId }) });
  }
}

/** 0.857 → "85.7%", null → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
