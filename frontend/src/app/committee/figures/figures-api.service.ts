import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DepartmentEvaluationReport, FiguresBy, FiguresReport, PublicSession, TrendsReport } from '@congress/api-types';
import type { Observable } from 'rxjs';

/** The committee's figures (`/api/reports/...`) and where its exports download from. */
@Injectable({ providedIn: 'root' })
export class FiguresApi {
  private readonly http = inject(HttpClient);

  sessions(): Observable<PublicSession[]> {
    return this.http.get<PublicSession[]>('/api/public/sessions');
  }

  figures(sessionId: string | null, by: FiguresBy): Observable<FiguresReport> {
    let params = new HttpParams().set('by', by);
    if (sessionId) params = params.set('sessionId', sessionId);
    return this.http.get<FiguresReport>('/api/reports/figures', { params });
  }

  trends(): Observable<TrendsReport> {
    return this.http.get<TrendsReport>('/api/reports/trends');
  }

  departments(sessionId: string | null): Observable<DepartmentEvaluationReport> {
    return this.http.get<DepartmentEvaluationReport>('/api/reports/departments', {
      params: sessionId ? new HttpParams().set('sessionId', sessionId) : undefined,
    });
  }

  /** A download link with the export's filters (empty ones left out); the session cookie authenticates it. */
  exportUrl(file: string, filters: Record<string, string | null | undefined>): string {
    const query = Object.entries(filters)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
      .map(([k, v]) => `${k}=${encodeURIComponent(v.trim())}`)
      .join('&');
    return query ? `/api/exports/${file}?${query}` : `/api/exports/${file}`;
  }
}
