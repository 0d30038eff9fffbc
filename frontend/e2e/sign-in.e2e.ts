import { expect, test } from '@playwright/test';
import { baseUrl, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';

test.describe.configure({ timeout: 120_000 });

// Each role of the demo university signs in and lands in its own area, in Chinese by default.
const accounts = [
  { username: 'admin', area: '/admin', role: '系统管理员' },
  { username: 'committee1', area: '/committee', role: '提案工作委员会' },
  { username: 'leader1', area: '/leader', role: '分管校领导' },
  { username: 'jwc.handler', area: '/department', role: '承办人' },
  { username: 'jwc.head', area: '/department', role: '部门负责人' },
  { username: 'delegate01', area: '/delegate', role: '代表团团长' },
  { username: 'delegate02', area: '/delegate', role: '代表' },
];

for (const account of accounts) {
  test(`${account.username} signs in and lands in ${account.area}`, async ({ page }) => {
    await signIn(page, account.username);
    await expect(page).toHaveURL(new RegExp(`${account.area}(/|$)`));
    await expect(page.getByRole('banner')).toContainText(account.role);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(account.username), fullPage: true });
  });
}

test('a wrong password is refused with a message, and nothing opens', async ({ page }) => {
  await signIn(page, 'delegate03', 'not-the-password');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
});

test('the login page passes axe and switches to English', async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('a signed-in delegate may not open the admin area', async ({ page }) => {
  await signIn(page, 'delegate04');
  await expect(page).toHaveURL(/\/delegate/);
  await page.goto(`${baseUrl()}/admin`);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('signing out returns to the login page', async ({ page }) => {
  await signIn(page, 'committee2');
  await expect(page).toHaveURL(/\/committee/);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
});
