import { expect, test } from '@playwright/test';
import { baseUrl, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';
import { choose, draftAndSubmit, expectState, openEvent, send, signOut } from './support/flow';

// One proposal from a draft to closed, each person signing in in turn (domain.md, "Lifecycle").
test.describe.serial('a proposal from draft to closed', () => {
  test.describe.configure({ timeout: 120_000 });
  const title = `关于延长图书馆晚间开放时间的提案 ${Date.now().toString(36)}`;
  let proposalUrl = '';

  test('delegate01 drafts and submits it; delegate02 and delegate03 co-sign', async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    proposalUrl = await draftAndSubmit(page, title);
    await expectState(page, '征集附议');
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
    await expectState(page, '已提交');
  });

  test("the lead proposer's page of a submitted proposal offers no committee action", async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(proposalUrl);
    await expectState(page, '已提交');
    await expect(page.getByRole('heading', { name: '可以进行的操作' })).toBeVisible();
    for (const event of ['ACCEPT', 'REJECT', 'RETURN', 'MERGE', 'CONVERT', 'URGE']) {
      await expect(page.locator(`[data-event="${event}"]`)).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: '立案' })).toHaveCount(0);
  });

  test('committee1 accepts, classifies and assigns it to 教务处, seeing the due date first', async ({ page }) => {
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(proposalUrl);
    await send(page, 'ACCEPT');
    await expectState(page, '已立案');
    await expect(page.getByTestId('proposal-number')).toHaveText(/^\d{4}-\d{3}$/);
    await expect(page.locator('[aria-current="step"]').first()).toContainText('已立案');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('proposal-accepted'), fullPage: true });

    await send(page, 'CLASSIFY', async () => {
      await page.locator('#ev-categoryId').click();
      await page.locator('.ant-select-item-option').first().click();
    });
    await expectState(page, '已分类');

    await openEvent(page, 'ASSIGN');
    await expect(page.getByTestId('due-preview')).toContainText(/\d{4}-\d{2}-\d{2}/);
    await choose(page, 'ev-leadDepartmentId', '教务处');
    await page.getByTestId('event-submit').click();
    await expect(page.getByTestId('event-submit')).toBeHidden();
    await expectState(page, '答复起草');
  });

  test('jwc.handler logs a contact and submits a grade-A reply; jwc.head approves it', async ({ page }) => {
    await signIn(page, 'jwc.handler');
    await expect(page).toHaveURL(/\/department/);
    await page.goto(proposalUrl);
    await send(page, 'LOG_CONTACT', async () => {
      await page.locator('.ant-modal label', { hasText: '电话' }).click();
      await page.locator('#ev-content').fill('电话联系提案人，说明图书馆延长开放时间的安排。');
    });
    await send(page, 'SUBMIT_REPLY', async () => {
      await page.locator('.ant-modal label', { hasText: 'A 已解决' }).click();
      await page.locator('#ev-content').fill('自下学期起图书馆闭馆时间延长至晚上十一点，考试周通宵开放。');
    });
    await expectState(page, '部门审核');
    await signOut(page);

    await signIn(page, 'jwc.head');
    await expect(page).toHaveURL(/\/department/);
    await page.goto(proposalUrl);
    await send(page, 'APPROVE_REPLY');
    await expectState(page, '已答复');
  });

  test('delegate01 evaluates it as satisfied and it is closed; the committee publishes it', async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(proposalUrl);
    await send(page, 'EVALUATE', async () => {
      await page.locator('.ant-modal label', { hasText: /^\s*满意\s*$/ }).click();
    });
    await expectState(page, '已办结');
    await signOut(page);

    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.goto(`${baseUrl()}/committee/publishing`);
    const row = page.locator('tr', { hasText: title });
    await expect(row).toContainText('未公开');
    await expectNoSeriousA11yViolations(page);
    await row.getByRole('button', { name: '公开' }).click();
    await expect(row).toContainText('已公开');
  });
});

// Returned with a comment, revised (with an attachment), resubmitted, rejected.
test.describe.serial('a proposal returned, revised, resubmitted and rejected', () => {
  test.describe.configure({ timeout: 120_000 });
  const title = `关于增设校园充电桩的提案 ${Date.now().toString(36)}`;
  let proposalUrl = '';

  test('delegate01 submits it and both co-signers co-sign', async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    proposalUrl = await draftAndSubmit(page, title);
    await signOut(page);
    for (const delegate of ['delegate02', 'delegate03']) {
      await signIn(page, delegate);
      await expect(page).toHaveURL(/\/delegate/);
      await page.goto(proposalUrl);
      await send(page, 'COSIGN');
      await signOut(page);
    }
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.goto(proposalUrl);
    await expectState(page, '已提交');
    await send(page, 'RETURN', async () => {
      await page.locator('#ev-comment').fill('请补充充电桩的建议位置和数量。');
    });
    await expectState(page, '草稿');
  });

  test('delegate01 reads the comment, attaches a file, revises and resubmits', async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/);
    await page.goto(proposalUrl);
    await expectState(page, '草稿');

    const file = page.getByTestId('attachment-file');
    await file.setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]) });
    await expect(page.getByRole('alert').filter({ hasText: '不支持该文件类型' })).toBeVisible();
    await file.setInputFiles({ name: '充电桩位置.txt', mimeType: 'text/plain', buffer: Buffer.from('东区停车场 10 个；西区停车场 8 个。\n', 'utf8') });
    await expect(page.getByTestId('attachments')).toContainText('充电桩位置.txt');
    await expect(page.getByRole('link', { name: '充电桩位置.txt' })).toHaveAttribute('href', /\/api\/attachments\//);

    await page.goto(`${proposalUrl.replace(/\/proposals\//, '/delegate/proposals/')}/edit`);
    await expect(page.getByTestId('return-comment')).toContainText('请补充充电桩的建议位置和数量');
    await page.locator('#p-suggestions').fill('建议在东区停车场设置 10 个、西区停车场设置 8 个电动车充电桩，由后勤统一管理并按电价收费。');
    await page.getByTestId('submit-proposal').click();
    await expect(page).toHaveURL(proposalUrl);
    await expectState(page, '已提交');
  });

  test('committee1 rejects it with a reason', async ({ page }) => {
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.goto(proposalUrl);
    await send(page, 'REJECT', async () => {
      await page.locator('#ev-reason').fill('属于学校后勤日常管理事项，已转后勤处按意见建议处理。');
    });
    await expectState(page, '不予立案');
    await expect(page.locator('[data-event]')).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test.describe.configure({ timeout: 120_000 });

  test("a delegate's main page and a proposal page fit and pass axe", async ({ page }) => {
    await signIn(page, 'delegate01');
    await expect(page).toHaveURL(/\/delegate/, { timeout: 30_000 });
    await expect(page.getByTestId('new-proposal')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('phone-delegate'), fullPage: true });

    await page.locator('a[href^="/proposals/"]').first().click();
    await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('state-tag').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('phone-proposal'), fullPage: true });
  });
});
