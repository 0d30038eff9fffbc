import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import path from 'node:path';

/** Screenshots kept as test artifacts (test-results/ is not committed). */
export const screenshotPath = (name: string) => path.resolve(__dirname, '../../../test-results/e2e/screens', `${name}.png`);

export const DEMO_PASSWORD = 'demo12345';

/** The address of the app global-setup started. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: frontend/e2e/support/global-setup.ts did not run');
  return url;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // Password hashing is slow on a busy machine: wait for the server's answer before looking at the page.
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login'), { timeout: 45_000 }),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
