import {
  type Actor,
  BINDINGS,
  can,
  fenToYuan,
  METHODS,
  ORG_DOMAINS,
  ORG_TYPES,
  PROGRAMMES,
  RATINGS,
  type Rating,
  runsRound,
  STEP_KINDS,
  scopesHeld,
  yuanOut,
} from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';
import { nextEventSchema } from '../../platform/workflow.schema.js';
import type { RoundRow, SchemeRow } from './evaluation.repo.js';

/*
 * The answers of 评星定级 (platform/http.ts, `response`): schemes, rounds, entries and their steps,
 * the finance office's list, an org's results and the public 测评 page. Money leaves as yuan strings.
 */

const score = z.number().meta({ description: '分数（一位小数）' });
const programme = z.enum(PROGRAMMES);
const rating = z.enum(RATINGS);

/** One criterion of a scheme, as its method scores it. */
export const criterionOut = z
  .object({
    key: z.string(),
    text: z.string(),
    basis: z.string().optional(),
    maxDeduction: score.optional(),
    rule: z.string().optional(),
    veto: z.boolean().optional(),
    points: score.optional(),
    flag: z.string().optional(),
    domains: z.array(z.enum(ORG_DOMAINS)).optional(),
    binding: z.enum(BINDINGS).optional(),
  })
  .meta({ id: 'EvaluationCriterion' });

export const levelOut = z.object({ key: z.string(), name: z.string(), minScore: score.optional() }).meta({ id: 'EvaluationLevel' });

/** A flag of 「五面红旗」 (or any named distinction a scheme awards). */
export const flagOut = z.object({ key: z.string(), name: z.string() }).meta({ id: 'EvaluationFlag' });

const schemeStepOut = z.object({ kind: z.enum(STEP_KINDS), name: z.string() });

/** A round's step: the scheme's step with this round's window (公示 runs its days from each approval). */
export const roundStepOut = schemeStepOut.extend({ opensAt: dateOut, closesAt: dateOut }).meta({ id: 'RoundStep' });

/** A scheme as read: its definition (money in yuan), where it was made, whether it is in use. */
export const schemeOut = z
  .object({
    id: idOut,
    orgId: idOut,
    orgName: z.string(),
    copiedFrom: idOut.nullable().meta({ description: '复制自哪个方案（上一年度的）' }),
    rounds: countOut.meta({ description: '已用于几轮评选；用过的方案不能再修改（locked）' }),
    locked: z.boolean(),
    programme,
    name: z.string(),
    year: z.number().int(),
    domains: z.array(z.enum(ORG_DOMAINS)),
    orgTypes: z.array(z.enum(ORG_TYPES)),
    unitOrgs: z.boolean().optional(),
    criteria: z.array(criterionOut),
    levels: z.array(levelOut),
    topQuotaPercent: z.number().int().optional(),
    vetoCap: z.string().optional(),
    flags: z.array(flagOut),
    flagCap: z.number().int().optional(),
    subsidyPerFlag: yuanOut.optional().meta({ description: '每面红旗的工作补贴（元）' }),
    steps: z.array(schemeStepOut),
    abilities: z.object({
      canManage: z.boolean().meta({ description: '方案属于本人管理的党组织，可修改（未用过时）；否则只能复制' }),
    }),
  })
  .meta({ id: 'EvaluationScheme' });
export type SchemeOut = z.infer<typeof schemeOut>;

/** A scheme as read, with whether this reader may edit it (it belongs to an org they manage). */
export const presentScheme = (actor: Actor, s: SchemeRow): SchemeOut => {
  const { subsidyPerFlagFen, ...d } = s.definition;
  return {
    ...d,
    id: s.id,
    orgId: s.orgId,
    orgName: s.orgName,
    copiedFrom: s.copiedFrom,
    rounds: s.rounds,
    locked: s.rounds > 0,
    programme: s.programme,
    name: s.name,
    year: s.year,
    ...(subsidyPerFlagFen === undefined ? {} : { subsidyPerFlag: fenToYuan(subsidyPerFlagFen) }),
    abilities: { canManage: can(actor, 'evaluation.manage', { orgPath: s.orgPath }) },
  };
};

