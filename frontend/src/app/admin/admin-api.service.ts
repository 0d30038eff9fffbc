import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { AdminUser, Page, RosterImportResult } from '../core/models';

export interface UserQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** The admin API the administration pages use. Provided by the admin routes only. */
@Injectable()
export class AdminApiService {
  private readonly http = inject(HttpClient);

  users(query: UserQuery): Observable<Page<AdminUser>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    return this.http.get<Page<AdminUser>>('/api/admin/users', { params });
  }

  /** Multipart upload, field `file`; `?dryRun=true` checks the rows and writes nothing. */
  importRoster(file: File, dryRun: boolean): Observable<RosterImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    const params = new HttpParams().set('dryRun', dryRun);
    return this.http.post<RosterImportResult>('/api/admin/roster/import', body, { params });
  }
}
