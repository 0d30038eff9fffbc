/** The machine after the reply: evaluation, re-handling, closure and follow-up. */
import { initialState } from './engine';
import { day, ev, notices, reach, road, run, step, who, withContext } from './testing/fixtures';

describe('evaluation (guards withinEvaluationWindow, isUnsatisfied, evaluationWindowPassed)', () => {
  it('satisfied from the lead proposer closes it and cancels the evaluation reminders', () => {
    const s = step(reach('replied'), road.satisfied);
    expect(s.value).toBe('closed');
    expect(s.context.evaluation).toBe('satisfied');
    expect(s.effects).toEqual([
      { kind: 'cancel', reminder: 'evaluationReminder' },
      { kind: 'cancel', reminder: 'evaluationDeadline' },
      { kind: 'notify', notice: 'evaluated' },
    ]);
  });

  it('basically satisfied closes it too', () => {
    expect(step(reach('replied'), ev('EVALUATE', who.lead, day(12), { satisfaction: 'basicallySatisfied' })).value).toBe('closed');
  });

  it('unsatisfied disputes it and tells the committee', () => {
    const s = step(reach('replied'), road.unsatisfied);
    expect(s.value).toBe('disputed');
    expect(notices(s.effects)).toEqual(['disputed']);
  });

  it('a co-signer\'s evaluation is recorded apart and moves nothing', () => {
    const s = step(reach('replied'), ev('EVALUATE', who.cosigner, day(12), { satisfaction: 'unsatisfied' }));
    expect(s).toMatchObject({ taken: true, value: 'replied' });
    expect(s.context.evaluation).toBeNull();
    expect(notices(s.effects)).toEqual(['cosignerEvaluated']);
  });

  it('nobody else evaluates', () => {
    expect(step(reach('replied'), ev('EVALUATE', who.delegate, day(12))).taken).toBe(false);
  });

  it('no evaluation after the window', () => {
    expect(step(reach('replied'), ev('EVALUATE', who.lead, day(26))).taken).toBe(true);
    expect(step(reach('replied'), ev('EVALUATE', who.lead, day(27))).taken).toBe(false);
  });

  it('the window passing closes it with evaluation "none"; an early (stale) deadline job is ignored', () => {
    expect(step(reach('replied'), ev('EVALUATION_DEADLINE', who.system, day(25))).taken).toBe(false);
    const s = step(reach('replied'), ev('EVALUATION_DEADLINE', who.system, day(26)));
    expect(s.value).toBe('closed');
    expect(s.context.evaluation).toBe('none');
    expect(notices(s.effects)).toEqual(['evaluationLapsed']);
  });

  it('a session may count a lapsed evaluation otherwise', () => {
    const start = run(initialState({ minCosigners: 0, unevaluatedOutcome: 'basicallySatisfied' }), road.submit, road.accept, road.classify, road.assign, road.reply, road.headApproves);
    expect(step(start, ev('EVALUATION_DEADLINE', who.system, day(27))).context.evaluation).toBe('basicallySatisfied');
  });
});

describe('disputed (guard rehandleAllowed)', () => {
  it('REHANDLE sends it back to the department with a new due date, once', () => {
    const s = step(reach('disputed'), ev('REHANDLE', who.committee, day(13), { comment: 'again', dueAt: day(73) }));
    expect(s.value).toBe('handling.drafting');
    expect(s.context).toMatchObject({ rehandleCount: 1, dueAt: day(73), grade: null, evaluation: null, reassignWindowEndsAt: null });
    expect(s.effects).toEqual([
      { kind: 'notify', notice: 'rehandleOrdered' },
      { kind: 'schedule', reminder: 'handlingDue', anchor: day(73) },
    ]);
    const again = run({ value: s.value, context: s.context }, road.reply, road.headApproves, road.unsatisfied);
    expect(step(again, ev('REHANDLE', who.committee, day(14), { dueAt: day(74) })).taken).toBe(false);
  });

  it('no reassignment request after a re-handle: the window belongs to the assignment', () => {
    const rehandled = run(reach('disputed'), ev('REHANDLE', who.committee, day(13), { dueAt: day(73) }));
    expect(step(rehandled, ev('REQUEST_REASSIGNMENT', who.handler, day(14))).taken).toBe(false);
  });

  it('REHANDLE of a grade-B reply cancels its follow-up', () => {
    const b = withContext(reach('disputed'), { grade: 'B', plannedAt: day(200) });
    expect(step(b, ev('REHANDLE', who.committee, day(13), { dueAt: day(73) })).effects[0]).toEqual({ kind: 'cancel', reminder: 'plannedDate' });
  });

  it('with maxRehandle 0, REHANDLE is never taken', () => {
    const none = withContext(reach('disputed'), {});
    none.context.rules = { ...none.context.rules, maxRehandle: 0 };
    expect(step(none, ev('REHANDLE', who.committee, day(13), { dueAt: day(73) })).taken).toBe(false);
  });

  it('CLOSE closes it', () => {
    expect(step(reach('disputed'), ev('CLOSE', who.committee, day(13), { reason: 'done all we can' })).value).toBe('closed');
  });
});

describe('closed (guards isPublished, isExcellent, promiseOpen)', () => {
  it('PUBLISH then UNPUBLISH, each only from the other side', () => {
    expect(step(reach('closed'), ev('UNPUBLISH', who.committee, day(30))).taken).toBe(false);
    const published = run(reach('closed'), ev('PUBLISH', who.committee, day(30)));
    expect(published.context.published).toBe(true);
    expect(step(published, ev('PUBLISH', who.committee, day(30))).taken).toBe(false);
    expect(step(published, ev('UNPUBLISH', who.committee, day(31))).context.published).toBe(false);
  });

  it('MARK_EXCELLENT once', () => {
    const excellent = run(reach('closed'), ev('MARK_EXCELLENT', who.committee, day(30)));
    expect(excellent.context.excellent).toBe(true);
    expect(step(excellent, ev('MARK_EXCELLENT', who.committee, day(30))).taken).toBe(false);
  });

  it('a grade-B promise takes progress updates until FULFIL, which cancels the follow-up', () => {
    const b = withContext(reach('closed'), { grade: 'B', plannedAt: day(200) });
    expect(step(b, ev('PROGRESS_UPDATE', who.handler, day(60))).taken).toBe(true);
    const fulfilled = step(b, ev('FULFIL', who.deptHead, day(150)));
    expect(fulfilled.context.fulfilled).toBe(true);
    expect(fulfilled.effects).toEqual([
      { kind: 'cancel', reminder: 'plannedDate' },
      { kind: 'notify', notice: 'fulfilled' },
    ]);
    const after = { value: fulfilled.value, context: fulfilled.context };
    expect(step(after, ev('FULFIL', who.deptHead, day(151))).taken).toBe(false);
    expect(step(after, ev('PROGRESS_UPDATE', who.handler, day(151))).taken).toBe(false);
  });

  it('grade A and C replies make no promise to follow', () => {
    expect(step(reach('closed'), ev('FULFIL', who.deptHead, day(60))).taken).toBe(false);
  });
});
