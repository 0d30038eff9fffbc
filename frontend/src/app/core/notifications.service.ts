import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { NotificationItem, NotificationListQuery, NotificationPage, ReadAllResponse } from '@congress/api-types';
import { catchError, EMPTY, Observable, tap } from 'rxjs';

/** The caller's inbox (`/api/notifications`) and the unread count the header bell shows. */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);
  private readonly unreadCount = signal(0);

  readonly unread = this.unreadCount.asReadonly();

  page(query: NotificationListQuery): Observable<NotificationPage> {
    let params = new HttpParams();
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    if (query.unreadOnly) params = params.set('unreadOnly', true);
    return this.http.get<NotificationPage>('/api/notifications', { params }).pipe(tap((p) => this.unreadCount.set(p.unread)));
  }

  /** Asks for the unread count only; failures leave the last count (the bell is a comfort). */
  refreshUnread(): void {
    this.page({ pageSize: 1 })
      .pipe(catchError(() => EMPTY))
      .subscribe();
  }

  markRead(id: string): Observable<NotificationItem> {
    return this.http
      .post<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}/read`, {})
      .pipe(tap(() => this.unreadCount.update((n) => Math.max(0, n - 1))));
  }

  markAllRead(): Observable<ReadAllResponse> {
    return this.http.post<ReadAllResponse>('/api/notifications/read-all', {}).pipe(tap((r) => this.unreadCount.set(r.unread)));
  }
}
