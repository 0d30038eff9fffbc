import type { Language } from '@congress/api-types';
import { overdueWeeks } from './audiences';

/**
 * Every text a notification carries, in zh-CN and en, in one place. A template gets the facts below and gives
 * a title (also the e-mail subject) and a body; what the reader may do is on the proposal's page, linked.
 */
export interface TemplateVars {
  title: string;
  /** The proposal's number once accepted (`2026-007`). */
  number: string | null;
  /** The lead proposer's and the acting person's names. */
  lead: string;
  actor: string | null;
  /** The date this is about (deadline, due date, planned date), YYYY-MM-DD in the app's time zone. */
  date: string | null;
  /** The reminder's occurrence (`before14`, `due`, `overdue2`…). */
  step: string | null;
  /** A period of the rules, with its counting (`reviewOverdue`). */
  days: number | null;
  workingDays: boolean;
  /** The event's comment or reason, or the comment's content. */
  comment: string | null;
  /** The lead proposer's evaluation (`evaluated`). */
  evaluation: string | null;
}

export interface RenderedText {
  title: string;
  body: string;
}

type Template = (v: TemplateVars, ref: string) => [title: string, body: string];
type Templates = Record<string, Template>;

const ZH_SATISFACTION: Record<string, string> = { satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意', none: '未测评' };
const EN_SATISFACTION: Record<string, string> = {
  satisfied: 'satisfied',
  basicallySatisfied: 'basically satisfied',
  unsatisfied: 'not satisfied',
  none: 'not evaluated',
};

const zhDays = (v: TemplateVars, n: number) => `${n}${v.workingDays ? '个工作日' : '天'}`;
const enDays = (v: TemplateVars, n: number) => `${n} ${v.workingDays ? 'working day' : 'day'}${n === 1 ? '' : 's'}`;

const ZH: Templates = {
  cosignInvited: (v, r) => [`附议邀请：${r}`, `${v.lead}邀请您附议${r}。附议截止日期：${v.date}。请打开提案页面确认附议或谢绝。`],
  cosignFailed: (v, r) => [`${r}附议人数不足，已退回草稿`, `附议期已于${v.date ?? '近日'}结束，确认附议的人数未达到要求，提案已退回草稿状态，可修改后重新提交。`],
  awaitingDelegationApproval: (v, r) => [`待审核：${r}`, `${v.lead}提交了${r}，等待代表团团长审核。`],
  submitted: (_v, r) => [`新提案待审查：${r}`, `${r}已提交，等待提案工作委员会审查。`],
  returned: (v, r) => [`${r}被退回修改`, `${v.actor ?? '审核人'}退回了${r}，请修改后重新提交。`],
  withdrawn: (_v, r) => [`${r}已撤回`, `领衔人撤回了${r}。`],
  accepted: (_v, r) => [`${r}已立案`, `提案工作委员会已将${r}立案，将交承办单位办理。`],
  rejected: (_v, r) => [`${r}不予立案`, `提案工作委员会决定${r}不予立案。`],
  converted: (_v, r) => [`${r}转为意见建议`, `提案工作委员会将${r}转为意见建议，交有关单位参考办理。`],
  merged: (_v, r) => [`${r}已并案`, `提案工作委员会将${r}与相关提案合并办理，提案人已成为合并后提案的附议人。`],
  assigned: (v, r) => [`交办：${r}`, `${r}已交由贵单位办理，答复期限：${v.date}。`],
  reassignmentRequested: (_v, r) => [`改办申请：${r}`, `承办单位申请改办${r}，请审议。`],
  reassignmentDenied: (v, r) => [`改办申请未获同意：${r}`, `提案工作委员会未同意改办申请，请继续办理${r}，答复期限：${v.date}。`],
  extensionRequested: (v, r) => [`延期申请：${r}`, `承办单位申请将${r}的答复期限延至${v.date}，请审议。`],
  extensionApproved: (v, r) => [`延期已批准：${r}`, `${r}的答复期限已延至${v.date}。`],
  extensionDenied: (v, r) => [`延期未获批准：${r}`, `延期申请未获批准，${r}的答复期限仍为${v.date}。`],
  contributed: (_v, r) => [`协办意见：${r}`, `协办单位提交了对${r}的办理意见。`],
  contactLogged: (_v, r) => [`请确认沟通记录：${r}`, `承办单位登记了与您就${r}的沟通，请确认或提出异议。`],
  contactDisputed: (_v, r) => [`沟通记录有异议：${r}`, `提案人对${r}的一条沟通记录提出异议。`],
  replySubmitted: (v, r) => [`答复待审核：${r}`, `${v.actor ?? '承办人'}提交了${r}的答复，请审核。`],
  replyAwaitingSignoff: (_v, r) => [`答复待签批：${r}`, `${r}的答复已经部门负责人审核，请签批。`],
  replyAwaitingCheck: (_v, r) => [`答复待复核：${r}`, `${r}的答复等待提案工作委员会复核。`],
  replySentBack: (v, r) => [`答复被退回：${r}`, `${v.actor ?? '审核人'}退回了${r}的答复，请修改。`],
  replied: (v, r) => [`${r}已答复`, v.date ? `承办单位已答复${r}，请在${v.date}前进行满意度测评。` : `承办单位已答复${r}。`],
  evaluated: (v, r) => [`${r}已测评`, `领衔人对${r}的答复表示${ZH_SATISFACTION[v.evaluation ?? ''] ?? '满意'}。`],
  cosignerEvaluated: (_v, r) => [`附议人测评：${r}`, `一位附议人对${r}的答复进行了测评。`],
  disputed: (_v, r) => [`${r}测评不满意`, `领衔人对${r}的答复不满意，等待提案工作委员会处理。`],
  evaluationLapsed: (_v, r) => [`${r}测评期已过`, `${r}的测评期已结束而未测评，提案已办结。`],
  rehandleOrdered: (v, r) => [`重新办理：${r}`, `提案工作委员会要求重新办理${r}，新的答复期限：${v.date}。`],
  closed: (_v, r) => [`${r}已办结`, `提案工作委员会已将${r}办结。`],
  progressUpdated: (_v, r) => [`落实进展：${r}`, `承办单位更新了${r}的落实进展。`],
  fulfilled: (_v, r) => [`已落实：${r}`, `承办单位确认${r}答复中承诺的事项已落实。`],
  urged: (_v, r) => [`催办：${r}`, `提案工作委员会对${r}进行催办，请尽快处理。`],
  commented: (v, r) => [`新的意见：${r}`, `${v.actor ?? '有人'}对${r}发表了意见。`],
  cosignReminder: (v, r) => [`附议即将截止：${r}`, `${r}的附议将于${v.date}截止，您尚未答复，请确认附议或谢绝。`],
  reviewOverdue: (v, r) => [`提案审查超期：${r}`, `${r}提交已超过${zhDays(v, v.days ?? 0)}的审查时限，请尽快审查。`],
  handlingDue: (v, r) => {
    const weeks = overdueWeeks(v.step ?? '');
    if (weeks) return [`答复已超期${weeks}周：${r}`, `${r}的答复期限为${v.date}，已超期${weeks}周，请尽快答复。${escalationZh(weeks)}`];
    if (v.step === 'due') return [`今天是答复期限：${r}`, `${r}的答复期限是今天（${v.date}），请及时答复。`];
    const n = Number((v.step ?? '').replace('before', '')) || 0;
    return [`答复期限将至：${r}`, `${r}的答复期限为${v.date}，还有${zhDays(v, n)}，请及时答复。`];
  },
  evaluationReminder: (v, r) => [`请测评答复：${r}`, `${r}的满意度测评将于${v.date}截止，请及时测评。`],
  plannedDate: (v, r) => [`落实情况回访：${r}`, `${r}的答复承诺在${v.date}前落实，请更新落实进展或确认已落实。`],
};

const EN: Templates = {
  cosignInvited: (v, r) => [`Invitation to co-sign ${r}`, `${v.lead} invites you to co-sign ${r}. Co-signing closes on ${v.date}. Open the proposal to co-sign or decline.`],
  cosignFailed: (v, r) => [`${cap(r)} went back to draft: too few co-signers`, `The co-signing window closed${v.date ? ` on ${v.date}` : ''} without enough confirmed co-signers. The proposal is a draft again; you may revise it and submit it again.`],
  awaitingDelegationApproval: (v, r) => [`To approve: ${r}`, `${v.lead} submitted ${r}; it waits for the delegation head's approval.`],
  submitted: (_v, r) => [`New proposal to review: ${r}`, `${cap(r)} was submitted and waits for the committee's review.`],
  returned: (v, r) => [`${cap(r)} was returned for revision`, `${v.actor ?? 'The reviewer'} returned ${r} for revision. Please revise it and submit it again.`],
  withdrawn: (_v, r) => [`${cap(r)} was withdrawn`, `The lead proposer withdrew ${r}.`],
  accepted: (_v, r) => [`${cap(r)} was accepted`, `The committee accepted ${r}; it will be assigned to the departments that must act.`],
  rejected: (_v, r) => [`${cap(r)} was not accepted`, `The committee decided not to accept ${r}.`],
  converted: (_v, r) => [`${cap(r)} became a suggestion`, `The committee converted ${r} into a suggestion, passed to the departments for reference.`],
  merged: (_v, r) => [`${cap(r)} was merged`, `The committee merged ${r} into a related proposal; its proposers are co-signers of that proposal now.`],
  assigned: (v, r) => [`New assignment: ${r}`, `${cap(r)} was assigned to your department. The reply is due on ${v.date}.`],
  reassignmentRequested: (_v, r) => [`Reassignment requested: ${r}`, `A department asks for ${r} to be reassigned. Please decide.`],
  reassignmentDenied: (v, r) => [`Reassignment refused: ${r}`, `The committee refused the reassignment; please go on handling ${r}. The reply is due on ${v.date}.`],
  extensionRequested: (v, r) => [`Extension requested: ${r}`, `A department asks to extend the reply to ${r} until ${v.date}. Please decide.`],
  extensionApproved: (v, r) => [`Extension approved: ${r}`, `The reply to ${r} is now due on ${v.date}.`],
  extensionDenied: (v, r) => [`Extension refused: ${r}`, `The extension was refused; the reply to ${r} is still due on ${v.date}.`],
  contributed: (_v, r) => [`Co-handling input: ${r}`, `A co-handling department gave its input on ${r}.`],
  contactLogged: (_v, r) => [`Please confirm a contact: ${r}`, `The department recorded a contact with you about ${r}. Please confirm it or dispute it.`],
  contactDisputed: (_v, r) => [`Contact disputed: ${r}`, `The proposer disputes a contact recorded for ${r}.`],
  replySubmitted: (v, r) => [`Reply to approve: ${r}`, `${v.actor ?? 'The handler'} submitted the reply to ${r}; it waits for your approval.`],
  replyAwaitingSignoff: (_v, r) => [`Reply to sign off: ${r}`, `The department head approved the reply to ${r}; it waits for your sign-off.`],
  replyAwaitingCheck: (_v, r) => [`Reply to check: ${r}`, `The reply to ${r} waits for the committee's check.`],
  replySentBack: (v, r) => [`Reply sent back: ${r}`, `${v.actor ?? 'The reviewer'} sent the reply to ${r} back for changes.`],
  replied: (v, r) => [`${cap(r)} has a reply`, `The department replied to ${r}.${v.date ? ` Please evaluate the reply by ${v.date}.` : ''}`],
  evaluated: (v, r) => [`${cap(r)} was evaluated`, `The lead proposer is ${EN_SATISFACTION[v.evaluation ?? ''] ?? 'satisfied'} with the reply to ${r}.`],
  cosignerEvaluated: (_v, r) => [`Co-signer evaluation: ${r}`, `A co-signer evaluated the reply to ${r}.`],
  disputed: (_v, r) => [`${cap(r)}: the proposer is not satisfied`, `The lead proposer is not satisfied with the reply to ${r}; the committee decides what follows.`],
  evaluationLapsed: (_v, r) => [`${cap(r)}: evaluation window passed`, `The evaluation window of ${r} passed without an evaluation; the proposal is closed.`],
  rehandleOrdered: (v, r) => [`Handle again: ${r}`, `The committee orders ${r} to be handled again. The new reply is due on ${v.date}.`],
  closed: (_v, r) => [`${cap(r)} was closed`, `The committee closed ${r}.`],
  progressUpdated: (_v, r) => [`Progress on ${r}`, `The department reported progress on what the reply to ${r} promised.`],
  fulfilled: (_v, r) => [`Delivered: ${r}`, `The department confirms that what the reply to ${r} promised was delivered.`],
  urged: (_v, r) => [`Reminder from the committee: ${r}`, `The proposal committee urges action on ${r}. Please deal with it soon.`],
  commented: (v, r) => [`New comment on ${r}`, `${v.actor ?? 'Someone'} commented on ${r}.`],
  cosignReminder: (v, r) => [`Co-signing closes soon: ${r}`, `Co-signing of ${r} closes on ${v.date} and you have not answered yet. Please co-sign or decline.`],
  reviewOverdue: (v, r) => [`Review overdue: ${r}`, `${cap(r)} has waited longer than the review target of ${enDays(v, v.days ?? 0)}. Please review it.`],
  handlingDue: (v, r) => {
    const weeks = overdueWeeks(v.step ?? '');
    if (weeks) return [`Reply overdue by ${weeks} week${weeks === 1 ? '' : 's'}: ${r}`, `The reply to ${r} was due on ${v.date} and is ${weeks} week${weeks === 1 ? '' : 's'} overdue. Please reply as soon as possible.${escalationEn(weeks)}`];
    if (v.step === 'due') return [`Reply due today: ${r}`, `The reply to ${r} is due today (${v.date}).`];
    const n = Number((v.step ?? '').replace('before', '')) || 0;
    return [`Reply due in ${enDays(v, n)}: ${r}`, `The reply to ${r} is due on ${v.date}, in ${enDays(v, n)}.`];
  },
  evaluationReminder: (v, r) => [`Please evaluate the reply: ${r}`, `The evaluation of the reply to ${r} closes on ${v.date}. Please evaluate it.`],
  plannedDate: (v, r) => [`Follow-up: ${r}`, `The reply to ${r} promised delivery by ${v.date}. Please report progress or confirm it was delivered.`],
};

function escalationZh(weeks: number): string {
  return weeks >= 2 ? '（本提醒同时发送部门负责人和分管校领导。）' : '（本提醒同时发送部门负责人。）';
}
function escalationEn(weeks: number): string {
  return weeks >= 2 ? ' (Sent to the department head and the leader in charge too.)' : ' (Sent to the department head too.)';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How a proposal is named in a sentence. */
export function proposalRef(language: Language, title: string, number: string | null): string {
  if (language === 'en') return number ? `proposal ${number} “${title}”` : `the proposal “${title}”`;
  return number ? `${number}号提案《${title}》` : `提案《${title}》`;
}

export function render(topic: string, language: Language, v: TemplateVars): RenderedText {
  const table = language === 'en' ? EN : ZH;
  const ref = proposalRef(language, v.title, v.number);
  const template = table[topic];
  const [title, body] = template
    ? template(v, ref)
    : language === 'en'
      ? [`Update: ${ref}`, `There is news about ${ref}.`]
      : [`提案动态：${ref}`, `${ref}有新的动态。`];
  const comment = v.comment?.trim();
  const withComment = comment ? `${body}\n${language === 'en' ? 'Comment: ' : '意见：'}${comment}` : body;
  return { title, body: withComment };
}

/** The e-mail around a notification: its text, a link to the page where the buttons are, and the footer. */
export function mailOf(language: Language, text: RenderedText, url: string | null): { subject: string; text: string; html: string } {
  const open = language === 'en' ? 'Open the proposal' : '打开提案页面';
  const footer =
    language === 'en'
      ? 'Sent by the staff congress proposal system. The link only opens the page; nothing happens until you act there.'
      : '本邮件由教代会提案系统自动发送。链接仅用于打开页面，所有操作请在页面上完成。';
  const lines = [text.body, '', ...(url ? [`${open}: ${url}`, ''] : []), '--', footer];
  const html =
    `<div style="font-family:sans-serif;line-height:1.6">` +
    text.body.split('\n').map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    (url ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#1677ff;color:#fff;border-radius:4px;text-decoration:none">${open}</a></p>` : '') +
    `<hr><p style="color:#888;font-size:12px">${escapeHtml(footer)}</p></div>`;
  return { subject: text.title, text: lines.join('\n'), html };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
