import { z } from 'zod';
import { isWithin, type OrgPath } from '../access/access.js';
import { addDays } from '../dates.js';
import { dateString, recordId } from '../org/org.schema.js';
import { RATINGS, type SchemeStep, STEP_KIND_LABELS, type StepKind } from './scheme.js';

/**
 * A round runs a scheme's steps over the orgs taking part. Each entry (one org in one round)
 * moves through the steps in order; each step has its window and its actor (DOMAIN.md §4,
 * ARCHITECTURE.md Workflows).
 */
export interface RoundStep extends SchemeStep {
  opensAt: string;
  closesAt: string;
}

/** 公示 length when the round does not say: 7 days (公示期一般不少于5个工作日). */
export const DEFAULT_PUBLICITY_DAYS = 7;

export const roundCreateSchema = z
  .object({
    schemeId: recordId,
    orgId: recordId,
    name: z.string().trim().min(1, '请填写轮次名称').max(60, '轮次名称不能超过60个字'),
    windows: z
      .array(z.object({ opensAt: dateString, closesAt: dateString }))
      .min(1, '请填写各环节的起止日期')
      .max(8, '环节不能超过8个'),
    publicityDays: z.number().int().min(1, '公示天数应在1–30天之间').max(30, '公示天数应在1–30天之间').default(DEFAULT_PUBLICITY_DAYS),
  })
  .superRefine((r, ctx) => {
    const problem = windowsProblem(r.windows);
    if (problem) ctx.addIssue({ code: 'custom', path: ['windows', problem.index], message: problem.message });
  });
export type RoundCreate = z.output<typeof roundCreateSchema>;

/** Each window opens before it closes; the windows open and close in step order (they may overlap). */
export const windowsProblem = (windows: readonly { opensAt: string; closesAt: string }[]) => {
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i] as { opensAt: string; closesAt: string };
    if (w.opensAt > w.closesAt) return { index: i, message: `第${i + 1}个环节的开始日期晚于截止日期` };
    const prev = windows[i - 1];
    if (prev && (w.opensAt < prev.opensAt || w.closesAt < prev.closesAt))
      return { index: i, message: `第${i + 1}个环节的起止日期早于上一环节` };
  }
  return null;
};

/** The steps of a round: the scheme's steps with the round's windows (公示 has days, not a window). */
export const roundSteps = (
  steps: readonly SchemeStep[],
  windows: readonly { opensAt: string; closesAt: string }[],
): RoundStep[] | string => {
  const timed = steps.filter((s) => s.kind !== 'publicity');
  if (windows.length !== timed.length) return `本方案有${timed.length}个需要起止日期的环节，填写了${windows.length}个`;
  return steps.map((s, i) => {
    const w = windows[i] ?? windows[windows.length - 1];
    return { ...s, opensAt: w?.opensAt ?? '', closesAt: w?.closesAt ?? '' };
  });
};

/**
 * May step `index` be acted on for an entry standing at `stage` on `today`? A refusal says which
 * step the entry is at, or when the step opens or closed.
 */
export const stepGate = (steps: readonly RoundStep[], stage: number, index: number, today: string): string | null => {
  const step = steps[index];
  if (!step) return '环节不存在';
  if (stage >= steps.length) return '本轮评选已结束，结果已发布';
  const current = steps[stage] as RoundStep;
  if (stage !== index) return `当前处于「${current.name}」环节，不能办理「${step.name}」`;
  if (step.kind === 'publicity') return null;
  if (today < step.opensAt) return `「${step.name}」环节${step.opensAt}开始，尚未开放`;
  if (today > step.closesAt) return `「${step.name}」环节已于${step.closesAt}截止`;
  return null;
};

export const stepIndex = (steps: readonly { kind: StepKind }[], kind: StepKind) => steps.findIndex((s) => s.kind === kind);

/** The last day of 公示 that starts on `startedOn` and runs `days` days. */
export const publicityEndsOn = (startedOn: string, days: number) => addDays(startedOn, days - 1);

/** Results stay hidden from the assessed until the approval step ends (公示 starts). */
export const resultVisibleToAssessed = (steps: readonly { kind: StepKind }[], stage: number) => stage >= stepIndex(steps, 'publicity');

const depth = (path: OrgPath) => path.split('.').length;

/**
 * Does a grant at `grantPath` run the round's 审定 and 公示: the round's org or above it, or the org
 * directly below it (a 旗县 in a city round)?
 */
export const runsRound = (grantPath: OrgPath, roundPath: OrgPath): boolean =>
  isWithin(grantPath, roundPath) || (isWithin(roundPath, grantPath) && depth(grantPath) <= depth(roundPath) + 1);

