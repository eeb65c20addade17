import { describe, expect, it } from 'vitest';
import { isBasicCommitteeOver } from '../org/org.rules.js';
import { commendationCreateSchema, isCountyOrAboveCommittee, medal50ReviewSchema, medal50StepProblem } from './honors.js';

describe('表彰 (a member honour names a member, 先进基层党组织 names an org)', () => {
  const base = { level: 'city', year: 2021, conferredAt: '2021-06-28' } as const;
  it('accepts a member honour with a member and an org honour with an org', () => {
    expect(commendationCreateSchema.safeParse({ ...base, title: 'excellent_member', memberId: 1 }).success).toBe(true);
    expect(commendationCreateSchema.safeParse({ ...base, title: 'advanced_org', orgId: 1 }).success).toBe(true);
  });
  it.each([
    [{ title: 'excellent_member', orgId: 1 }, 'memberId', '党员'],
    [{ title: 'advanced_org', memberId: 1 }, 'orgId', '党组织'],
    [{ title: 'excellent_worker', memberId: 1, conferredAt: '2020-12-31' }, 'conferredAt', '2021'],
  ])('refuses %j at %s', (patch, field, words) => {
    const r = commendationCreateSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(words);
  });
  it('a year honoured early in the next year is fine (七一表彰 of the year before)', () => {
    expect(commendationCreateSchema.safeParse({ ...base, title: 'excellent_member', memberId: 1, conferredAt: '2022-01-10' }).success).toBe(
      true,
    );
  });
});

describe('「光荣在党50年」 procedure (RULES.md §4: 党支部 → 基层党委推荐 → 县级组织部审核 → 颁发)', () => {
  const township = { type: 'committee', domain: 'organ', path: '1.2.3' };
  it('a township committee over the branch recommends; a village committee, a 总支 or a sibling does not', () => {
    expect(isBasicCommitteeOver(township, '1.2.3.4.5')).toBe(true);
    expect(isBasicCommitteeOver({ ...township, domain: 'village' }, '1.2.3.4')).toBe(false);
    expect(isBasicCommitteeOver({ ...township, type: 'general_branch' }, '1.2.3.4')).toBe(false);
    expect(isBasicCommitteeOver(township, '1.2.33.4')).toBe(false);
    expect(isBasicCommitteeOver(township, '1.2.3')).toBe(false);
  });
  it('only a committee with a county-level or higher division code reviews and awards', () => {
    expect(isCountyOrAboveCommittee({ type: 'committee', divisionCode: '150502' })).toBe(true);
    expect(isCountyOrAboveCommittee({ type: 'committee', divisionCode: '150500' })).toBe(true);
    expect(isCountyOrAboveCommittee({ type: 'committee', divisionCode: '150502001' })).toBe(false); // a township
    expect(isCountyOrAboveCommittee({ type: 'working_committee', divisionCode: '150502' })).toBe(false);
    expect(isCountyOrAboveCommittee({ type: 'committee', divisionCode: null })).toBe(false);
  });
  it('steps go in order, never before the previous date, never in the future', () => {
    const recommended = { status: 'recommended' as const, year: 2026, lastDate: '2026-05-10' };
    expect(medal50StepProblem(recommended, 2, '2026-05-10', '2026-11-26')).toBeNull();
    expect(medal50StepProblem(recommended, 2, '2026-05-09', '2026-11-26')).toContain('2026-05-10');
    expect(medal50StepProblem(recommended, 2, '2026-11-27', '2026-11-26')).toContain('晚于今天');
    expect(medal50StepProblem(recommended, 3, '2026-06-01', '2026-11-26')).toContain('审核');
    const reviewed = { status: 'reviewed' as const, year: 2026, lastDate: '2026-05-20' };
    expect(medal50StepProblem(reviewed, 3, '2026-06-28', '2026-11-26')).toBeNull();
    expect(medal50StepProblem(reviewed, 2, '2026-06-28', '2026-11-26')).toContain('不能审核');
    expect(medal50StepProblem({ status: 'rejected', year: 2026, lastDate: '2026-05-20' }, 3, '2026-06-28', '2026-11-26')).toContain(
      '未通过',
    );
    expect(medal50StepProblem({ ...reviewed, year: 2027, lastDate: '2026-10-01' }, 3, '2026-11-01', '2026-11-26')).toContain('2027年之前');
  });
  it('a review records the 纪检监察 opinion, and a refusal its reason', () => {
    expect(medal50ReviewSchema.safeParse({ date: '2026-05-20', passed: true, disciplineOpinion: '无意见' }).success).toBe(true);
    expect(medal50ReviewSchema.safeParse({ date: '2026-05-20', passed: true, disciplineOpinion: '' }).success).toBe(false);
    const noReason = medal50ReviewSchema.safeParse({ date: '2026-05-20', passed: false, disciplineOpinion: '正在立案审查' });
    expect(noReason.error?.issues[0]?.path).toEqual(['reason']);
  });
});
