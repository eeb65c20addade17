import { describe, expect, it } from 'vitest';
import { type RoundStep, roundCreateSchema, roundSteps, stepActorProblem, stepGate, windowsProblem } from './round.js';
import { GRADING_STEPS, type Level, schemeInputSchema, schemeSchema } from './scheme.js';
import {
  capLevel,
  declarationProblem,
  flagRecommended,
  gradeByDeduction,
  levelForScore,
  quotaProblem,
  scoreByPoints,
  suggestedRating,
  tally,
  trimmedMean,
} from './scoring.js';

const LEVELS: Level[] = [
  { key: 'strongest', name: '最强党支部', minScore: 95 },
  { key: 'standard', name: '标准党支部', minScore: 85 },
  { key: 'qualified', name: '合格党支部', minScore: 70 },
  { key: 'weak', name: '后进党支部', minScore: 0 },
];
const grading = {
  criteria: [
    { key: 'meetings', text: '按期召开三会一课', maxDeduction: 20 },
    { key: 'dues', text: '按月足额交纳党费', maxDeduction: 10 },
    { key: 'discipline', text: '班子成员无违纪违法', maxDeduction: 100, veto: true },
  ],
  levels: LEVELS,
  vetoCap: 'weak',
};

describe('百分制逐项扣分', () => {
  it('takes each deduction off 100 and bands the score', () => {
    expect(gradeByDeduction(grading, { meetings: 3, dues: 2 })).toEqual({ result: { score: 95, level: 'strongest', vetoed: [] } });
    expect(gradeByDeduction(grading, { meetings: 3, dues: 2.5 })).toEqual({ result: { score: 94.5, level: 'standard', vetoed: [] } });
  });
  it('allows an item its maximum deduction and refuses a tenth more', () => {
    expect(gradeByDeduction(grading, { meetings: 20 })).toEqual({ result: { score: 80, level: 'qualified', vetoed: [] } });
    const over = gradeByDeduction(grading, { meetings: 20.1 });
    expect(over).toEqual({ problem: { field: 'deductions.meetings', message: '「按期召开三会一课」最多扣20分，填写了20.1分' } });
  });
  it('floors the score at 0', () => {
    const r = gradeByDeduction(grading, { meetings: 20, dues: 10, discipline: 100 });
    expect(r).toEqual({ result: { score: 0, level: 'weak', vetoed: [] } });
  });
  it('sums tenths without float drift (0.1 × 3 is 0.3)', () => {
    const r = gradeByDeduction(
      { ...grading, criteria: ['a', 'b', 'c'].map((k) => ({ key: k, text: k, maxDeduction: 1 })) },
      { a: 0.1, b: 0.1, c: 0.1 },
    );
    expect(r).toEqual({ result: { score: 99.7, level: 'strongest', vetoed: [] } });
  });
  it('caps the level when a veto item fails, whatever the score', () => {
    expect(gradeByDeduction(grading, {}, ['discipline'])).toEqual({ result: { score: 100, level: 'weak', vetoed: ['discipline'] } });
    expect(gradeByDeduction(grading, {}, ['meetings'])).toEqual({
      problem: { field: 'vetoFailed', message: '「按期召开三会一课」不是一票否决项' },
    });
  });
  it('refuses deductions on items the scheme does not have, and negative ones', () => {
    expect(gradeByDeduction(grading, { x: 1 })).toMatchObject({ problem: { field: 'deductions.x' } });
    expect(gradeByDeduction(grading, { dues: -1 })).toMatchObject({ problem: { field: 'deductions.dues' } });
  });
});

describe('bands and caps', () => {
  it('puts a score on the floor of a band in that band', () => {
    expect(levelForScore(LEVELS, 95)).toBe('strongest');
    expect(levelForScore(LEVELS, 94.9)).toBe('standard');
    expect(levelForScore(LEVELS, 70)).toBe('qualified');
    expect(levelForScore(LEVELS, 69.9)).toBe('weak');
    expect(levelForScore(LEVELS, 0)).toBe('weak');
  });
  it('never raises a level when capping', () => {
    expect(capLevel(LEVELS, 'strongest', 'qualified')).toBe('qualified');
    expect(capLevel(LEVELS, 'weak', 'qualified')).toBe('weak');
    expect(capLevel(LEVELS, 'strongest', undefined)).toBe('strongest');
  });
});

describe('quota (最强 ≤ 35%)', () => {
  it('allows exactly the quota and refuses one more', () => {
    expect(quotaProblem(35, 100, 35, '最强党支部')).toBeNull();
    expect(quotaProblem(36, 100, 35, '最强党支部')).toBe('「最强党支部」比例不得超过35%：本范围100个，最多35个，审定后将有36个');
    expect(quotaProblem(7, 20, 35, '最强党支部')).toBeNull();
    expect(quotaProblem(8, 20, 35, '最强党支部')).not.toBeNull();
  });
  it('has nothing to check without a quota or results', () => {
    expect(quotaProblem(10, 10, undefined, 'x')).toBeNull();
    expect(quotaProblem(0, 0, 35, 'x')).toBeNull();
  });
});