/** A round: the scheme's steps with this round's windows, and the scheme's levels and flags. */
export const roundOut = z
  .object({
    id: idOut,
    schemeId: idOut,
    orgId: idOut,
    orgName: z.string(),
    name: z.string(),
    programme,
    year: z.number().int(),
    steps: z.array(roundStepOut),
    publicityDays: z.number().int(),
    levels: z.array(levelOut),
    flags: z.array(flagOut),
    topQuotaPercent: z.number().int().nullable(),
    subsidyPerFlag: yuanOut.nullable().meta({ description: '每面红旗的工作补贴（元）' }),
    abilities: z.object({
      canApprove: z.boolean().meta({ description: '本人负责本轮的审定与发布（每个参评记录另说明现在能否审定）' }),
    }),
  })
  .meta({ id: 'EvaluationRound' });
export type RoundOut = z.infer<typeof roundOut>;

/** The API shape of a round for `actor`. */
export const presentRound = (actor: Actor, r: RoundRow): RoundOut => ({
  id: r.id,
  schemeId: r.schemeId,
  orgId: r.orgId,
  orgName: r.orgName,
  name: r.name,
  programme: r.programme,
  year: r.year,
  steps: r.steps,
  publicityDays: r.publicityDays,
  levels: r.definition.levels,
  flags: r.definition.flags,
  topQuotaPercent: r.definition.topQuotaPercent ?? null,
  subsidyPerFlag: r.definition.subsidyPerFlagFen === undefined ? null : fenToYuan(r.definition.subsidyPerFlagFen),
  // 审定 and 发布 are for those who run the round; each entry still says whether it may be approved now.
  abilities: { canApprove: scopesHeld(actor, 'evaluation.manage').some((g) => runsRound(g, r.orgPath)) },
});

/** A round in the list: how many entries the reader sees, and how many of them are published. */
export const roundListItemOut = roundOut
  .extend({ entries: countOut, final: countOut.meta({ description: '其中结果已发布的' }) })
  .meta({ id: 'EvaluationRoundListItem' });

/** A round just started, with how many orgs it took in. */
export const roundCreatedOut = roundOut.extend({ entries: countOut });

/** The round's progress board under the reader's scope: entries per step, judged results by level or rating. */
export const roundProgressOut = z
  .object({
    stages: z.array(z.object({ index: z.number().int(), kind: z.enum(STEP_KINDS), name: z.string(), count: countOut })),
    published: countOut,
    results: z.array(z.object({ level: z.string().nullable(), rating: rating.nullable(), n: countOut, flags: countOut })),
  })
  .meta({ id: 'EvaluationRoundProgress' });

export const roundDetailOut = roundOut.extend({ progress: roundProgressOut }).meta({ id: 'EvaluationRoundDetail' });

/** The judged result; hidden from the assessed org (and nulled) until 审定 ends. */
const resultFields = {
  resultHidden: z.boolean(),
  score: score.nullable(),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  rating: rating.nullable(),
  flags: z.array(z.string()).meta({ description: '命名（或拟命名）的红旗编码' }),
};

/** Per event of the entry's current step (`approve`, `return` …): may this reader fire it now. */
const entryAbilities = z
  .record(z.string(), z.boolean())
  .meta({ description: '当前环节的每个事件（approve、return…）本人现在能否办理；批量审定读 approve' });

/** One entry of a round's list. */
export const entryItemOut = z
  .object({
    id: idOut,
    orgId: idOut,
    orgName: z.string(),
    orgDomain: z.enum(ORG_DOMAINS),
    township: z.string().nullable().meta({ description: '所在苏木乡镇(街道)；排名在其内、同领域中计' }),
    stage: z.number().int().meta({ description: '当前环节序号；已发布时为环节数' }),
    stepName: z.string(),
    declaredFlags: z.array(z.string()),
    publicityTo: dateOut.nullable(),
    finalAt: dateOut.nullable(),
    openObjections: countOut,
    ...resultFields,
    rank: z.number().int().nullable(),
    abilities: entryAbilities,
  })
  .meta({ id: 'EvaluationEntryItem' });
export type EntryItemOut = z.infer<typeof entryItemOut>;

