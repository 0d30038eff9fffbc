import { expect, test } from '@playwright/test';
import { baseUrl, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';

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
