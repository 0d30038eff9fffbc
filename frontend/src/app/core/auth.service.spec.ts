import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { userWith } from '../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;
  const delegate = userWith(['delegate']);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function signIn(): void {
    auth.login({ username: 'delegate01', password: 'secret' }).subscribe();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'delegate01', password: 'secret' });
    req.flush({ accessToken: 'token-1', expiresAt: '2030-01-01T00:00:00Z', user: delegate });
  }

  it('keeps the user and the token after a successful login', () => {
    signIn();
    expect(auth.user()).toEqual(delegate);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.roles()).toEqual(['delegate']);
    expect(auth.token()).toBe('token-1');
  });

  it('sends the token as a Bearer header on later API calls', () => {
    signIn();
    TestBed.inject(HttpClient).get('/api/sessions').subscribe();
    const req = http.expectOne('/api/sessions');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush([]);
  });

  it('keeps nothing after a failed login', () => {
    auth.login({ username: 'delegate01', password: 'wrong' }).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush({ message: 'bad' }, { status: 401, statusText: 'Unauthorized' });
    expect(auth.user()).toBeNull();
    expect(auth.token()).toBeNull();
  });

  it('forgets the session on logout', () => {
    signIn();
    let done = false;
    auth.logout().subscribe(() => (done = true));
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush({});
    expect(done).toBe(true);
    expect(auth.user()).toBeNull();
    expect(auth.token()).toBeNull();
  });

  it('forgets the session on logout even when the server does not answer', () => {
    signIn();
    auth.logout().subscribe();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('restores the session from the cookie after a reload with one /api/me call', async () => {
    const first = auth.ensureSession();
    const second = auth.ensureSession();
    http.expectOne('/api/me').flush(delegate);
    await expect(first).resolves.toEqual(delegate);
    await expect(second).resolves.toEqual(delegate);
    expect(auth.user()).toEqual(delegate);
    await expect(auth.ensureSession()).resolves.toEqual(delegate);
  });

  it('reports no session when /api/me answers 401', async () => {
    const restored = auth.ensureSession();
    http.expectOne('/api/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBeNull();
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('keeps a language switch on the account of the signed-in user', () => {
    signIn();
    auth.saveLanguage('en');
    const req = http.expectOne('/api/me');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ language: 'en' });
    req.flush({ ...delegate, language: 'en' });
    expect(auth.user()?.language).toBe('en');
  });

  it('does not save a language without a session', () => {
    auth.saveLanguage('en');
    http.expectNone('/api/me');
  });
});
