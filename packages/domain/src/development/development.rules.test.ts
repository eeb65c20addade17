import { describe, expect, it } from 'vitest';
import { checkStep, type DoneStep, mayApproveAdmission, nextDeadline, probationEnd, voteProblem } from './development.rules.js';

const ctx = { birthDate: '1990-05-10', today: '2026-11-26' };
/** Steps 1..n done on the given dates (later steps reuse the last date). */
const doneUpTo = (n: number, dates: Record<number, string> = {}): DoneStep[] => {
  const out: DoneStep[] = [];
  let last = '2020-01-01';
  for (let s = 1; s <= n; s++) {
    last = dates[s] ?? last;
    out.push({ step: s, date: last });
  }
  return out;
};
const good = { shouldAttend: 20, present: 11, yes: 11, writtenYes: 0 };

describe('order and dates (RULES.md §1a)', () => {
  it('steps go one after another', () => {
    expect(checkStep(doneUpTo(2), { step: 4, date: '2020-02-01' }, ctx).refusal).toContain('应先完成第3步');
    expect(checkStep(doneUpTo(2), { step: 3, date: '2020-02-01' }, ctx).refusal).toBeUndefined();
  });
  it('a date before the previous step, or in the future, is refused', () => {
    expect(checkStep(doneUpTo(2), { step: 3, date: '2019-12-31' }, ctx).refusal).toContain('不能早于');
    expect(checkStep(doneUpTo(2), { step: 3, date: '2026-11-27' }, ctx).refusal).toContain('晚于今天');
  });
});

describe('age 18 at application (党章 Art. 1; 细则 Art. 5; C3)', () => {
  it('on the 18th birthday: accepted; the day before: refused', () => {
    const young = { ...ctx, birthDate: '2008-11-26' };
    expect(checkStep([], { step: 1, date: '2026-11-25' }, young).refusal).toContain('十八');
    expect(checkStep([], { step: 1, date: '2026-11-26' }, young).refusal).toBeUndefined();
  });
  it('the stricter reading (the day after) is a setting', () => {
    const young = { ...ctx, birthDate: '2008-11-26', settings: { ageOnBirthday: false } };
    expect(checkStep([], { step: 1, date: '2026-11-26' }, young).refusal).toContain('十八');
  });
});

describe('talk within one month (细则 Art. 7; C1)', () => {
  it('on the deadline day: on time; a day later: recorded with a warning', () => {
    const done = [{ step: 1, date: '2026-01-31' }];
    expect(checkStep(done, { step: 2, date: '2026-02-28' }, ctx).warnings).toEqual([]);
    const late = checkStep(done, { step: 2, date: '2026-03-01' }, ctx);
    expect(late.refusal).toBeUndefined();
    expect(late.warnings[0]).toContain('一个月');
  });
});

describe('one year as activist before 发展对象 (细则 Art. 13; C2)', () => {
  it('the anniversary is the first allowed day', () => {
    const done = doneUpTo(6, { 3: '2024-02-29' });
    expect(checkStep(done, { step: 7, date: '2025-02-27' }, ctx).refusal).toContain('一年以上');
    expect(checkStep(done, { step: 7, date: '2025-02-28' }, ctx).refusal).toBeUndefined();
  });
});

describe('training (细则 Art. 17: ≥3 days or ≥24 hours)', () => {
  it.each([
    [{ trainingDays: 3 }, true],
    [{ trainingHours: 24 }, true],
    [{ trainingDays: 2, trainingHours: 23 }, false],
    [{}, false],
  ])('%j → %s', (t, ok) => {
    expect(checkStep(doneUpTo(10), { step: 11, date: '2020-01-01', ...t }, ctx).refusal === undefined).toBe(ok);
  });
});

describe('支部大会 vote (细则 Art. 20–21: against those who should attend)', () => {
  it.each([
    [{ shouldAttend: 20, present: 10, yes: 10, writtenYes: 0 }, '半数'], // 10 is not more than half of 20
    [{ shouldAttend: 20, present: 11, yes: 10, writtenYes: 0 }, '不能通过'], // yes must exceed 10
    [{ shouldAttend: 20, present: 11, yes: 10, writtenYes: 1 }, null], // a written vote counts
    [{ shouldAttend: 21, present: 11, yes: 11, writtenYes: 0 }, null],
    [{ shouldAttend: 20, present: 21, yes: 11, writtenYes: 0 }, '有误'],
  ])('%j → %s', (vote, problem) => {
    const r = voteProblem(vote);
    if (problem === null) expect(r).toBeNull();
    else expect(r).toContain(problem);
  });
  it('step 15 needs the vote', () => {
    expect(checkStep(doneUpTo(14), { step: 15, date: '2020-01-01' }, ctx).refusal).toContain('表决');
    expect(checkStep(doneUpTo(14), { step: 15, date: '2020-01-01', vote: good }, ctx).refusal).toBeUndefined();
  });
});

