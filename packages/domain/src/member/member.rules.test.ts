import { describe, expect, it } from 'vitest';
import { ageOn, fullMemberDateProblem, isMedal50Eligible, partyAgeSince, partyAgeYears } from './member.rules.js';

const full = (fullMemberAt: string) => ({ status: 'full' as const, fullMemberAt, exitType: null });

describe('党龄 (党章 Art. 7: from the end of the 预备期)', () => {
  it('a probationary member has no party age', () => {
    expect(partyAgeSince({ status: 'probationary', fullMemberAt: null })).toBeNull();
    expect(partyAgeYears({ status: 'probationary', fullMemberAt: null }, '2026-01-01')).toBe(0);
  });
  it('counts whole years from 转正日期, the anniversary included', () => {
    expect(partyAgeYears(full('2001-07-01'), '2026-06-30')).toBe(24);
    expect(partyAgeYears(full('2001-07-01'), '2026-07-01')).toBe(25);
  });
});

describe('转正日期 (细则 Art. 32: one year, one extension of at most one year)', () => {
  it.each([
    ['2020-07-01', '2021-07-01', null],
    ['2020-07-01', '2021-06-30', '早于'],
    ['2020-07-01', '2022-07-01', null], // extended by the full year
    ['2020-07-01', '2022-07-02', '晚于'],
    ['2020-02-29', '2021-02-28', null], // clamped anniversary
  ])('joined %s, full %s → %s', (joined, fullAt, problem) => {
    const r = fullMemberDateProblem(joined, fullAt);
    if (problem === null) expect(r).toBeNull();
    else expect(r).toContain(problem);
  });
});

describe('age (C3: eligible on the 18th birthday)', () => {
  it('turns 18 on the birthday', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
  });
});

describe('「光荣在党50年」 (RULES.md §4: 转正日 ≤ (Y−50)-07-01, alive)', () => {
  it.each([
    ['1971-07-01', 2021, true],
    ['1971-07-02', 2021, false],
    ['1976-07-01', 2026, true],
    ['1976-07-02', 2026, false],
  ])('full since %s, year %i → %s', (since, year, ok) => {
    expect(isMedal50Eligible(full(since), year)).toBe(ok);
  });
  it('not for the deceased, the probationary or the excluded', () => {
    expect(isMedal50Eligible({ ...full('1960-01-01'), exitType: 'deceased' }, 2021)).toBe(false);
    expect(isMedal50Eligible({ status: 'probationary', fullMemberAt: null, exitType: null }, 2021)).toBe(false);
    expect(isMedal50Eligible(full('1960-01-01'), 2021, true)).toBe(false);
  });
});
