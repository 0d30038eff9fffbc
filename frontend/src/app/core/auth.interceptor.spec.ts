import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { authInterceptor, unauthorizedInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('HTTP interceptors', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let auth: { token: jest.Mock; clearSession: jest.Mock };
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    auth = { token: jest.fn(() => 'abc'), clearSession: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor, unauthorizedInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: auth },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  it('adds the Bearer token to API calls only', () => {
    client.get('/api/proposals').subscribe();
    client.get('https://elsewhere.example/x').subscribe();
    expect(http.expectOne('/api/proposals').request.headers.get('Authorization')).toBe('Bearer abc');
    expect(http.expectOne('https://elsewhere.example/x').request.headers.has('Authorization')).toBe(false);
  });

  it('sends the user to the login page when any API call answers 401', () => {
    client.get('/api/proposals').subscribe({ error: () => undefined });
    http.expectOne('/api/proposals').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(auth.clearSession).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.objectContaining({ reason: 'expired' }) }));
  });

  it('leaves a wrong password on the login page to the form', () => {
    client.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not sign out on a 403', () => {
    client.get('/api/admin/users').subscribe({ error: () => undefined });
    http.expectOne('/api/admin/users').flush({}, { status: 403, statusText: 'Forbidden' });
    expect(auth.clearSession).not.toHaveBeenCalled();
  });
});
