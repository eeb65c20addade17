import { describe, expect, it } from 'vitest';
import { BRANCH_TYPES, STANDING_BRANCH_TYPES } from './org.rules.js';
import { type OrgSetupFacts, setupFindings, termStatus, termYears } from './setup.rules.js';

const branch = (patch: Partial<OrgSetupFacts>): OrgSetupFacts => ({
  type: 'branch',
  domain: 'village',
  fullMembers: 10,
  members: 11,
  committeeSize: 5,
  ...patch,
});
const codes = (o: OrgSetupFacts) => setupFindings(o).map((f) => f.code);

describe('org setup (支部工作条例 Arts. 4, 5, 20; 机关条例 Arts. 5–6; RULES.md §2)', () => {
  it('3 full members make a branch; 2 do not', () => {
    expect(codes(branch({ fullMembers: 3, members: 3, committeeSize: null }))).toEqual([]);
    expect(codes(branch({ fullMembers: 2, members: 4, committeeSize: null }))).toEqual(['setup.branch_few_full']);
  });
  it('7 full members need a committee; 6 must not have one', () => {
    expect(codes(branch({ fullMembers: 7, committeeSize: null }))).toEqual(['setup.committee_missing']);
    expect(codes(branch({ fullMembers: 6, committeeSize: null }))).toEqual([]);
    expect(codes(branch({ fullMembers: 6, committeeSize: 3 }))).toEqual(['setup.committee_not_needed']);
  });
  it('a committee has 3 to 7 members', () => {
    expect(codes(branch({ committeeSize: 3 }))).toEqual([]);
    expect(codes(branch({ committeeSize: 7 }))).toEqual([]);
    expect(codes(branch({ committeeSize: 2 }))).toEqual(['setup.committee_size']);
    expect(codes(branch({ committeeSize: 8 }))).toEqual(['setup.committee_size']);
  });
  it('a branch over 50 members and a joint branch over 5 units are flagged', () => {
    expect(codes(branch({ fullMembers: 48, members: 50 }))).toEqual([]);
    expect(codes(branch({ fullMembers: 48, members: 51 }))).toEqual(['setup.branch_too_large']);
    expect(codes(branch({ type: 'joint_branch', units: 5 }))).toEqual([]);
    expect(codes(branch({ type: 'joint_branch', units: 6 }))).toEqual(['setup.joint_units']);
  });
  it('总支 50–100 and 党委 from 100 count all members; a 地方党委 is not checked', () => {
    const gb = (members: number) => codes({ type: 'general_branch', domain: 'organ', fullMembers: members, members, committeeSize: 5 });
    expect(gb(49)).toEqual(['setup.general_branch_small']);
    expect(gb(50)).toEqual([]);
    expect(gb(99)).toEqual([]);
    expect(gb(100)).toEqual(['setup.general_branch_large']);
    const committee = (members: number, isLocalCommittee = false) =>
      codes({ type: 'committee', domain: 'organ', fullMembers: members, members, committeeSize: 7, isLocalCommittee });
    expect(committee(99)).toEqual(['setup.committee_small']);
    expect(committee(100)).toEqual([]);
    expect(committee(20, true)).toEqual([]);
  });
  it('every finding quotes its rule', () => {
    for (const f of setupFindings(branch({ fullMembers: 2, members: 60, committeeSize: 1 }))) expect(f.message).toMatch(/条例|第.+条/);
  });
});

describe('terms (中办《关于党的基层组织任期的意见》2018; 选举工作条例 Art. 3)', () => {
  it('5 years for 村/社区 orgs and 基层党委, 3 for other branches and 总支', () => {
    expect(termYears({ type: 'branch', domain: 'village' })).toBe(5);
    expect(termYears({ type: 'general_branch', domain: 'community' })).toBe(5);
    expect(termYears({ type: 'committee', domain: 'organ' })).toBe(5);
    expect(termYears({ type: 'branch', domain: 'organ' })).toBe(3);
    expect(termYears({ type: 'general_branch', domain: 'school' })).toBe(3);
  });
  it('reminds 6 months ahead and is overdue on the day the term ends', () => {
    const o = { type: 'branch' as const, domain: 'organ' };
    expect(termStatus(o, '2023-09-01', '2026-02-28').status).toBe('ok');
    expect(termStatus(o, '2023-09-01', '2026-03-01')).toMatchObject({
      status: 'due_soon',
      endsAt: '2026-09-01',
      finding: { code: 'term.due_soon' },
    });
    expect(termStatus(o, '2023-09-01', '2026-08-31').status).toBe('due_soon');
    expect(termStatus(o, '2023-09-01', '2026-09-01')).toMatchObject({ status: 'overdue', finding: { code: 'term.overdue' } });
  });
  it('an approved delay moves the end; at most a year either way', () => {
    const village = { type: 'branch' as const, domain: 'village' };
    expect(termStatus(village, '2021-05-10', '2026-06-01', 6)).toMatchObject({ endsAt: '2026-11-10', status: 'due_soon' });
    expect(termStatus(village, '2021-05-10', '2026-06-01', 6).finding?.message).toContain('延期6个月');
  });
});

describe('setup checks without committee records', () => {
  it('checks only member thresholds when committees are not recorded', () => {
    expect(setupFindings({ type: 'branch', domain: 'village', fullMembers: 9, members: 9 }).map((f) => f.code)).toEqual([]);
    expect(setupFindings({ type: 'branch', domain: 'village', fullMembers: 2, members: 2 }).map((f) => f.code)).toEqual([
      'setup.branch_few_full',
    ]);
  });
});

describe('which branches the setup thresholds apply to', () => {
  it('a 临时党支部 is a branch, but not held to the thresholds of a standing one (条例第四条、第五条)', () => {
    expect(BRANCH_TYPES).toContain('temporary_branch');
    expect(STANDING_BRANCH_TYPES).toEqual(['branch', 'joint_branch']);
    expect(codes(branch({ fullMembers: 2, members: 2 }))).toContain('setup.branch_few_full');
    expect(codes(branch({ type: 'joint_branch', fullMembers: 2, members: 2 }))).toContain('setup.branch_few_full');
    expect(codes(branch({ type: 'temporary_branch', fullMembers: 2, members: 2 }))).not.toContain('setup.branch_few_full');
    expect(codes(branch({ fullMembers: 3, members: 3, committeeSize: null }))).not.toContain('setup.branch_few_full');
    expect(codes(branch({ members: 51 }))).toContain('setup.branch_too_large');
    expect(codes(branch({ members: 50 }))).not.toContain('setup.branch_too_large');
  });
});
