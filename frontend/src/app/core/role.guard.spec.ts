import { TestBed } from '@angular/core/testing';
import { CanMatchFn, provideRouter, Route, Router, UrlTree } from '@angular/router';
import { AuthService } from './auth.service';
import { userWith } from '../../testing/users';
import { User } from './models';
import { authGuard, guestGuard, homeRedirectGuard, roleGuard } from './role.guard';

describe('route guards', () => {
  let session: User | null;

  beforeEach(() => {
    session = null;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AuthService, useValue: { ensureSession: () => Promise.resolve(session) } },
      ],
    });
  });

  const run = (guard: CanMatchFn) =>
    TestBed.runInInjectionContext(() => guard({} as Route, [])) as Promise<boolean | UrlTree>;
  const url = (result: boolean | UrlTree) => TestBed.inject(Router).serializeUrl(result as UrlTree);

  describe('role guard', () => {
    it('lets the committee into the committee area', async () => {
      session = userWith(['committee']);
      await expect(run(roleGuard('committee'))).resolves.toBe(true);
    });

    it('keeps a delegate out of the committee area', async () => {
      session = userWith(['delegate']);
      await expect(run(roleGuard('committee'))).resolves.toBe(false);
    });

    it('lets in anyone holding one of several roles', async () => {
      session = userWith(['delegate', 'dept_head']);
      await expect(run(roleGuard('handler', 'dept_head'))).resolves.toBe(true);
    });

    it('keeps out someone who is not signed in', async () => {
      await expect(run(roleGuard('admin'))).resolves.toBe(false);
    });
  });

  describe('auth guard', () => {
    it('lets a signed-in user in', async () => {
      session = userWith([]);
      await expect(run(authGuard)).resolves.toBe(true);
    });

    it('sends someone without a session to the login page', async () => {
      expect(url(await run(authGuard))).toBe('/login');
    });
  });

  describe('home redirect', () => {
    it('goes to the first area of the roles', async () => {
      session = userWith(['admin', 'committee']);
      expect(url(await run(homeRedirectGuard))).toBe('/committee');
    });

    it('goes to the no-role page for a user without roles', async () => {
      session = userWith([]);
      expect(url(await run(homeRedirectGuard))).toBe('/no-role');
    });
  });

  describe('guest guard', () => {
    it('shows the login page to someone not signed in', async () => {
      await expect(run(guestGuard)).resolves.toBe(true);
    });

    it('sends a signed-in user home', async () => {
      session = userWith(['delegate']);
      expect(url(await run(guestGuard))).toBe('/');
    });
  });
});
