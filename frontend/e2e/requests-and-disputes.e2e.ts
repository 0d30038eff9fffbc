import { expect, test } from '@playwright/test';
import { proposalInHandling, signInCast } from './support/api';
import { baseUrl, expectNoSeriousA11yViolations, screenshotPath, signIn } from './support/app';
import { choose, expectState, send, signOut } from './support/flow';

/*
 * The committee's requests and disputed evaluations, the department's own requests and its grade-B progress
 * updates, the leader's comments. Three proposals are brought to their starting state through the API:
 * one with an extension request, one with a reassignment request, one whose proposer is not satisfied.
 */
test.describe.serial('requests, disputed evaluations, progress updates and comments', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = Date.now().toString(36);
  const extension = `关于增加实验室开放时段的提案 ${stamp}`;
  const reassignment = `关于改善教工宿舍维修的提案 ${stamp}`;
  const disputed = `关于调整选课系统开放时间的提案 ${stamp}`;
  const ids = { extension: '', reassignment: '', disputed: '' };
  const complaint = `答复没有回应具体建议 ${stamp}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const cast = await signInCast();
    ids.extension = await proposalInHandling(cast, extension);
    ids.reassignment = await proposalInHandling(cast, reassignment);
    ids.disputed = await proposalInHandling(cast, disputed);
    const due = (await cast.handler.get<{ dueAt: string }>(`/api/proposals/${ids.extension}`)).dueAt;
    await cast.handler.send(ids.extension, 'REQUEST_EXTENSION', {
      dueAt: new Date(new Date(due).getTime() + 10 * 86_400_000).toISOString(),
      reason: '需要与后勤处协调实验室改造施工，申请延期十天。',
    });
    await cast.handler.send(ids.reassignment, 'REQUEST_REASSIGNMENT', { reason: '宿舍维修属于后勤管理处职责，申请改派。' });
    await cast.handler.send(ids.disputed, 'SUBMIT_REPLY', {
      grade: 'B',
      plannedAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      content: '已列入下学期工作计划，将调整选课系统开放时间。',
    });
    await cast.head.send(ids.disputed, 'APPROVE_REPLY');
    await cast.delegate01.send(ids.disputed, 'EVALUATE', { satisfaction: 'unsatisfied', comment: complaint });
    // a committee comment everyone concerned reads, and an internal one only the committee reads
    await cast.committee.send(ids.extension, 'COMMENT', { content: `请教务处按期办理 ${stamp}` });
    await cast.committee.send(ids.extension, 'COMMENT', { content: `委员会内部意见 ${stamp}`, internal: true });
  });

  test('committee1 decides the requests from the requests page', async ({ page }) => {
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.getByRole('link', { name: '延期与改派申请' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('延期与改派申请');
    const rows = page.getByTestId('request-row');
    const extensionRow = rows.filter({ hasText: extension });
    const reassignmentRow = rows.filter({ hasText: reassignment });
    await expect(extensionRow).toContainText('需要与后勤处协调实验室改造施工');
    await expect(extensionRow).toContainText('延长 10 天');
    await expect(extensionRow).toContainText('今天提出');
    await expect(reassignmentRow).toContainText('改办');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('committee-requests'), fullPage: true });

    // the kind filter asks the server for reassignments only
    await page.locator('label[nz-radio-button]', { hasText: '改办' }).click();
    await expect(extensionRow).toHaveCount(0);
    await expect(reassignmentRow).toHaveCount(1);
    await page.locator('label[nz-radio-button]', { hasText: '全部' }).click();

    await extensionRow.getByTestId('open-request').click();
    const panel = page.getByTestId('request-panel');
    await expect(panel).toContainText('延期申请');
    await expect(panel.locator('[data-event]')).toHaveCount(2);
    await expectNoSeriousA11yViolations(page);
    await panel.locator('[data-event="APPROVE_EXTENSION"]').click();
    await page.locator('#ev-comment').fill('同意延期十天。');
    await page.getByTestId('event-submit').click();
    await expect(page.getByTestId('request-decided')).toContainText(`已批准延期：${extension}`);
    await expect(extensionRow).toHaveCount(0);

    await reassignmentRow.getByTestId('open-request').click();
    await expect(panel.locator('[data-event]')).toHaveCount(2);
    await panel.locator('[data-event="REASSIGN"]').click();
    // the due date the server computes with the admin's calendar
    await expect(page.getByTestId('due-preview')).toHaveAttribute('data-source', 'server');
    await expect(page.getByTestId('due-preview')).toContainText(/\d{4}-\d{2}-\d{2}/);
    await choose(page, 'ev-leadDepartmentId', '后勤管理处');
    await page.getByTestId('event-submit').click();
    await expect(page.getByTestId('request-decided')).toContainText(`已改办：${reassignment}`);
    await expect(reassignmentRow).toHaveCount(0);
  });

  test('committee1 reads what the proposer said on the disputed page and closes the proposal', async ({ page }) => {
    await signIn(page, 'committee1');
    await expect(page).toHaveURL(/\/committee/);
    await page.getByRole('link', { name: '有异议的评价' }).click();
    const card = page.getByTestId('disputed').locator('li.card', { hasText: disputed });
    await expect(card).toContainText(complaint);
    await expect(card).toContainText('B 正在解决或列入计划');
    await expect(card).toContainText('可以决定重新办理或办结');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('committee-disputed'), fullPage: true });

    // on a phone: the cards fit, and the requests page (nothing pending now) passes axe with its empty table
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(card).toContainText(complaint);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('phone-committee-disputed'), fullPage: true });
    await page.goto(`${baseUrl()}/committee/requests`);
    await expect(page.getByText('没有符合条件的申请', { exact: true }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('phone-committee-requests'), fullPage: true });
    await page.goBack();
    await page.setViewportSize({ width: 1280, height: 720 });

    await card.getByRole('link', { name: /^处理“/ }).click();
    await expect(page).toHaveURL(new RegExp(`/proposals/${ids.disputed}$`));
    await expectState(page, '不满意待处理');
    await send(page, 'CLOSE', async () => {
      await page.locator('#ev-reason').fill('经协调，答复已说明计划安排，予以办结并继续跟踪。');
    });
    await expectState(page, '已办结');
  });

  test("jwc.handler follows the department's requests and records the progress of a grade-B promise", async ({ page }) => {
    await signIn(page, 'jwc.handler');
    await expect(page).toHaveURL(/\/department/);
    await page.getByRole('link', { name: '延期与改派申请' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('延期与改派申请');
    // the select shows its value over its input: click the select itself
    await page.locator('nz-select', { has: page.locator('#f-status') }).click();
    await page.locator('.ant-select-item-option', { hasText: '已批准' }).click();
    const approved = page.getByTestId('request-row').filter({ hasText: extension });
    await expect(approved).toContainText('已批准');
    await expect(approved).toContainText('同意延期十天。');
    await expect(page.getByTestId('open-request')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${baseUrl()}/proposals/${ids.disputed}`);
    await expectState(page, '已办结');
    await send(page, 'PROGRESS_UPDATE', async () => {
      await page.locator('#ev-content').fill(`选课系统改造已完成招标，预计下学期上线。${stamp}`);
    });
    const progress = page.getByRole('region', { name: '提案内容' }).locator('li', { hasText: `选课系统改造已完成招标，预计下学期上线。${stamp}` });
    await expect(progress).toContainText('进展情况');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('department-progress-update'), fullPage: true });
    await signOut(page);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test("leader1's pages: an empty list passes axe, and a proposal shows the comments a leader may read", async ({ page }) => {
      await signIn(page, 'leader1');
      await expect(page).toHaveURL(/\/leader/, { timeout: 30_000 });
      // nothing is overdue: an empty table at 360 px has no scroll region without a focusable element
      await page.locator('label[nz-radio-button]', { hasText: '已逾期' }).click();
      await expect(page.getByText('没有提案', { exact: true }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await page.goto(`${baseUrl()}/proposals/${ids.extension}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(extension);
      const comments = page.getByRole('region', { name: '提案内容' });
      await expect(comments).toContainText(`请教务处按期办理 ${stamp}`);
      await expect(comments).not.toContainText(`委员会内部意见 ${stamp}`);
      await send(page, 'COMMENT', async () => {
        await page.locator('#ev-content').fill(`请抓紧落实，按期答复。${stamp}`);
      });
      await expect(comments.locator('li', { hasText: `请抓紧落实，按期答复。${stamp}` })).toContainText('郑国华');
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: screenshotPath('phone-leader-comment'), fullPage: true });
    });
  });
});
