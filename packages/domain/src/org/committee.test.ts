import { describe, expect, it } from 'vitest';
import { type CommitteeCreate, committeeAdjustSchema, committeeProblem } from './committee.js';

const full = (n: number) => new Set(Array.from({ length: n }, (_, i) => i + 1));
const elect = (kind: CommitteeCreate['kind'], posts: CommitteeCreate['members'][number]['post'][]): CommitteeCreate => ({
  kind,
  electedAt: '2024-03-01',
  members: posts.map((post, i) => ({ memberId: i + 1, post })),
});

describe('branch committees (支部工作条例第六章, 第二十一条; 党章第七条; RULES.md §2)', () => {
  it('a committee of 3 to 7 with one 书记 is valid in a branch of 7 or more full members', () => {
    expect(committeeProblem(elect('committee', ['secretary', 'organization', 'propaganda']), full(7), true)).toBeNull();
    expect(
      committeeProblem(
        elect('committee', ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline', 'youth', 'women']),
        full(30),
        true,
      ),
    ).toBeNull();
  });
  it('2 or 8 members are out of range', () => {
    expect(committeeProblem(elect('committee', ['secretary', 'organization']), full(7), true)?.message).toContain('3至5人');
    const eight = elect('committee', [
      'secretary',
      'deputy_secretary',
      'organization',
      'propaganda',
      'discipline',
      'youth',
      'women',
      'member',
    ]);
    expect(committeeProblem(eight, full(30), true)?.message).toContain('一般不超过7人');
  });
  it('6 full members elect a 书记 (and a 副书记), not a committee; 7 must elect a committee', () => {
    expect(committeeProblem(elect('secretary', ['secretary', 'deputy_secretary']), full(6), true)).toBeNull();
    expect(committeeProblem(elect('committee', ['secretary', 'organization', 'propaganda']), full(6), true)?.field).toBe('kind');
    expect(committeeProblem(elect('secretary', ['secretary']), full(7), true)?.message).toContain('应当设立支部委员会');
    expect(committeeProblem(elect('secretary', ['secretary', 'organization']), full(5), true)?.message).toContain('只设书记和副书记');
  });
  it('exactly one 书记 and at most one 副书记', () => {
    expect(committeeProblem(elect('committee', ['organization', 'propaganda', 'discipline']), full(9), true)?.message).toContain(
      '有且只有1名书记',
    );
    expect(committeeProblem(elect('committee', ['secretary', 'secretary', 'discipline']), full(9), true)?.message).toContain(
      '有且只有1名书记',
    );
    expect(committeeProblem(elect('committee', ['secretary', 'deputy_secretary', 'deputy_secretary']), full(9), true)?.message).toContain(
      '副书记最多1名',
    );
  });
  it('only full members on the roll can be elected; one post per person', () => {
    const c = elect('committee', ['secretary', 'organization', 'propaganda']);
    expect(committeeProblem(c, new Set([1, 2, 4, 5, 6, 7, 8]), true)?.message).toContain('预备党员没有选举权和被选举权');
    const twice = { ...c, members: [...c.members, { memberId: 1, post: 'member' as const }] };
    expect(committeeProblem(twice, full(9), true)?.message).toContain('只能担任一个职务');
  });
  it('a 党总支 or 党委 always has a committee and skips the branch size rules', () => {
    expect(committeeProblem(elect('committee', ['secretary', 'organization']), full(3), false)).toBeNull();
    expect(committeeProblem(elect('secretary', ['secretary']), full(3), false)?.field).toBe('kind');
  });
  it('an approved advance or delay is at most 12 months', () => {
    expect(committeeAdjustSchema.safeParse({ adjustmentMonths: 12, reason: '通组字〔2026〕1号' }).success).toBe(true);
    expect(committeeAdjustSchema.safeParse({ adjustmentMonths: -12, reason: '通组字〔2026〕1号' }).success).toBe(true);
    expect(committeeAdjustSchema.safeParse({ adjustmentMonths: 13, reason: 'x' }).error?.issues[0]?.message).toContain('第三条');
    expect(committeeAdjustSchema.safeParse({ adjustmentMonths: -13, reason: 'x' }).error?.issues[0]?.message).toContain('不超过12个月');
    expect(committeeAdjustSchema.safeParse({ adjustmentMonths: 3, reason: ' ' }).success).toBe(false);
  });
});
