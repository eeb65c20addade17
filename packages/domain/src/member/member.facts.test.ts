import { describe, expect, it } from 'vitest';
import { memberFactProblems } from './member.facts.js';

const TODAY = '2026-11-26';
const base = {
  gender: 'male' as const,
  idNumber: '150502199001010010',
  joinedAt: '2015-07-01',
  fullMemberAt: '2016-07-01',
  status: 'full' as const,
};
const fields = (patch: Partial<typeof base> & Record<string, unknown>) =>
  memberFactProblems({ ...base, ...patch }, TODAY).problems.map((p) => p.field);

describe('member record cross-checks', () => {
  it('accepts a consistent record and returns the parsed ID', () => {
    const r = memberFactProblems(base, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.id?.birthDate).toBe('1990-01-01');
  });
  it('gender must match the ID (GB 11643: odd = male)', () => {
    expect(fields({ gender: 'female' as never })).toEqual(['gender']);
  });
  it('18 on the 入党日期 (党章 Art. 1), the birthday counting', () => {
    expect(fields({ joinedAt: '2007-12-31', fullMemberAt: '2008-12-31' })).toEqual(['joinedAt']);
    expect(fields({ joinedAt: '2008-01-01', fullMemberAt: '2009-01-01' })).toEqual([]);
  });
  it('status and 转正日期 agree; 转正 per 细则 Art. 32', () => {
    expect(fields({ fullMemberAt: undefined as never })).toEqual(['fullMemberAt']);
    expect(fields({ status: 'probationary' as never })).toEqual(['fullMemberAt', 'status']);
    expect(fields({ fullMemberAt: '2016-06-30' })).toEqual(['fullMemberAt']);
  });
  it('a probationary member cannot be past the longest probation (two years)', () => {
    expect(fields({ status: 'probationary' as never, fullMemberAt: undefined as never, joinedAt: '2024-11-26' })).toEqual([]);
    expect(fields({ status: 'probationary' as never, fullMemberAt: undefined as never, joinedAt: '2024-11-25' })).toEqual(['status']);
  });
  it('no future dates', () => {
    expect(fields({ joinedAt: '2026-11-27', fullMemberAt: undefined as never, status: 'probationary' as never })).toEqual(['joinedAt']);
  });
  it('an exit needs its date', () => {
    expect(memberFactProblems({ ...base, exitType: 'deceased' }, TODAY).problems.map((p) => p.field)).toEqual(['exitAt']);
  });
  it('a bad ID is named', () => {
    expect(memberFactProblems({ ...base, idNumber: '150502199001010011' }, TODAY).problems[0]).toEqual({
      field: 'idNumber',
      message: expect.stringContaining('校验位'),
    });
  });
});