describe('trimmed mean (书记比武)', () => {
  it('keeps every score under five judges', () => {
    expect(trimmedMean([90, 80, 70, 60])).toBe(75);
  });
  it('drops the highest and lowest once from five judges on', () => {
    expect(trimmedMean([100, 90, 80, 70, 0])).toBe(80);
    expect(trimmedMean([90, 90, 90, 80, 80])).toBe(86.67);
  });
  it('rounds half up to two decimals and has no mean without scores', () => {
    expect(trimmedMean([85.5, 85])).toBe(85.25);
    expect(trimmedMean([1, 0, 0])).toBe(0.33);
    expect(trimmedMean([2, 0, 0])).toBe(0.67);
    expect(trimmedMean([])).toBeNull();
  });
});

describe('ballots 好/较好/一般/差', () => {
  it('counts shares to one decimal and the favourable share', () => {
    const t = tally({ good: 2, fairly_good: 0, average: 1 });
    expect(t.total).toBe(3);
    expect(t.shares).toEqual({ good: '66.7', fairly_good: '0.0', average: '33.3', poor: '0.0' });
    expect(t.favourable).toBe('66.7');
    expect(tally({}).shares.good).toBe('0.0');
  });
  it('suggests the rating most gave, a tie going to the lower one', () => {
    expect(suggestedRating(tally({ good: 5, fairly_good: 3 }))).toBe('good');
    expect(suggestedRating(tally({ good: 3, fairly_good: 3 }))).toBe('fairly_good');
    expect(suggestedRating(tally({}))).toBeNull();
  });
});

describe('「五面红旗」', () => {
  const flags = [
    { key: 'model', name: '党建示范' },
    { key: 'wealth', name: '脱贫致富' },
    { key: 'industry', name: '产业兴旺' },
  ];
  it('lets an org declare up to the cap, each flag once', () => {
    expect(declarationProblem(['model', 'wealth'], flags, 2)).toBeNull();
    expect(declarationProblem(['model', 'wealth', 'industry'], flags, 2)).toBe('每个组织每轮最多争创2面红旗，申报了3面');
    expect(declarationProblem(['model', 'model'], flags, 3)).toBe('同一面红旗只能申报一次');
    expect(declarationProblem([], flags, 3)).toBe('请至少申报一面红旗');
    expect(declarationProblem(['other'], flags, 3)).toBe('「other」不是本方案的红旗');
  });
  it('recommends a flag only when every indicator of it is met', () => {
    const criteria = [
      { key: 'm1', text: 'a', flag: 'model' },
      { key: 'm2', text: 'b', flag: 'model' },
    ];
    expect(flagRecommended('model', criteria, new Set(['m1', 'm2']))).toBe(true);
    expect(flagRecommended('model', criteria, new Set(['m1']))).toBe(false);
    expect(flagRecommended('wealth', criteria, new Set(['m1', 'm2']))).toBe(false);
  });
});

describe('levels from item points', () => {
  const criteria = [
    { key: 'joint', text: '共驻共建', points: 30 },
    { key: 'report', text: '在职党员进社区', points: 30 },
    { key: 'property', text: '红色物业', points: 40 },
  ];
  it('sums the points given, each up to its worth', () => {
    expect(scoreByPoints(criteria, { joint: 30, report: 25.5, property: 40 })).toEqual({ score: 95.5 });
    expect(scoreByPoints(criteria, { property: 40.5 })).toMatchObject({ problem: { field: 'points.property' } });
  });
});

