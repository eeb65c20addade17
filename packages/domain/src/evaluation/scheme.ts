import { z } from 'zod';
import { fenToYuan, moneyInput } from '../money.js';
import { ORG_DOMAINS, ORG_TYPES } from '../org/org.schema.js';

/**
 * 评星定级: one engine, many schemes (DOMAIN.md §4). A scheme is a year's rules for one programme;
 * a round runs it over the orgs it applies to. Sources: 通辽市 report (seed) for the programmes,
 * their steps and figures; the bands, quota and caps are local settings, not regulation.
 */
export const PROGRAMMES = ['red_flags', 'branch_grading', 'school_grading', 'happy_community', 'secretary_review'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PROGRAMME_LABELS: Record<Programme, string> = {
  red_flags: '五面红旗',
  branch_grading: '党支部分类定级（最强党支部）',
  school_grading: '学校党组织定级',
  happy_community: '幸福社区',
  secretary_review: '书记抓基层党建述职评议',
};

/**
 * How a result is reached: `deduction` 百分制逐项扣分; `flags` each declared flag judged on its
 * indicators; `levels` judged levels, from the sum of item points when bands are set; `ratings`
 * 好/较好/一般/差 ballots counted with their shares.
 */
export const METHODS = ['deduction', 'flags', 'levels', 'ratings'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_LABELS: Record<Method, string> = {
  deduction: '百分制逐项扣分',
  flags: '争创红旗（逐面评判）',
  levels: '评定等次',
  ratings: '测评（好/较好/一般/差）',
};
export const PROGRAMME_METHOD: Record<Programme, Method> = {
  red_flags: 'flags',
  branch_grading: 'deduction',
  school_grading: 'levels',
  happy_community: 'levels',
  secretary_review: 'ratings',
};

/** The four ballot choices of every 测评 (mass evaluation and 述职评议). */
export const RATINGS = ['good', 'fairly_good', 'average', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { good: '好', fairly_good: '较好', average: '一般', poor: '差' };

/**
 * Figures of the org an evidence item may read instead of asking for them: the value is filled
 * in from the records on the day the self-assessment is filed.
 */
export const BINDINGS = ['life.completion_rate', 'dues.paid_rate', 'development.admitted', 'member.count'] as const;
export type Binding = (typeof BINDINGS)[number];
export const BINDING_LABELS: Record<Binding, { name: string; unit: string }> = {
  'life.completion_rate': { name: '三会一课完成率', unit: '%' },
  'dues.paid_rate': { name: '本年党费按月交纳率', unit: '%' },
  'development.admitted': { name: '本年发展党员', unit: '人' },
  'member.count': { name: '党员人数', unit: '人' },
};

/** Scores carry at most one decimal (扣0.5分): parsed to integer tenths so no float is summed. */
const points = (what: string) =>
  z
    .number({ message: `请填写${what}` })
    .min(0, `${what}不能为负数`)
    .max(100, `${what}不能超过100分`)
    .refine((n) => Number.isInteger(Math.round(n * 10)) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, `${what}最多保留一位小数`);

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, '编码须为小写字母开头的字母、数字或下划线');
const text = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);

export const criterionSchema = z.object({
  key,
  text: text('指标内容', 300),
  /** Where the item comes from (条例、文件条款). */
  basis: z.string().trim().max(200, '依据不能超过200个字').optional(),
  /** deduction: the most this item can take off. */
  maxDeduction: points('最高扣分').optional(),
  /** What is deducted for what, as the score sheet prints it (每缺1次扣2分). */
  rule: z.string().trim().max(200, '扣分标准不能超过200个字').optional(),
  /** 一票否决: failing it caps the level whatever the score. */
  veto: z.boolean().optional(),
  /** levels: the points this item is worth. */
  points: points('分值').optional(),
  /** flags: the flag this indicator belongs to. */
  flag: key.optional(),
  /** flags: the domains this indicator is written for (all when absent). */
  domains: z.array(z.enum(ORG_DOMAINS)).optional(),
  binding: z.enum(BINDINGS).optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const levelSchema = z.object({
  key,
  name: text('等次名称', 20),
  /** Lowest score of the band; the lowest level has 0. Absent: judged without a score. */
  minScore: points('分数线').optional(),
});
export type Level = z.infer<typeof levelSchema>;

export const STEP_KINDS = ['self', 'ballot', 'contest', 'review', 'approve', 'publicity'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  self: '自评',
  ballot: '党员群众测评',
  contest: '党委摆擂、书记比武',
  review: '基层党委评定',
  approve: '上级党委组织部门审定',
  publicity: '公示',
};
/** Who acts at each kind of step, as a user reads it. */
export const STEP_ACTOR_LABELS: Record<StepKind, string> = {
  self: '参评党组织',
  ballot: '参评党组织或上级党组织',
  contest: '上级党(工)委',
  review: '上级党(工)委',
  approve: '开展评选的党委组织部门或旗县市区级党委',
  publicity: '开展评选的党委组织部门或旗县市区级党委',
};

export const schemeStepSchema = z.object({ kind: z.enum(STEP_KINDS, { message: '环节类型无效' }), name: text('环节名称', 30) });
export type SchemeStep = z.infer<typeof schemeStepSchema>;

/**
 * The seed's five steps of 分类定级: 党支部自评 → 党员群众测评 → 基层党委(工委)评定 →
 * 上级党委组织部门审定 → 公示.
 */
export const GRADING_STEPS: SchemeStep[] = [
  { kind: 'self', name: '党支部自评' },
  { kind: 'ballot', name: '党员群众测评' },
  { kind: 'review', name: '基层党委(工委)评定' },
  { kind: 'approve', name: '上级党委组织部门审定' },
  { kind: 'publicity', name: '公示' },
];
/** 「五面红旗」: declare and self-assess, 党委摆擂、书记比武, 市旗评判, 公示 (seed). */
export const FLAG_STEPS: SchemeStep[] = [
  { kind: 'self', name: '申报争创及自评' },
  { kind: 'ballot', name: '党员群众测评' },
  { kind: 'contest', name: '党委摆擂、书记比武' },
  { kind: 'review', name: '苏木乡镇(街道)党(工)委评定' },
  { kind: 'approve', name: '市旗评判审定' },
  { kind: 'publicity', name: '公示' },
];
/** 述职评议: the secretary reports, members and the public rate, the 上级 decides, 公示. */
export const REVIEW_STEPS: SchemeStep[] = [
  { kind: 'self', name: '书记述职' },
  { kind: 'ballot', name: '民主测评' },
  { kind: 'review', name: '上级党委综合评定' },
  { kind: 'approve', name: '组织部门审定' },
  { kind: 'publicity', name: '公示' },
];
export const DEFAULT_STEPS: Record<Method, SchemeStep[]> = {
  deduction: GRADING_STEPS,
  flags: FLAG_STEPS,
  levels: GRADING_STEPS.map((s) => (s.kind === 'self' ? { ...s, name: '自评' } : s)),
  ratings: REVIEW_STEPS,
};

export const flagSchema = z.object({ key, name: text('红旗名称', 20) });

/** The most a scheme pays per flag: 100万元. */
export const MAX_SUBSIDY_PER_FLAG_FEN = 100_000_000;
const tooMuch = `每面补贴不能超过${fenToYuan(MAX_SUBSIDY_PER_FLAG_FEN)}元`;

/** The subsidy per flag as a stored definition keeps it: integer fen. */
const fen = z.number().int('金额以分计，应为整数').min(0, '金额不能为负数').max(MAX_SUBSIDY_PER_FLAG_FEN, tooMuch);

/** Every field of a scheme but its money, which is fen inside and yuan at the API. */
const schemeFields = z.object({
  programme: z.enum(PROGRAMMES, { message: '请选择评选项目' }),
  name: text('方案名称', 60),
  year: z.number({ message: '请填写年度' }).int().min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年'),
  /** Which orgs may take part: by domain and type (all when empty). */
  domains: z.array(z.enum(ORG_DOMAINS)).default([]),
  orgTypes: z.array(z.enum(ORG_TYPES)).default([]),
  /** Only the uppermost org of each unit takes part (a school's 党委 or its one 党支部). */
  unitOrgs: z.boolean().optional(),
  criteria: z.array(criterionSchema).min(1, '请至少填写一项指标').max(300, '指标不能超过300项'),
  levels: z.array(levelSchema).max(8, '等次不能超过8个').default([]),
  /** deduction: the share of the top level may not pass this percentage (最强 ≤ 35%). */
  topQuotaPercent: z.number().int().min(1, '比例应在1–100之间').max(100, '比例应在1–100之间').optional(),
  /** deduction: the level a failed veto item caps the result at. */
  vetoCap: key.optional(),
  flags: z.array(flagSchema).max(10, '红旗不能超过10面').default([]),
  /** flags: the most flags one org may be named in one round. */
  flagCap: z.number().int().min(1, '每轮每个组织至少可争创1面').max(10, '不能超过10面').optional(),
  steps: z.array(schemeStepSchema).min(2, '至少需要两个环节').max(8, '环节不能超过8个'),
});

const usable = (s: Omit<Scheme, 'domains' | 'orgTypes'>, ctx: z.RefinementCtx) => {
  const problem = schemeProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
};

/** A scheme as stored and run: the subsidy per flag in integer fen (`subsidyPerFlagFen`). */
export const schemeSchema = schemeFields.extend({ subsidyPerFlagFen: fen.optional() }).superRefine(usable);
export type Scheme = z.output<typeof schemeSchema>;

/**
 * A scheme as the API takes it (制定、修改): the subsidy per flag in yuan (`subsidyPerFlag:
 * "10000.00"`, the public money form), read into the stored definition's fen.
 */
export const schemeInputSchema = schemeFields
  .extend({
    subsidyPerFlag: moneyInput('每面补贴')
      .refine((f) => f <= MAX_SUBSIDY_PER_FLAG_FEN, tooMuch)
      .optional(),
  })
  .superRefine(usable)
  .transform(({ subsidyPerFlag, ...s }): Scheme => (subsidyPerFlag === undefined ? s : { ...s, subsidyPerFlagFen: subsidyPerFlag }));
export type SchemeInput = z.input<typeof schemeInputSchema>;

const dup = (keys: string[]) => keys.find((k, i) => keys.indexOf(k) !== i);

/**
 * What makes a scheme unusable for its method, as `{ field, message }`, or null: the engine can
 * only run what it can score.
 */
export const schemeProblem = (s: Omit<Scheme, 'domains' | 'orgTypes'>): { field: string; message: string } | null => {
  const method = PROGRAMME_METHOD[s.programme];
  const d = dup(s.criteria.map((c) => c.key));
  if (d) return { field: 'criteria', message: `指标编码「${d}」重复` };
  const levelKeys = s.levels.map((l) => l.key);
  if (dup(levelKeys)) return { field: 'levels', message: `等次编码「${dup(levelKeys)}」重复` };
  const kinds = s.steps.map((st) => st.kind);
  if (kinds.indexOf('review') < 0 || kinds.indexOf('approve') < kinds.indexOf('review'))
    return { field: 'steps', message: '环节须包含评定，且审定在评定之后' };
  if (kinds[kinds.length - 1] !== 'publicity') return { field: 'steps', message: '最后一个环节须为公示' };
  if (kinds.indexOf('approve') !== kinds.length - 2) return { field: 'steps', message: '审定之后紧接公示' };
  if (dup(kinds)) return { field: 'steps', message: `环节「${STEP_KIND_LABELS[dup(kinds) as StepKind]}」重复` };
  if (method === 'deduction') {
    if (s.criteria.some((c) => c.maxDeduction === undefined)) return { field: 'criteria', message: '百分制扣分的每项指标须填写最高扣分' };
    if (s.levels.length < 2 || s.levels.some((l) => l.minScore === undefined))
      return { field: 'levels', message: '百分制扣分须设置至少两个等次及其分数线' };
    if (s.vetoCap && !levelKeys.includes(s.vetoCap)) return { field: 'vetoCap', message: '一票否决封顶的等次不在等次列表中' };
    if (s.criteria.some((c) => c.veto) && !s.vetoCap) return { field: 'vetoCap', message: '设有一票否决项时须指定否决后的最高等次' };
  }
  if (s.levels.length > 0 && s.levels.some((l) => l.minScore !== undefined)) {
    for (let i = 1; i < s.levels.length; i++) {
      const hi = s.levels[i - 1]?.minScore;
      const lo = s.levels[i]?.minScore;
      if (hi === undefined || lo === undefined || lo >= hi) return { field: 'levels', message: '等次须从高到低排列，分数线逐级降低' };
    }
    if (s.levels[s.levels.length - 1]?.minScore !== 0) return { field: 'levels', message: '最低等次的分数线应为0' };
  }
  if (method === 'levels' && s.levels.length < 2) return { field: 'levels', message: '评定等次须设置至少两个等次' };
  if (method === 'levels' && s.levels.some((l) => l.minScore !== undefined) && s.criteria.some((c) => c.points === undefined))
    return { field: 'criteria', message: '按分数定等次时每项指标须填写分值' };
  if (method === 'flags') {
    if (s.flags.length === 0) return { field: 'flags', message: '请至少设置一面红旗' };
    if (dup(s.flags.map((f) => f.key))) return { field: 'flags', message: '红旗编码重复' };
    const flagKeys = new Set(s.flags.map((f) => f.key));
    const stray = s.criteria.find((c) => !c.flag || !flagKeys.has(c.flag));
    if (stray) return { field: 'criteria', message: `指标「${stray.text}」须归属一面红旗` };
    const bare = s.flags.find((f) => !s.criteria.some((c) => c.flag === f.key));
    if (bare) return { field: 'flags', message: `「${bare.name}」还没有指标` };
  }
  if (s.topQuotaPercent !== undefined && method !== 'deduction') return { field: 'topQuotaPercent', message: '比例限制只用于分类定级' };
  return null;
};

/** The criteria an org of `domain` is judged on (flags: each domain has its own indicators since 2021). */
export const criteriaFor = (criteria: readonly Criterion[], domain: string): Criterion[] =>
  criteria.filter((c) => !c.domains || c.domains.length === 0 || (c.domains as string[]).includes(domain));
