import { expect, Page, test } from '@playwright/test';
import { baseUrl, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';

// One proposal from a draft to acceptance, each person signing in in turn (domain.md, "Lifecycle").
test.describe.serial('a proposal from draft to accepted', () => {
  const title = `关于延长图书馆晚间开放时间的提案 ${Date.now().toString(36)}`;
  let proposalUrl = '';

  async function signOut(page: Page) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
  }

  async function pickCosigner(page: Page, name: string) {
    await page.locator('#p-cosigners').click();
    await page.locator('#p-cosigners').fill(name);
    await page.locator('.ant-select-item-option', { hasText: name }).click();
  }

  async function send(page: Page, event: string) {
    await page.locator(`[data-event="${event}"]`).first().click();
    await page.getByTestId('event-submit').click();
  }

  test('delegate01 drafts and submits it; delegate02 and delegate03 co-sign', async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    await page.getByTestId('new-proposal').click();
    await page.locator('#p-title').fill(title);
    await page.locator('#p-background').fill(
      '学校图书馆目前晚上九点半闭馆，考试周期间自习座位紧张，很多教职工和研究生下班后才有时间查阅资料，现有开放时间难以满足需要。',
    );
    await expect(page.getByTestId('background-count')).toHaveClass(/ok/);
    await page.locator('#p-suggestions').fill('建议将图书馆闭馆时间延长至晚上十一点，考试周实行通宵开放，并增加夜间安保和保洁人员。');
    await pickCosigner(page, '王芳');
    await pickCosigner(page, '李娜');
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('submit-proposal').click();

    await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalUrl = page.url();
    await expect(page.getByTestId('state-tag').first()).toHaveText('征集附议');
    await expect(page.getByTestId('cosigners')).toContainText('王芳');
    await signOut(page);

    // delegate02 answers the invitation from the invitations page
    await signIn(page, 'delegate02');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(`${baseUrl()}/delegate/invitations`);
    const invitation = page.getByTestId('invitations').locator('li', { hasText: title });
    await invitation.locator('[data-event="COSIGN"]').click();
    await page.getByTestId('event-submit').click();
    await expect(invitation).toContainText('已附议');
    await expect(invitation.locator('[data-event="COSIGN"]')).toHaveCount(0);
    await signOut(page);

    // delegate03 co-signs from the proposal page's action bar; two confirmations are enough for review
    await signIn(page, 'delegate03');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(proposalUrl);
    await send(page, 'COSIGN');
    await expect(page.getByTestId('state-tag').first()).toHaveText('已提交');
  });

  test("the lead proposer's page of a submitted proposal offers no committee action", async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(proposalUrl);
    await expect(page.getByTestId('state-tag').first()).toHaveText('已提交');
    await expect(page.getByRole('heading', { name: '可以进行的操作' })).toBeVisible();
    for (const event of ['ACCEPT', 'REJECT', 'RETURN', 'MERGE', 'CONVERT', 'URGE']) {
      await expect(page.locator(`[data-event="${event}"]`)).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: '立案' })).toHaveCount(0);
  });

  test('committee1 finds it in the review queue and accepts it', async ({ page }) => {
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(proposalUrl);
    await expect(page.locator('[data-event="ACCEPT"]')).toBeVisible();
    await send(page, 'ACCEPT');
    await expect(page.getByTestId('state-tag').first()).toHaveText('已立案');
    await expect(page.getByTestId('proposal-number')).toHaveText(/^\d{4}-\d{3}$/);
    await expect(page.locator('[aria-current="step"]').first()).toContainText('已立案');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('proposal-accepted'), fullPage: true });
  });
});
