import { expect, Page } from '@playwright/test';

/** Steps the proposal journeys share. Labels are the Chinese ones (zh-CN is the default language). */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

export async function pickCosigner(page: Page, name: string) {
  await page.locator('#p-cosigners').click();
  await page.locator('#p-cosigners').fill(name);
  await page.locator('.ant-select-item-option', { hasText: name }).click();
  await expect(page.locator('nz-select', { has: page.locator('#p-cosigners') })).toContainText(name);
}

/** Opens an event's form from the action bar. */
export async function openEvent(page: Page, event: string) {
  await page.locator(`[data-event="${event}"]`).first().click();
  await expect(page.getByTestId('event-submit')).toBeVisible();
}

/** Sends an event without payload (or with the fields filled by `fill`). */
export async function send(page: Page, event: string, fill?: () => Promise<void>) {
  await openEvent(page, event);
  if (fill) await fill();
  await page.getByTestId('event-submit').click();
  await expect(page.getByTestId('event-submit')).toBeHidden();
}

/** Chooses an option of an ng-zorro select by its text. */
export async function choose(page: Page, selectId: string, option: string) {
  await page.locator(`#${selectId}`).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

export async function expectState(page: Page, label: string) {
  await expect(page.getByTestId('state-tag').first()).toHaveText(label);
}

/** A draft with two co-signers, submitted from the editor; answers the proposal page's URL. */
export async function draftAndSubmit(page: Page, title: string): Promise<string> {
  await page.getByTestId('new-proposal').click();
  await page.locator('#p-title').fill(title);
  await page
    .locator('#p-background')
    .fill('学校图书馆目前晚上九点半闭馆，考试周期间自习座位紧张，很多教职工和研究生下班后才有时间查阅资料，现有开放时间难以满足需要。');
  await expect(page.getByTestId('background-count')).toHaveClass(/ok/);
  await page.locator('#p-suggestions').fill('建议将图书馆闭馆时间延长至晚上十一点，考试周实行通宵开放，并增加夜间安保和保洁人员。');
  await pickCosigner(page, '王芳');
  await pickCosigner(page, '李娜');
  await page.keyboard.press('Escape');
  await page.getByTestId('submit-proposal').click();
  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
  return page.url();
}
