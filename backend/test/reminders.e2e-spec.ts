import { localDay, shiftDay, startOfDay } from '../src/app/organisation/working-days';
import { QueueRegistry } from '../src/app/queues/queue-registry';
import { Api } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';
import {
  at,
  clockOf,
  ledgerOf,
  notificationsOf,
  scheduledStep,
  settle,
  setLanguage,
  SmtpSink,
  startFastApp,
  waitFor,
} from './reminders-harness';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
/** 09:00 in Shanghai on a date: when day-based reminders go out. */
const nineOn = (day: string) => new Date(startOfDay(day, TZ).getTime() + 9 * 3_600_000);
const dayOf = (iso: string) => localDay(new Date(iso), TZ);
const before = (d: Date, ms = 3_600_000) => new Date(d.getTime() - ms);

describe('reminders: each fires once, at its time, to the right people, in their language', () => {
  let t: TestApp;
  let api: Api;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startFastApp(smtp);
    api = new Api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => clockOf(t).reset());

  /** Nothing more than `n` notifications of this topic after the queues settled. */
  async function exactly(proposalId: string, topic: string, n: number) {
    await settle(t);
    await new Promise((r) => setTimeout(r, 100));
    const rows = await notificationsOf(t, proposalId, topic);
    expect(rows).toHaveLength(n);
    return rows;
  }
  const arrive = (proposalId: string, topic: string, n: number) =>
    waitFor(async () => {
      const rows = await notificationsOf(t, proposalId, topic);
      return rows.length >= n && rows;
    }, `${n} ${topic} notifications`);

  it('handling: 14 and 3 days before the due date, on it, then weekly overdue, escalating to the head and the leader', async () => {
    await setLanguage(t, 'jwc.handler', 'en');
    const p = await api.handling('jwc');
    const dueDay = dayOf(p.dueAt);
    const b14 = await scheduledStep(t, p.id, 'handlingDue', 'before14');
    expect(b14.runAt).toEqual(nineOn(shiftDay(dueDay, -14)));
    expect(b14.jobId).toBe(`handlingDue-${p.id}-${Date.parse(p.dueAt)}-before14`);
    const job = await t.app.get(QueueRegistry).queue('reminders').getJob(b14.jobId);
    expect(await job!.getState()).toBe('delayed');

    // an hour early: nothing, even when Redis hands the job over (another host's clock): it waits again
    await at(before(b14.runAt), t);
    await job!.promote();
    await waitFor(async () => (await job!.getState()) === 'delayed', 'the job to wait again');
    await exactly(p.id, 'handlingDue', 0);

    // at its time: the handler, in English, in the inbox and by e-mail
    await at(b14.runAt, t);
    const [first] = await arrive(p.id, 'handlingDue', 1);
    expect(first).toMatchObject({ username: 'jwc.handler', language: 'en', kind: 'reminder', eventKey: b14.jobId });
    expect(first.title).toMatch(/^Reply due in 14 days: proposal \d{4}-\d{3} “关于改善学校食堂伙食质量的提案”$/);
    expect(first.body).toContain(`is due on ${dueDay}`);
    const mail = await waitFor(() => smtp.to('jwc.handler@example.edu.cn').find((m) => m.subject === first.title), 'the reminder e-mail');
    expect(mail.text).toContain(`/proposals/${p.id}`);

    // time goes on and the reconciler runs again: still once
    await at(new Date(b14.runAt.getTime() + DAY), t);
    await exactly(p.id, 'handlingDue', 1);

    const b3 = await scheduledStep(t, p.id, 'handlingDue', 'before3');
    expect(b3.runAt).toEqual(nineOn(shiftDay(dueDay, -3)));
    await at(b3.runAt, t);
    expect((await arrive(p.id, 'handlingDue', 2))[1].title).toMatch(/^Reply due in 3 days/);

    const due = await scheduledStep(t, p.id, 'handlingDue', 'due');
    expect(due.runAt).toEqual(nineOn(dueDay));
    await at(due.runAt, t);
    expect((await arrive(p.id, 'handlingDue', 3))[2].title).toMatch(/^Reply due today/);

    // a week overdue: the head too (in Chinese)
    const o1 = await scheduledStep(t, p.id, 'handlingDue', 'overdue1');
    expect(o1.runAt).toEqual(nineOn(shiftDay(dueDay, 7)));
    await at(o1.runAt, t);
    const week1 = (await arrive(p.id, 'handlingDue', 5)).slice(3);
    expect(week1.map((r) => r.username).sort()).toEqual(['jwc.handler', 'jwc.head']);
    expect(week1.find((r) => r.username === 'jwc.head')!.title).toMatch(/^答复已超期1周：\d{4}-\d{3}号提案《/);

    // the chain goes on: two weeks overdue, the leader in charge too
    const o2 = await scheduledStep(t, p.id, 'handlingDue', 'overdue2');
    expect(o2.runAt).toEqual(nineOn(shiftDay(dueDay, 14)));
    await at(o2.runAt, t);
    const week2 = (await arrive(p.id, 'handlingDue', 8)).slice(5);
    expect(week2.map((r) => r.username).sort()).toEqual(['jwc.handler', 'jwc.head', 'leader1']);
    expect(week2.find((r) => r.username === 'leader1')!.body).toContain('已超期2周');
    await exactly(p.id, 'handlingDue', 8);
    expect((await ledgerOf(t, p.id, 'handlingDue')).filter((r) => r.status === 'done').map((r) => r.step)).toEqual([
      'before14',
      'before3',
      'due',
      'overdue1',
      'overdue2',
    ]);
  });

  it('an approved extension moves the handling reminders to the new due date', async () => {
    const p = await api.handling('hqc');
    const old = await scheduledStep(t, p.id, 'handlingDue', 'before14');
    const newDue = new Date(Date.parse(p.dueAt) + 30 * DAY).toISOString();
    await api.ok('hqc.handler', p.id, 'REQUEST_EXTENSION', { dueAt: newDue, reason: '改造工程需等待预算批复' });
    await api.ok('committee1', p.id, 'APPROVE_EXTENSION');
    const moved = await waitFor(
      async () => (await ledgerOf(t, p.id, 'handlingDue')).find((r) => r.step === 'before14' && r.anchor?.getTime() === Date.parse(newDue)),
      'the reminders of the new due date',
    );
    expect(moved.status).toBe('scheduled');
    expect(moved.runAt).toEqual(nineOn(shiftDay(dayOf(newDue), -14)));
    await waitFor(async () => (await ledgerOf(t, p.id, 'handlingDue')).filter((r) => r.status === 'cancelled').length === 4, 'the old ones cancelled');
    const queue = t.app.get(QueueRegistry).queue('reminders');
    expect(await queue.getJob(old.jobId)).toBeUndefined();
    expect(await (await queue.getJob(moved.jobId))!.getState()).toBe('delayed');

    await at(old.runAt, t);
    await exactly(p.id, 'handlingDue', 0);
    await at(moved.runAt, t);
    expect((await arrive(p.id, 'handlingDue', 1))[0]).toMatchObject({ username: 'hqc.handler', eventKey: moved.jobId });
    expect((await notificationsOf(t, p.id, 'extensionApproved')).map((r) => r.username).sort()).toEqual(['hqc.handler', 'hqc.head']);
  });

  it('an approved reply cancels the handling reminders and opens the evaluation ones', async () => {
    const p = await api.handling('xgb');
    const b14 = await scheduledStep(t, p.id, 'handlingDue', 'before14');
    await api.ok('xgb.handler', p.id, 'SUBMIT_REPLY', { grade: 'A', content: '已协调解决。' });
    await api.ok('xgb.head', p.id, 'APPROVE_REPLY');
    await waitFor(async () => (await ledgerOf(t, p.id, 'handlingDue')).every((r) => r.status === 'cancelled'), 'handling reminders cancelled');
    const queue = t.app.get(QueueRegistry).queue('reminders');
    for (const r of await ledgerOf(t, p.id, 'handlingDue')) expect(await queue.getJob(r.jobId)).toBeUndefined();
    await scheduledStep(t, p.id, 'evaluationReminder', 'before3');
    await at(b14.runAt, t);
    await exactly(p.id, 'handlingDue', 0);
  });

  it('co-signing: the invited who did not answer are reminded 2 days before the window ends; when it ends with too few, back to draft', async () => {
    await setLanguage(t, 'delegate07', 'en');
    const d = await api.draft('delegate05', {}, ['delegate06', 'delegate07']);
    const submitted = await api.ok('delegate05', d.id, 'SUBMIT');
    await api.ok('delegate06', d.id, 'COSIGN');
    const reminder = await scheduledStep(t, d.id, 'cosignReminder', 'before2');
    expect(reminder.runAt).toEqual(nineOn(shiftDay(dayOf(submitted.cosignDeadline), -2)));
    const deadline = await scheduledStep(t, d.id, 'cosignDeadline', 'deadline');
    expect(deadline.runAt).toEqual(new Date(submitted.cosignDeadline));

    await at(reminder.runAt, t);
    const [r] = await arrive(d.id, 'cosignReminder', 1);
    expect(r).toMatchObject({ username: 'delegate07', language: 'en' });
    expect(r.title).toMatch(/^Co-signing closes soon: the proposal “/);

    await at(before(deadline.runAt, 60_000), t);
    await exactly(d.id, 'cosignFailed', 0);
    await at(deadline.runAt, t);
    const failed = await arrive(d.id, 'cosignFailed', 2);
    expect(failed.map((x) => x.username).sort()).toEqual(['delegate05', 'delegate06']);
    const detail = await api.get('delegate05', `/api/proposals/${d.id}`);
    expect(detail.body.state).toBe('draft');
    const history = await api.get('delegate05', `/api/proposals/${d.id}/history`);
    expect(history.body.at(-1)).toMatchObject({ event: 'COSIGN_DEADLINE', from: 'cosigning', to: 'draft', actor: null });
    expect((await ledgerOf(t, d.id, 'cosignDeadline'))[0]).toMatchObject({ status: 'done', outcome: 'COSIGN_DEADLINE: cosigning → draft' });
    await exactly(d.id, 'cosignReminder', 1);
  });

  it('the committee is reminded when a submission is older than the review target', async () => {
    const p = await api.submitted();
    const r = await scheduledStep(t, p.id, 'reviewOverdue', 'after');
    expect(r.runAt).toEqual(nineOn(shiftDay(dayOf(p.submittedAt ?? r.anchor!.toISOString()), 16)));
    await at(before(r.runAt), t);
    await exactly(p.id, 'reviewOverdue', 0);
    await at(r.runAt, t);
    const rows = await arrive(p.id, 'reviewOverdue', 2);
    expect(rows.map((x) => x.username).sort()).toEqual(['committee1', 'committee2']);
    expect(rows[0].body).toContain('超过15天的审查时限');
  });

  it('the lead proposer is reminded 3 days before the evaluation window ends; when it ends, closed with evaluation "none"', async () => {
    await setLanguage(t, 'delegate01', 'en');
    try {
      const p = await api.replied('kyc');
      const reminder = await scheduledStep(t, p.id, 'evaluationReminder', 'before3');
      expect(reminder.runAt).toEqual(nineOn(shiftDay(dayOf(p.evaluationDeadline), -3)));
      const deadline = await scheduledStep(t, p.id, 'evaluationDeadline', 'deadline');
      await at(reminder.runAt, t);
      const [r] = await arrive(p.id, 'evaluationReminder', 1);
      expect(r).toMatchObject({ username: 'delegate01', language: 'en' });
      expect(r.body).toContain(`closes on ${dayOf(p.evaluationDeadline)}`);

      await at(deadline.runAt, t);
      await waitFor(async () => (await t.db.query(`SELECT state FROM proposals WHERE id = $1`, [p.id]))[0].state === 'closed', 'closed');
      const [row] = await t.db.query(`SELECT evaluation FROM proposals WHERE id = $1`, [p.id]);
      expect(row.evaluation).toBe('none');
      const lapsed = await arrive(p.id, 'evaluationLapsed', 3);
      expect(lapsed.map((x) => x.username).sort()).toEqual(['delegate01', 'kyc.handler', 'kyc.head']);
      await exactly(p.id, 'evaluationReminder', 1);
    } finally {
      await setLanguage(t, 'delegate01', 'zh-CN');
    }
  });

  it('a grade-B promise is followed up at its planned date', async () => {
    const p = await api.handling('cwc');
    const plannedAt = new Date(Date.now() + 100 * DAY).toISOString();
    await api.ok('cwc.handler', p.id, 'SUBMIT_REPLY', { grade: 'B', content: '已列入明年预算。', plannedAt });
    await api.ok('cwc.head', p.id, 'APPROVE_REPLY');
    await api.ok('delegate01', p.id, 'EVALUATE', { satisfaction: 'basicallySatisfied' });
    const r = await scheduledStep(t, p.id, 'plannedDate', 'on');
    expect(r.runAt).toEqual(nineOn(dayOf(plannedAt)));
    await at(before(r.runAt), t);
    await exactly(p.id, 'plannedDate', 0);
    await at(r.runAt, t);
    const rows = await arrive(p.id, 'plannedDate', 4);
    expect(rows.map((x) => x.username).sort()).toEqual(['committee1', 'committee2', 'cwc.handler', 'cwc.head']);
    expect(rows[0].body).toContain(`承诺在${dayOf(plannedAt)}前落实`);
  });
});