describe('schemes', () => {
  const base = {
    programme: 'branch_grading' as const,
    name: '2022年党支部分类定级',
    year: 2022,
    criteria: grading.criteria,
    levels: LEVELS,
    vetoCap: 'weak',
    topQuotaPercent: 35,
    steps: GRADING_STEPS,
  };
  it('accepts the seed’s 分类定级 with its five steps', () => {
    expect(schemeSchema.safeParse(base).success).toBe(true);
  });
  it('names what makes a scheme unusable', () => {
    const message = (s: object) => schemeSchema.safeParse(s).error?.issues[0]?.message;
    expect(message({ ...base, levels: [LEVELS[1], LEVELS[0], LEVELS[3]] })).toBe('等次须从高到低排列，分数线逐级降低');
    expect(message({ ...base, criteria: [{ key: 'a', text: 'x' }] })).toBe('百分制扣分的每项指标须填写最高扣分');
    expect(message({ ...base, vetoCap: undefined })).toBe('设有一票否决项时须指定否决后的最高等次');
    expect(message({ ...base, steps: GRADING_STEPS.slice(0, 4) })).toBe('最后一个环节须为公示');
    expect(message({ ...base, programme: 'red_flags' })).toBe('请至少设置一面红旗');
  });
  it('takes the subsidy per flag in yuan at the API and keeps it in fen, refusing what is not an amount', () => {
    const flags = {
      programme: 'red_flags' as const,
      name: '五面红旗',
      year: 2022,
      criteria: [{ key: 'pb1', text: '班子坚强有力', flag: 'party_building' }],
      flags: [{ key: 'party_building', name: '党建示范' }],
      steps: GRADING_STEPS,
    };
    expect(schemeInputSchema.parse({ ...flags, subsidyPerFlag: '10000.00' }).subsidyPerFlagFen).toBe(1_000_000);
    expect(schemeInputSchema.parse({ ...flags, subsidyPerFlag: 0.3 }).subsidyPerFlagFen).toBe(30);
    expect(schemeInputSchema.parse(flags)).not.toHaveProperty('subsidyPerFlagFen');
    const refused = (v: unknown) => schemeInputSchema.safeParse({ ...flags, subsidyPerFlag: v }).error?.issues[0];
    expect(refused(0.1 + 0.2)).toMatchObject({ path: ['subsidyPerFlag'], message: expect.stringContaining('最多保留两位小数') });
    expect(refused('1000000.01')?.message).toBe('每面补贴不能超过1000000.00元');
    expect(refused('1e4')?.message).toContain('应为以元为单位的金额');
  });
});

const steps: RoundStep[] = GRADING_STEPS.map((s, i) => ({
  ...s,
  opensAt: `2022-0${i + 3}-01`,
  closesAt: `2022-0${i + 3}-20`,
}));

describe('round steps', () => {
  it('acts on the step the entry stands at, within its window, the closing day included', () => {
    expect(stepGate(steps, 0, 0, '2022-03-20')).toBeNull();
    expect(stepGate(steps, 0, 0, '2022-03-21')).toBe('「党支部自评」环节已于2022-03-20截止');
    expect(stepGate(steps, 0, 0, '2022-02-28')).toBe('「党支部自评」环节2022-03-01开始，尚未开放');
    expect(stepGate(steps, 0, 2, '2022-05-10')).toBe('当前处于「党支部自评」环节，不能办理「基层党委(工委)评定」');
    expect(stepGate(steps, 5, 4, '2022-09-10')).toBe('本轮评选已结束，结果已发布');
  });
  it('needs one window per timed step, in order', () => {
    expect(roundSteps(GRADING_STEPS, [{ opensAt: '2022-03-01', closesAt: '2022-03-02' }])).toBe('本方案有4个需要起止日期的环节，填写了1个');
    expect(windowsProblem([{ opensAt: '2022-03-02', closesAt: '2022-03-01' }])?.message).toBe('第1个环节的开始日期晚于截止日期');
    expect(
      windowsProblem([
        { opensAt: '2022-03-01', closesAt: '2022-03-10' },
        { opensAt: '2022-02-01', closesAt: '2022-03-20' },
      ])?.message,
    ).toBe('第2个环节的起止日期早于上一环节');
    expect(
      roundCreateSchema.safeParse({ schemeId: 1, orgId: 1, name: 'x', windows: [{ opensAt: '2022-03-01', closesAt: '2022-03-01' }] }).data
        ?.publicityDays,
    ).toBe(7);
  });
  it('lets the org file its own self-assessment but never review itself', () => {
    // city 1 → county 1.2 → township 1.2.3 → branch 1.2.3.4
    expect(stepActorProblem('self', ['1.2.3.4'], '1.2.3.4', '1')).toBeNull();
    expect(stepActorProblem('review', ['1.2.3.4'], '1.2.3.4', '1')).toBe(
      '「基层党委评定」由参评党组织的上级党(工)委办理，不能由本组织自行评定',
    );
    expect(stepActorProblem('review', ['1.2.3'], '1.2.3.4', '1')).toBeNull();
    expect(stepActorProblem('self', ['1.9'], '1.2.3.4', '1')).toBe('「自评」由参评党组织或其上级办理');
  });
  it('has the county or city approve, above the org that reviewed', () => {
    expect(stepActorProblem('approve', ['1.2'], '1.2.3.4', '1', '1.2.3')).toBeNull();
    expect(stepActorProblem('approve', ['1'], '1.2.3.4', '1', '1.2.3')).toBeNull();
    expect(stepActorProblem('approve', ['1.2.3'], '1.2.3.4', '1', '1.2.3')).toBe(
      '「上级党委组织部门审定」由开展评选的党委组织部门或其下一级党委办理',
    );
    // A county that reviewed a branch directly under it cannot also approve it.
    expect(stepActorProblem('approve', ['1.2'], '1.2.4', '1', '1.2')).toBe(
      '「上级党委组织部门审定」须由评定单位的上级办理，评定与审定不能是同一单位',
    );
  });
});
