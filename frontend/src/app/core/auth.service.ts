import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { catchError, firstValueFrom, map, Observable, of, tap } from 'rxjs';
import { Language, LoginRequest, LoginResponse, Role, User } from './models';

/** `GET /api/me` may answer the user itself or `{ user, accessToken? }`; both are accepted. */
type MeResponse = User | { user: User; accessToken?: string };

/**
 * The signed-in user. The access token lives in memory only; after a reload the
 * httpOnly cookie set at login lets `GET /api/me` restore the session.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly currentUser = signal<User | null>(null);
  private accessToken: string | null = null;
  private restoring: Promise<User | null> | null = null;

  readonly user = this.currentUser.asReadonly();
  readonly isAuthenticated = computed(() => this.currentUser() !== null);
  readonly roles = computed<readonly Role[]>(() => this.currentUser()?.roles ?? []);

  token(): string | null {
    return this.accessToken;
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    return this.roles().some((role) => roles.includes(role));
  }

  login(credentials: LoginRequest): Observable<User> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      tap((res) => this.setSession(res.user, res.accessToken)),
      map((res) => res.user),
    );
  }

  /** Resolves the current user, asking the server once (cookie) when none is known yet. */
  ensureSession(): Promise<User | null> {
    const known = this.currentUser();
    if (known) return Promise.resolve(known);
    this.restoring ??= firstValueFrom(
      this.http.get<MeResponse>('/api/me').pipe(
        tap((res) => {
          if ('user' in res) this.setSession(res.user, res.accessToken ?? this.accessToken);
          else this.setSession(res, this.accessToken);
        }),
        map(() => this.currentUser()),
        catchError(() => of(null)),
      ),
    ).finally(() => (this.restoring = null));
    return this.restoring;
  }

  /** Ends the session on the server (clears the cookie) and always forgets it locally. */
  logout(): Observable<void> {
    return this.http.post<unknown>('/api/auth/logout', {}).pipe(
      catchError(() => of(null)),
      tap(() => this.clearSession()),
      map(() => undefined),
    );
  }

  /** Keeps the interface language on the account too (e-mails and reminders follow it); best effort. */
  saveLanguage(language: Language): void {
    const user = this.currentUser();
    if (!user || user.language === language) return;
    this.http
      .patch<User>('/api/me', { language })
      .pipe(catchError(() => of(null)))
      .subscribe((updated) => {
        if (updated && this.currentUser()?.id === updated.id) this.currentUser.set(updated);
      });
  }

  clearSession(): void {
    this.accessToken = null;
    this.currentUser.set(null);
  }

  private setSession(user: User, token: string | null): void {
    this.accessToken = token;
    this.currentUser.set(user);
  }
}