/** What the org filed at 自评, with the figures read from the records on that day. */
export const selfRecordOut = z
  .object({
    items: z.array(
      z.object({
        key: z.string(),
        deduction: score.optional(),
        points: score.optional(),
        met: z.boolean().optional(),
        note: z.string().optional(),
      }),
    ),
    summary: z.string(),
    evidence: z.array(z.object({ key: z.string(), binding: z.enum(BINDINGS), name: z.string(), value: z.number(), unit: z.string() })),
    selfScore: score.optional(),
    filedOn: dateOut,
  })
  .meta({ id: 'EvaluationSelfRecord' });

/** A value for each of the four choices (a record over them would lose its keys in the OpenAPI document). */
const perRating = <T extends z.ZodType>(value: T) =>
  z.object({ good: value, fairly_good: value, average: value, poor: value } satisfies Record<Rating, T>);

const percentText = z.string().meta({ description: '百分比，一位小数（如 "33.3"）' });

/** The 测评 count with the codes handed out and used. */
export const ballotTallyOut = z
  .object({
    total: countOut,
    counts: perRating(countOut),
    shares: perRating(percentText),
    favourable: percentText.meta({ description: '好与较好合计（满意率）' }),
    codesIssued: countOut,
    codesUsed: countOut,
  })
  .meta({ id: 'BallotTally' });

export const contestScoreOut = z.object({ judge: z.string(), score }).meta({ id: 'ContestScore' });

/** The judges' scores and their mean (5 or more: the highest and lowest dropped). */
export const contestOut = z.object({ scores: z.array(contestScoreOut), mean: score.nullable() });

/** The 评定 as recorded: what the reviewer entered, by the scheme's method. */
const reviewRecordOut = z.object({
  deductions: z.record(z.string(), score).optional(),
  vetoFailed: z.array(z.string()).optional(),
  points: z.record(z.string(), score).optional(),
  level: z.string().optional(),
  met: z.array(z.string()).optional(),
  flags: z.array(z.string()).optional(),
  rating: rating.optional(),
  note: z.string().optional(),
  contestMean: score.nullable().optional(),
  reviewedOn: dateOut.optional(),
});

/** An objection raised during 公示; `raisedBy` is only shown to those above the org. */
export const objectionOut = z
  .object({
    id: idOut,
    text: z.string(),
    raisedBy: z.string().nullable(),
    recordedOn: dateOut,
    decision: z.enum(['dismissed', 'upheld']).nullable(),
    answer: z.string().nullable(),
    answeredOn: dateOut.nullable(),
  })
  .meta({ id: 'EvaluationObjection' });

/** One line of the 办理记录. */
export const entryLogOut = z
  .object({
    step: z.number().int(),
    stepName: z.string(),
    date: dateOut,
    actorName: z.string().nullable(),
    event: z.string(),
    eventName: z.string().meta({ description: '流程对该事件的称呼（提交自评、审定…）' }),
    sentBack: z.boolean().meta({ description: '退回重新评定（退回，或异议成立）' }),
    note: z.string().nullable(),
    score: score.nullable(),
    level: z.string().nullable(),
    flags: z.array(z.string()),
    ballots: countOut.nullable(),
  })
  .meta({ id: 'EvaluationLogItem' });

/** One entry with everything its page shows. */
export const entryOut = z
  .object({
    id: idOut,
    round: z.object({ id: idOut, name: z.string(), programme, method: z.enum(METHODS), year: z.number().int() }),
    org: z.object({ id: idOut, name: z.string(), domain: z.enum(ORG_DOMAINS), type: z.enum(ORG_TYPES) }),
    stage: z.number().int(),
    state: z.enum([...STEP_KINDS, 'published']),
    seq: z.number().int().nonnegative(),
    steps: z.array(roundStepOut),
    publicityDays: z.number().int(),
    criteria: z.array(criterionOut).meta({ description: '适用于本组织领域的指标' }),
    levels: z.array(levelOut),
    flagsOffered: z.array(flagOut),
    flagCap: z.number().int().nullable(),
    declaredFlags: z.array(z.string()),
    selfAssessment: selfRecordOut.nullable(),
    ballots: ballotTallyOut,
    contest: z
      .object({ scores: z.array(contestScoreOut), judges: countOut, mean: score.nullable() })
      .meta({ description: '评委评分只列给上级；平均分在结果可见时给出' }),
    review: reviewRecordOut.nullable(),
    ...resultFields,
    publicityFrom: dateOut.nullable(),
    publicityTo: dateOut.nullable(),
    finalAt: dateOut.nullable(),
    objections: z.array(objectionOut),
    log: z.array(entryLogOut),
    oversees: z.boolean().meta({ description: '本人在该组织之上（各环节都能看到结果）' }),
    vetoCap: z.string().nullable(),
    next: z.array(nextEventSchema).meta({ description: '当前环节可办理的事件，及本人能否办理、为何不能' }),
    mayAct: z.boolean(),
    whyNot: z.string().nullable(),
    abilities: entryAbilities,
  })
  .meta({ id: 'EvaluationEntry' });
