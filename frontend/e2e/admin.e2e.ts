import { expect, test } from '@playwright/test';
import { baseUrl, DEMO_PASSWORD, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';

// The administration pages: each lists its records and passes axe; a category is created through its form.
test('the admin keeps departments, delegations, sessions, categories and the calendar', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/admin/);

  const pages = [
    { path: 'departments', row: '教务处' },
    { path: 'delegations', row: '' },
    { path: 'sessions', row: '' },
    { path: 'calendar', row: '' },
  ];
  for (const p of pages) {
    await page.goto(`${baseUrl()}/admin/${p.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (p.row) await expect(page.getByRole('cell', { name: p.row }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`admin-${p.path}`), fullPage: true });
  }

  // the session form holds every rule with its day counting
  await page.goto(`${baseUrl()}/admin/sessions`);
  await page.getByRole('button', { name: /^编辑 / }).first().click();
  await expect(page.locator('#rule-handlingDays')).toBeVisible();
  await expect(page.locator('#count-handlingDays')).toBeVisible();
  await page.locator('#rule-handlingDays').fill('0');
  await page.getByTestId('save').click();
  await expect(page.locator('.ant-modal .error').first()).toContainText('不小于 1');
  await expectNoSeriousA11yViolations(page);
  await page.locator('.ant-modal').getByRole('button', { name: '取消' }).click();

  const name = `测试类别 ${Date.now().toString(36)}`;
  await page.goto(`${baseUrl()}/admin/categories`);
  await page.getByTestId('create').click();
  await page.getByTestId('save').click();
  await expect(page.locator('.ant-modal .error').first()).toContainText('必填');
  await page.locator('#cat-name').fill(name);
  await page.getByTestId('save').click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
});

// Every administration page in English on a phone: no translation key shows through, and axe finds nothing serious.
test.describe('on a phone, in English', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the admin pages are translated, fit and pass axe', async ({ page }) => {
    test.setTimeout(120_000);
    // the language is chosen on the login page: kept on this device, the account's own language is left alone
    await page.goto(`${baseUrl()}/login`);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/login'), { timeout: 45_000 }),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    await expect(page).toHaveURL(/\/admin/, { timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const pages = [
      { path: '', heading: 'Administration' },
      { path: 'users', heading: 'Users' },
      { path: 'departments', heading: 'Departments' },
      { path: 'delegations', heading: 'Delegations' },
      { path: 'sessions', heading: 'Sessions & rules' },
      { path: 'categories', heading: 'Categories' },
      { path: 'calendar', heading: 'Working calendar' },
      { path: 'roster-import', heading: 'Roster import' },
    ];
    for (const p of pages) {
      await page.goto(`${baseUrl()}/admin/${p.path}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.heading);
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      expect(untranslatedKeys(await page.locator('body').innerText())).toEqual([]);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: screenshotPath(`phone-en-admin-${p.path || 'home'}`), fullPage: true });
    }

    // the session form with every rule, in English
    await page.goto(`${baseUrl()}/admin/sessions`);
    await page.getByRole('button', { name: /^Edit / }).first().click();
    await expect(page.locator('#rule-handlingDays')).toBeVisible();
    expect(untranslatedKeys(await page.locator('.ant-modal').innerText())).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('phone-en-admin-session-form'), fullPage: true });
  });
});

/** Translation keys shown as text (a key missing from the dictionaries shows as itself, e.g. `admin.form.save`). */
function untranslatedKeys(text: string): string[] {
  return text.match(/\b(?:admin|areas|common|menu|lists|shell|lang|roles|state|event|proposal|auth|requests)\.[A-Za-z][\w.]*/g) ?? [];
}
