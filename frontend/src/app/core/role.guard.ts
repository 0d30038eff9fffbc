import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { homeLink } from './menu';
import { Role } from './models';

/** Matches only for a signed-in user; otherwise redirects to /login with the wanted URL. */
export const authGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (await auth.ensureSession()) return true;
  const wanted = router.currentNavigation()?.initialUrl.toString() ?? '/';
  const returnUrl = wanted === '/' || wanted.startsWith('/login') ? undefined : wanted;
  return router.createUrlTree(['/login'], { queryParams: returnUrl ? { returnUrl } : {} });
};

/** The login page is for people who are not signed in yet. */
export const guestGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureSession()) ? router.createUrlTree(['/']) : true;
};

/**
 * Matches only when the user holds one of `roles`, so a lazy area's chunk is never fetched by
 * anyone else. A refusal falls through to the shell's "not found" page. Comfort only: the server decides.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return async () => {
    // inject() only before the first await: after it the injection context is gone
    const user = await inject(AuthService).ensureSession();
    return !!user && user.roles.some((role) => roles.includes(role));
  };
}

/** `/` goes to the first area the user's roles open, or to the "no role" page. */
export const homeRedirectGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureSession();
  return router.parseUrl(homeLink(user?.roles ?? []) ?? '/no-role');
};