export type EntryOut = z.infer<typeof entryOut>;

/** The abilities of an entry from its workflow's next events. */
export const entryAbilitiesOf = (next: readonly { event: string; mayAct: boolean }[]): Record<string, boolean> =>
  Object.fromEntries(next.map((n) => [n.event, n.mayAct]));

/** The judged result of a 评定. */
export const reviewResultOut = z.object({
  score: score.nullable(),
  level: z.string().nullable(),
  flags: z.array(z.string()),
  rating: rating.nullable(),
});

/** One-time 测评 codes: the plain codes are in this answer only. */
export const issuedCodesOut = z.object({ codes: z.array(z.string()), closesAt: dateOut.nullable() });

export const approvedOut = z.object({ approved: countOut, publicityTo: dateOut });

export const publishedOut = z.object({
  published: countOut,
  waiting: countOut.meta({ description: '公示期未满的' }),
  objections: countOut.meta({ description: '尚有异议未答复的' }),
});

/** The finance office's list of a 「五面红旗」 round: money as yuan strings. */
export const subsidyListOut = z
  .object({
    perFlag: yuanOut,
    total: yuanOut,
    flags: countOut,
    items: z.array(
      z.object({
        orgName: z.string(),
        township: z.string().nullable(),
        code: z.string(),
        flags: z.array(z.string()),
        flagNames: z.array(z.string()),
        amount: yuanOut,
        finalAt: dateOut,
      }),
    ),
  })
  .meta({ id: 'SubsidyList' });

/** The finance office's list in yuan, from the fen it is summed in. */
export const presentSubsidy = (s: {
  perFlagFen: number;
  totalFen: number;
  flags: number;
  items: (Omit<z.infer<typeof subsidyListOut>['items'][number], 'amount'> & { amountFen: number })[];
}): z.infer<typeof subsidyListOut> => ({
  perFlag: fenToYuan(s.perFlagFen),
  total: fenToYuan(s.totalFen),
  flags: s.flags,
  items: s.items.map(({ amountFen, ...i }) => ({ ...i, amount: fenToYuan(amountFen) })),
});

/** One year of a programme's published results under an org: entries, count per level or rating, flags named. */
export const yearResultOut = z
  .object({
    year: z.number().int(),
    entries: countOut,
    flags: countOut,
    byKey: z.record(z.string(), countOut).meta({ description: '各等次或评价的数量' }),
  })
  .meta({ id: 'EvaluationYearResult' });

/** One published result of an org (its badges). */
export const orgResultOut = z
  .object({
    entryId: idOut,
    roundId: idOut,
    roundName: z.string(),
    programme,
    year: z.number().int(),
    score: score.nullable(),
    level: z.string().nullable(),
    levelName: z.string().nullable(),
    rating: rating.nullable(),
    flags: z.array(z.string()).meta({ description: '红旗名称' }),
    finalAt: dateOut,
  })
  .meta({ id: 'OrgEvaluationResult' });

/** A 述职评议 rating of an org a member led as 书记. */
export const secretaryReviewOut = z
  .object({ roundName: z.string(), year: z.number().int(), orgName: z.string(), rating, finalAt: dateOut })
  .meta({ id: 'SecretaryReview' });

/** What the 测评 page shows for a code; `refusal` says why it cannot be used. */
export const ballotInfoOut = z
  .object({
    orgName: z.string(),
    roundName: z.string(),
    stepName: z.string(),
    summary: z.string().nullable().meta({ description: '参评组织的自评总结（或述职报告）' }),
    refusal: z.string().nullable(),
  })
  .meta({ id: 'BallotInfo' });