/**
 * Who may act at a step, from where their grant sits (paths of grants holding the evaluation
 * ability). `self`: the org itself or above; `ballot`: the same; `contest`/`review`: a 党(工)委
 * strictly above the org; `approve`/`publicity`: the round's org or an org directly below it (the
 * 旗县市区委 of a city round), strictly above the org that reviewed. Returns a Chinese refusal or null.
 */
export const stepActorProblem = (
  kind: StepKind,
  grantPaths: readonly OrgPath[],
  entryPath: OrgPath,
  roundPath: OrgPath,
  reviewerPath?: OrgPath,
): string | null => {
  const covering = grantPaths.filter((g) => isWithin(g, entryPath));
  const above = covering.filter((g) => g !== entryPath);
  const label = STEP_KIND_LABELS[kind];
  switch (kind) {
    case 'self':
    case 'ballot':
      return covering.length > 0 ? null : `「${label}」由参评党组织或其上级办理`;
    case 'contest':
    case 'review':
      return above.length > 0 ? null : `「${label}」由参评党组织的上级党(工)委办理，不能由本组织自行评定`;
    case 'approve':
    case 'publicity': {
      const ok = above.some((g) => runsRound(g, roundPath));
      if (!ok) return `「${label}」由开展评选的党委组织部门或其下一级党委办理`;
      if (reviewerPath && !above.some((g) => isWithin(g, reviewerPath) && g !== reviewerPath))
        return `「${label}」须由评定单位的上级办理，评定与审定不能是同一单位`;
      return null;
    }
  }
};

export const selfAssessmentSchema = z.object({
  /** Per criterion: what the org claims and says about it. */
  items: z
    .array(
      z.object({
        key: z.string().min(1).max(32),
        deduction: z.number().min(0, '自评扣分不能为负数').max(100, '自评扣分不能超过100分').optional(),
        points: z.number().min(0, '自评得分不能为负数').max(100, '自评得分不能超过100分').optional(),
        met: z.boolean().optional(),
        note: z.string().trim().max(500, '说明不能超过500个字').optional(),
      }),
    )
    .max(300, '指标不能超过300项')
    .default([]),
  /** flags: the flags the org competes for. */
  flags: z.array(z.string().min(1).max(32)).max(10, '红旗不能超过10面').default([]),
  summary: z.string().trim().min(1, '请填写自评总结').max(4000, '自评总结不能超过4000个字'),
});
export type SelfAssessment = z.output<typeof selfAssessmentSchema>;

export const reviewSchema = z.object({
  /** deduction: points taken off per criterion key. */
  deductions: z.record(z.string(), z.number({ message: '扣分应为数字' })).default({}),
  vetoFailed: z.array(z.string()).default([]),
  /** levels: points given per criterion key (with bands), or the level judged (without). */
  points: z.record(z.string(), z.number({ message: '得分应为数字' })).default({}),
  level: z.string().max(32).optional(),
  /** flags: the criteria met and the flags recommended. */
  met: z.array(z.string()).default([]),
  flags: z.array(z.string()).default([]),
  /** ratings: the rating decided. */
  rating: z.enum(RATINGS, { message: '请选择评定等次' }).optional(),
  note: z.string().trim().max(1000, '评定意见不能超过1000个字').optional(),
});
export type ReviewInput = z.output<typeof reviewSchema>;

export const approveSchema = z.object({
  entryIds: z.array(recordId).min(1, '请选择要审定的组织').max(5000, '一次最多审定5000个'),
  note: z.string().trim().max(500, '审定意见不能超过500个字').optional(),
});

export const objectionSchema = z.object({
  text: z.string().trim().min(1, '请填写异议内容').max(1000, '异议内容不能超过1000个字'),
  /** Who raised it (name or 匿名); kept as said. */
  raisedBy: z.string().trim().max(40, '反映人不能超过40个字').optional(),
});

export const objectionAnswerSchema = z.object({
  decision: z.enum(['dismissed', 'upheld'], { message: '请选择处理结果' }),
  answer: z.string().trim().min(1, '请填写答复').max(1000, '答复不能超过1000个字'),
});
export const OBJECTION_DECISION_LABELS = { dismissed: '异议不成立，维持结果', upheld: '异议成立，退回重新评定' } as const;

export const contestScoreSchema = z.object({
  judge: z.string().trim().min(1, '请填写评委').max(40, '评委不能超过40个字'),
  score: z
    .number({ message: '请填写评分' })
    .min(0, '评分应在0–100之间')
    .max(100, '评分应在0–100之间')
    .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, '评分最多保留一位小数'),
});

export const ballotSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z2-9]{10}$/, '测评码应为10位字母或数字')),
  choice: z.enum(RATINGS, { message: '请选择评价' }),
});

/** One-time codes: 10 characters without 0/O/1/I, about 50 bits each. */
export const BALLOT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BALLOT_CODES_MAX = 500;

/** Formats a code for print: `ABCDE-FGHJK`. */
export const formatBallotCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
