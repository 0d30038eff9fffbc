import { NOTICES, REMINDERS } from '@congress/workflow';
import { audienceOf } from './audiences';
import { mailOf, render, TemplateVars } from './templates';

const vars: TemplateVars = {
  title: '关于改善学校食堂伙食质量的提案',
  number: '2026-007',
  lead: '张伟',
  actor: '钱文华',
  date: '2026-06-30',
  step: 'before14',
  days: 15,
  workingDays: false,
  comment: null,
  evaluation: 'satisfied',
};

/** The deadline jobs move a state instead of telling anyone; the notices of that transition do. */
const TOLD = REMINDERS.filter((r) => r !== 'cosignDeadline' && r !== 'evaluationDeadline');

describe('notification texts', () => {
  it.each([...NOTICES, ...TOLD])('%s has its own title and body in Chinese and in English', (topic) => {
    const zh = render(topic, 'zh-CN', vars);
    const en = render(topic, 'en', vars);
    for (const text of [zh, en]) {
      expect(text.title).toContain('关于改善学校食堂伙食质量的提案');
      expect(`${text.title} ${text.body}`).not.toMatch(/undefined|null|NaN|\[object/);
    }
    expect(zh.title).not.toMatch(/^Update|^提案动态/);
    expect(en.title).not.toMatch(/^Update|^提案动态/);
    expect(en.body).toMatch(/^[\x20-\x7e“”’—\n\u4e00-\u9fff《》]+$/);
  });

  it('names the overdue weeks and who else hears of it, and counts working days where the rule does', () => {
    expect(render('handlingDue', 'zh-CN', { ...vars, step: 'overdue2' }).body).toContain('已超期2周');
    expect(render('handlingDue', 'en', { ...vars, step: 'overdue1' }).body).toContain('(Sent to the department head too.)');
    expect(render('handlingDue', 'en', { ...vars, step: 'before3', workingDays: true }).title).toBe(
      'Reply due in 3 working days: proposal 2026-007 “关于改善学校食堂伙食质量的提案”',
    );
    expect(render('reviewOverdue', 'zh-CN', { ...vars, workingDays: true }).body).toContain('15个工作日');
  });

  it('adds the comment of the event', () => {
    expect(render('returned', 'zh-CN', { ...vars, comment: '请补充数据' }).body).toMatch(/\n意见：请补充数据$/);
    expect(render('urged', 'en', { ...vars, comment: 'this week please' }).body).toMatch(/\nComment: this week please$/);
  });

  it('puts in an e-mail a link to the page, escaped, never an action', () => {
    const mail = mailOf('en', { title: 'T <b>', body: 'line 1\nline <2>' }, 'https://x.example/proposals/1?a=1&b=2');
    expect(mail.subject).toBe('T <b>');
    expect(mail.text).toContain('Open the proposal: https://x.example/proposals/1?a=1&b=2');
    expect(mail.html).toContain('href="https://x.example/proposals/1?a=1&amp;b=2"');
    expect(mail.html).toContain('<p>line &lt;2&gt;</p>');
  });
});

describe('audiences', () => {
  it.each([...NOTICES])('%s goes to somebody', (notice) => {
    expect(audienceOf({ kind: 'notice', topic: notice, state: 'handling.drafting' }).length).toBeGreaterThan(0);
  });

  it.each(TOLD)('%s goes to somebody', (reminder) => {
    expect(audienceOf({ kind: 'reminder', topic: reminder, state: 'x', step: 'before3' }).length).toBeGreaterThan(0);
  });

  it('escalates the handling reminder to the head after a week overdue and to the leader in charge after two', () => {
    const of = (step: string) => audienceOf({ kind: 'reminder', topic: 'handlingDue', state: 'handling.drafting', step });
    expect(of('before14')).toEqual(['leadDeptHandlers']);
    expect(of('due')).toEqual(['leadDeptHandlers']);
    expect(of('overdue1')).toEqual(['leadDeptHandlers', 'leadDeptHeads']);
    expect(of('overdue3')).toEqual(['leadDeptHandlers', 'leadDeptHeads', 'leaderInCharge']);
  });

  it('urges whoever must act in the state, and keeps internal comments among staff', () => {
    const urged = (state: string) => audienceOf({ kind: 'notice', topic: 'urged', state });
    expect(urged('cosigning')).toEqual(['invitedCosigners']);
    expect(urged('handling.replyReview')).toEqual(['leadDeptHeads']);
    expect(urged('handling.leaderSignoff')).toEqual(['leaderInCharge']);
    expect(urged('replied')).toEqual(['leadProposer']);
    const internal = audienceOf({ kind: 'notice', topic: 'commented', state: 'submitted', internal: true });
    expect(internal).not.toContain('leadProposer');
    expect(internal).not.toContain('cosigners');
  });
});
