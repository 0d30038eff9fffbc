import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminDepartment,
  CalendarDay,
  Category,
  CongressSession,
  CreateCategoryRequest,
  CreateDelegationRequest,
  CreateDepartmentRequest,
  CreateSessionRequest,
  Delegation,
  DelegationDelegatesRequest,
  DepartmentMembersRequest,
  PutCalendarDayRequest,
  UpdateCategoryRequest,
  UpdateDelegationRequest,
  UpdateDepartmentRequest,
  UpdateSessionRequest,
} from '@congress/api-types';
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

  departments(): Observable<AdminDepartment[]> {
    return this.http.get<AdminDepartment[]>('/api/admin/departments');
  }
  department(id: string): Observable<AdminDepartment> {
    return this.http.get<AdminDepartment>(`/api/admin/departments/${id}`);
  }
  createDepartment(body: CreateDepartmentRequest): Observable<AdminDepartment> {
    return this.http.post<AdminDepartment>('/api/admin/departments', body);
  }
  updateDepartment(id: string, body: UpdateDepartmentRequest): Observable<AdminDepartment> {
    return this.http.patch<AdminDepartment>(`/api/admin/departments/${id}`, body);
  }
  setDepartmentMembers(id: string, body: DepartmentMembersRequest): Observable<AdminDepartment> {
    return this.http.put<AdminDepartment>(`/api/admin/departments/${id}/members`, body);
  }

  delegations(): Observable<Delegation[]> {
    return this.http.get<Delegation[]>('/api/admin/delegations');
  }
  delegation(id: string): Observable<Delegation> {
    return this.http.get<Delegation>(`/api/admin/delegations/${id}`);
  }
  createDelegation(body: CreateDelegationRequest): Observable<Delegation> {
    return this.http.post<Delegation>('/api/admin/delegations', body);
  }
  updateDelegation(id: string, body: UpdateDelegationRequest): Observable<Delegation> {
    return this.http.patch<Delegation>(`/api/admin/delegations/${id}`, body);
  }
  setDelegates(id: string, body: DelegationDelegatesRequest): Observable<Delegation> {
    return this.http.put<Delegation>(`/api/admin/delegations/${id}/delegates`, body);
  }

  sessions(): Observable<CongressSession[]> {
    return this.http.get<CongressSession[]>('/api/admin/sessions');
  }
  session(id: string): Observable<CongressSession> {
    return this.http.get<CongressSession>(`/api/admin/sessions/${id}`);
  }
  createSession(body: CreateSessionRequest): Observable<CongressSession> {
    return this.http.post<CongressSession>('/api/admin/sessions', body);
  }
  updateSession(id: string, body: UpdateSessionRequest): Observable<CongressSession> {
    return this.http.patch<CongressSession>(`/api/admin/sessions/${id}`, body);
  }

  categories(): Observable<Category[]> {
    return this.http.get<Category[]>('/api/admin/categories');
  }
  createCategory(body: CreateCategoryRequest): Observable<Category> {
    return this.http.post<Category>('/api/admin/categories', body);
  }
  updateCategory(id: string, body: UpdateCategoryRequest): Observable<Category> {
    return this.http.patch<Category>(`/api/admin/categories/${id}`, body);
  }

  calendar(year: number): Observable<CalendarDay[]> {
    return this.http.get<CalendarDay[]>('/api/admin/calendar', { params: new HttpParams().set('year', year) });
  }
  putCalendarDay(day: string, body: PutCalendarDayRequest): Observable<CalendarDay> {
    return this.http.put<CalendarDay>(`/api/admin/calendar/${day}`, body);
  }
  removeCalendarDay(day: string): Observable<void> {
    return this.http.delete<void>(`/api/admin/calendar/${day}`);
  }
}
