import { expect, Page, test } from '@playwright/test';
import { baseUrl, signIn } from './support/app';

/** Collects every Content-Security-Policy violation the page reports (inline script, style, image, connect …). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test('the app runs under its strict Content-Security-Policy without a single violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto(`${baseUrl()}/login`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await signIn(page, 'delegate02');
  await expect(page).toHaveURL(/\/delegate/);
  await page.reload();
  await expect(page).toHaveURL(/\/delegate/);
  expect(violations).toEqual([]);
});

test('after a reload the cookie session writes with the XSRF token HttpClient sends', async ({ page, context }) => {
  await signIn(page, 'delegate03');
  await expect(page).toHaveURL(/\/delegate/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'XSRF-TOKEN')).toMatchObject({ httpOnly: false, sameSite: 'Lax' });
  // the access token lived in memory only: after a reload only the cookie carries the session
  await page.reload();
  await expect(page.getByRole('banner')).toBeVisible();
  const patch = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  await page.getByRole('banner').getByRole('button', { name: /English/ }).click();
  const answer = await patch;
  expect(answer.request().headers()['authorization']).toBeUndefined();
  expect(answer.request().headers()['x-xsrf-token']).toBeTruthy();
  expect(answer.status()).toBe(200);
});
