import { WorkflowService } from '../src/app/workflow/workflow.service';
import { Api, categoryId, clock, departmentId, sessionId, TEXT } from './support/proposal-fixtures';
import type { TestApp } from './support/test-app';

/**
 * A data set with known answers for the figures, the portal and the exports, built through the HTTP API (each
 * state is one the workflow produced) with the test clock moved between steps. T0 is when the handling starts;
 * every proposal of session 1 is due at T0 + 60 days; the figures are read at T0 + 82 days.
 *
 * Session 1 (the current one):
 *   pA jwc: reply A at +10, contact confirmed, satisfied, closed, PUBLISHED
 *   pB jwc: reply B at +20 (promise), basically satisfied, closed, promise FULFILLED, PUBLISHED
 *   pL jwc: reply C at +65 (LATE), evaluation window passes: closed with evaluation "none"
 *   pC hqc: reply C at +30, contact disputed, unsatisfied → disputed → REHANDLE → reply B at +70 (on time for the
 *           new due date): replied, awaiting evaluation, promise open, re-handled
 *   pU hqc: reply A at +30, unsatisfied → disputed → committee CLOSE: closed, unsatisfied
 *   pD hqc: still in handling, a pending contact: OVERDUE at +82
 *   pS rsc: CONVERTED to a suggestion at T0, assigned, reply A at +20: closed (no evaluation)
 *   pM: MERGED into pA; pR: REJECTED; pW: submitted, waiting for review; one draft (not received)
 * Session 2 (an earlier meeting): two proposals in jwc due at T0 + 5 days, both overdue, nothing replied or evaluated.
 */
export interface Dataset {
  t0: Date;
  s1: string;
  s2: string;
  ids: Record<'pA' | 'pB' | 'pL' | 'pC' | 'pU' | 'pD' | 'pS' | 'pM' | 'pR' | 'pW' | 'draft' | 'q1' | 'q2', string>;
  dept: Record<'jwc' | 'hqc' | 'rsc', string>;
  category: string;
  /** Texts that must never reach the public. */
  secrets: { contactPhone: string; internalComment: string; evaluationComment: string; draftTitle: string; unpublishedTitle: string };
}

const DAY = 86_400_000;

