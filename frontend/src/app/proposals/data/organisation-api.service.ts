import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Category, CongressSession, DayCounting, DeadlinePreview, Department, DirectoryUser, Page, Role } from '@congress/api-types';
import { Observable, shareReplay } from 'rxjs';
import { toParams } from './proposals-api.service';

/** Master data every page reads: fetched once per visit, shared. */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  readonly sessions$ = this.http.get<CongressSession[]>('/api/sessions').pipe(shareReplay({ bufferSize: 1, refCount: false }));
  readonly categories$ = this.http.get<Category[]>('/api/categories').pipe(shareReplay({ bufferSize: 1, refCount: false }));
  readonly departments$ = this.http.get<Department[]>('/api/departments').pipe(shareReplay({ bufferSize: 1, refCount: false }));

  currentSession(): Observable<CongressSession> {
    return this.http.get<CongressSession>('/api/sessions/current');
  }

  /**
   * The due date of a period of `days` (working or calendar days) from `from` (default: now), exactly as the
   * server computes it, with the admin's calendar of holidays and make-up working days.
   */
  deadline(days: number, counting: DayCounting, from?: string): Observable<DeadlinePreview> {
    return this.http.get<DeadlinePreview>('/api/calendar/deadline', { params: toParams({ days, counting, from }) });
  }

  /** The directory: `?role=delegate&q=张` to pick co-signers. */
  directory(role: Role, q: string, pageSize = 20): Observable<Page<DirectoryUser>> {
    return this.http.get<Page<DirectoryUser>>('/api/users', { params: toParams({ role, q, pageSize }) });
  }
}