describe('approval within 3 months, never beyond 6 (细则 Art. 25)', () => {
  const done = doneUpTo(16, { 15: '2025-01-31' });
  it.each([
    ['2025-04-30', undefined, 0],
    ['2025-05-01', undefined, 1],
    ['2025-07-31', undefined, 1],
    ['2025-08-01', '六个月', 0],
  ])('approved %s', (date, refusal, warnings) => {
    const v = checkStep(done, { step: 17, date }, ctx);
    if (refusal) expect(v.refusal).toContain(refusal);
    else expect(v.refusal).toBeUndefined();
    expect(v.warnings).toHaveLength(warnings);
  });
});

describe('probation (党章 Art. 7; 细则 Art. 32)', () => {
  const admitted = doneUpTo(22, { 15: '2025-03-15' });
  it('ends one year after the 支部大会; 转正 is discussed from then on', () => {
    expect(probationEnd(admitted)).toBe('2026-03-15');
    expect(checkStep(admitted, { step: 23, date: '2026-03-14', vote: good, outcome: 'full' }, ctx).refusal).toContain('届满');
    expect(checkStep(admitted, { step: 23, date: '2026-03-15', vote: good, outcome: 'full' }, ctx).refusal).toBeUndefined();
  });
  it('extends once by 6 to 12 months', () => {
    expect(checkStep(admitted, { step: 23, date: '2026-03-15', vote: good, outcome: 'extend', extensionMonths: 5 }, ctx).refusal).toContain(
      '不能少于6个月',
    );
    expect(
      checkStep(admitted, { step: 23, date: '2026-03-15', vote: good, outcome: 'extend', extensionMonths: 13 }, ctx).refusal,
    ).toContain('最长不超过12个月');
    for (const extensionMonths of [6, 12])
      expect(
        checkStep(admitted, { step: 23, date: '2026-03-15', vote: good, outcome: 'extend', extensionMonths }, ctx).refusal,
      ).toBeUndefined();
    const extended: DoneStep[] = [
      ...admitted,
      { step: 23, date: '2026-03-15', outcome: 'extend', extensionMonths: 6 },
      { step: 24, date: '2026-04-01' },
    ];
    expect(probationEnd(extended)).toBe('2026-09-15');
    expect(nextDeadline(extended)).toEqual({ step: 23, kind: 'due', date: '2026-09-15' });
    expect(checkStep(extended, { step: 23, date: '2026-09-15', vote: good, outcome: 'extend', extensionMonths: 6 }, ctx).refusal).toContain(
      '只能延长一次',
    );
    expect(checkStep(extended, { step: 23, date: '2026-09-15', vote: good, outcome: 'full' }, ctx).refusal).toBeUndefined();
  });
  it('the oath is taken within the probation', () => {
    const approved = doneUpTo(19, { 15: '2025-03-15', 17: '2025-04-01' });
    expect(checkStep(approved, { step: 20, date: '2026-03-16' }, ctx).refusal).toContain('预备期内');
  });
});

describe('deadline board', () => {
  it('knows what is due next', () => {
    expect(nextDeadline([{ step: 1, date: '2026-01-31' }])).toEqual({ step: 2, kind: 'due', date: '2026-02-28' });
    expect(nextDeadline(doneUpTo(6, { 3: '2025-06-01' }))).toEqual({ step: 7, kind: 'earliest', date: '2026-06-01' });
    expect(nextDeadline(doneUpTo(16, { 15: '2025-01-31' }))).toEqual({ step: 17, kind: 'due', date: '2025-04-30' });
  });
});

describe('approval power (RULES.md §1d)', () => {
  const branch = '1.2.3.4.5';
  it.each([
    [{ type: 'committee', domain: 'mixed', path: '1.2.3' }, true], // the township 党委
    [{ type: 'working_committee', domain: 'mixed', path: '1.2.3' }, true], // a 街道党工委
    [{ type: 'committee', domain: 'village', path: '1.2.3.4' }, false], // a 村党委
    [{ type: 'committee', domain: 'community', path: '1.2.3.4' }, false], // a 社区党委
    [{ type: 'general_branch', domain: 'village', path: '1.2.3.4' }, false], // a 党总支
    [{ type: 'committee', domain: 'mixed', path: '1.2.3.4.5' }, false], // not above itself
    [{ type: 'committee', domain: 'mixed', path: '1.9' }, false], // another subtree
  ])('%j approves: %s', (approver, ok) => {
    expect(mayApproveAdmission(approver, branch)).toBe(ok);
  });
});