export async function buildDataset(t: TestApp): Promise<Dataset> {
  const api = new Api(t);
  const c = clock(t);
  const t0 = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * 3_600_000); // 02:00 UTC today: 10:00 in China
  c.set(t0);
  const s1 = await sessionId(t);
  const [s2row] = (await t.db.query(
    `INSERT INTO congress_sessions (term, meeting, title, title_en, year, opens_at, closes_at, rules, is_current)
     SELECT 5, 2, '第五届教职工代表大会第二次会议', 'Second Meeting of the Fifth Congress', year - 1, $1, $2, rules, false
       FROM congress_sessions WHERE id = $3 RETURNING id`,
    [new Date(t0.getTime() - DAY), new Date(t0.getTime() + 200 * DAY), s1],
  )) as { id: string }[];
  const s2 = s2row.id;
  const dept = { jwc: await departmentId(t, 'jwc'), hqc: await departmentId(t, 'hqc'), rsc: await departmentId(t, 'rsc') };
  const category = await categoryId(t);
  const due = new Date(t0.getTime() + 60 * DAY).toISOString();
  const secrets = {
    contactPhone: '13812345678',
    internalComment: '内部意见：此事需校领导另行研究（不公开）',
    evaluationComment: '测评意见仅提案工作委员会可见',
    draftTitle: '关于草稿阶段尚未提交的停车位问题的提案',
    unpublishedTitle: '',
  };

  const submitted = async (title: string, session = s1) =>
    (await api.submitted({ title, sessionId: session, contactPhone: secrets.contactPhone })).id as string;
  const handling = async (title: string, d: keyof typeof dept, session = s1, dueAt = due) => {
    const id = await submitted(title, session);
    await api.ok('committee1', id, 'ACCEPT');
    await api.ok('committee1', id, 'CLASSIFY', { categoryId: category });
    await api.ok('committee1', id, 'ASSIGN', { leadDepartmentId: dept[d], dueAt });
    return id;
  };
  const reply = async (id: string, d: string, grade: 'A' | 'B' | 'C', content: string) => {
    const plannedAt = grade === 'B' ? new Date(c.now().getTime() + 100 * DAY).toISOString() : undefined;
    await api.ok(`${d}.handler`, id, 'SUBMIT_REPLY', { grade, content, plannedAt });
    await api.ok(`${d}.head`, id, 'APPROVE_REPLY');
  };
  const at = (days: number) => c.set(new Date(t0.getTime() + days * DAY));

  // T0
  const pA = await handling(`${TEXT.title}（甲）`, 'jwc');
  const pB = await handling('关于延长图书馆开放时间的提案', 'jwc');
  const pL = await handling('关于改进教师职称评审办法的提案', 'jwc');
  const pC = await handling('关于改善校园停车难问题的提案', 'hqc');
  const pU = await handling('关于增设校内班车线路的提案', 'hqc');
  const pD = await handling('关于维修教工宿舍楼电梯的提案', 'hqc');
  const pS = await submitted('关于编印新进教职工工作手册的建议');
  await api.ok('committee1', pS, 'CONVERT', { reason: '属于意见建议，转有关部门参考办理' });
  await api.ok('committee1', pS, 'ASSIGN', { leadDepartmentId: dept.rsc, dueAt: due });
  const pM = await submitted('关于提高食堂伙食质量的提案（重复）');
  await api.ok('committee1', pM, 'MERGE', { targetId: pA });
  const pR = await submitted('关于为个人报销私车油费的提案');
  await api.ok('committee1', pR, 'REJECT', { reason: '不属于提案范围' });
  const pW = await submitted('关于增加教职工体检项目的提案');
  secrets.unpublishedTitle = '关于增加教职工体检项目的提案';
  const draft = (await api.draft('delegate01', { title: secrets.draftTitle, contactPhone: secrets.contactPhone })).id as string;
  await api.ok('committee1', pD, 'COMMENT', { content: secrets.internalComment, internal: true });
  await api.ok('committee1', pA, 'COMMENT', { content: secrets.internalComment, internal: true });
  // session 2: everything overdue, nothing evaluated
  const q1 = await handling('关于上一届会议遗留的实验室安全问题的提案', 'jwc', s2, new Date(t0.getTime() + 5 * DAY).toISOString());
  const q2 = await handling('关于上一届会议遗留的教室空调问题的提案', 'jwc', s2, new Date(t0.getTime() + 5 * DAY).toISOString());

  // +10: pA replied A; a contact the proposer confirms; satisfied
  at(10);
  let p = await api.ok('jwc.handler', pA, 'LOG_CONTACT', { method: 'phone', content: '电话沟通了增设窗口的方案', contactedAt: c.now().toISOString() });
  await api.ok('delegate01', pA, 'CONFIRM_CONTACT', { contactId: p.contacts[0].id });
  await reply(pA, 'jwc', 'A', '已增设教工专用窗口，晚餐供应延长至19:30，每月公开菜品价格。');
  await api.ok('delegate01', pA, 'EVALUATE', { satisfaction: 'satisfied', comment: secrets.evaluationComment });
  await api.ok('committee1', pA, 'PUBLISH');

  // +20: pB replied B, basically satisfied, promise fulfilled; pS replied (suggestion: closed)
  at(20);
  await reply(pB, 'jwc', 'B', '已列入下学期计划，考试周图书馆开放至23:00。');
  await api.ok('delegate01', pB, 'EVALUATE', { satisfaction: 'basicallySatisfied' });
  await api.ok('jwc.head', pB, 'FULFIL');
  await api.ok('committee1', pB, 'PUBLISH');
  await reply(pS, 'rsc', 'A', '已编印新进教职工工作手册并在入职培训中发放。');

  // +30: pC replied C (contact disputed), unsatisfied, re-handled; pU replied A, unsatisfied, closed by the committee
  at(30);
  p = await api.ok('hqc.handler', pC, 'LOG_CONTACT', { method: 'visit', content: '上门沟通了停车方案', contactedAt: c.now().toISOString() });
  await api.ok('delegate01', pC, 'DISPUTE_CONTACT', { contactId: p.contacts[0].id, comment: '并未沟通' });
  await reply(pC, 'hqc', 'C', '受场地限制，暂不能增加停车位。');
  await api.ok('delegate01', pC, 'EVALUATE', { satisfaction: 'unsatisfied' });
  await api.ok('committee1', pC, 'REHANDLE', { comment: '请重新研究停车方案' });
  await reply(pU, 'hqc', 'A', '已增设东区至西区班车线路。');
  await api.ok('delegate01', pU, 'EVALUATE', { satisfaction: 'unsatisfied' });
  await api.ok('committee1', pU, 'CLOSE', { reason: '已按规定办理，不再重新办理' });
  await api.ok('hqc.handler', pD, 'LOG_CONTACT', { method: 'phone', content: '电话了解电梯故障情况', contactedAt: c.now().toISOString() });

  // +65: pL replied late (due +60)
  at(65);
  await reply(pL, 'jwc', 'C', '职称评审办法由学校统一制定，暂不能调整。');
  // +70: pC's second reply, grade B, on time for its new due date
  at(70);
  await reply(pC, 'hqc', 'B', '已规划新建立体停车场，计划明年完工。');

  // +82: pL's evaluation window (to +80) has passed: closed with evaluation "none" (the reminders' deadline job
  // may have sent this already, as soon as the clock moved); pC's (to +85) is still open
  at(82);
  const stateOf = async (id: string) =>
    ((await t.db.query(`SELECT state FROM proposals WHERE id = $1`, [id])) as { state: string }[])[0].state;
  if ((await stateOf(pL)) === 'replied') {
    await t.app.get(WorkflowService).apply(pL, { type: 'EVALUATION_DEADLINE' }, 'system').catch(async (err: unknown) => {
      if ((await stateOf(pL)) !== 'closed') throw err; // the deadline job got there first: fine
    });
  }

  return {
    t0,
    s1,
    s2,
    ids: { pA, pB, pL, pC, pU, pD, pS, pM, pR, pW, draft, q1, q2 },
    dept,
    category,
    secrets,
  };
}
