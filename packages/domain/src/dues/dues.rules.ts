import { z } from 'zod';
import type { ComplianceFinding } from '../meetings/meeting.rules.js';
import { fenToYuan, moneyInput, ruleYuan } from '../money.js';
import { recordId } from '../org/org.schema.js';

/**
 * 党费 (中组部《关于中国共产党党费收缴、使用和管理的规定》, 中组发〔2008〕3号; RULES.md §3). Every
 * amount is integer fen: money never passes through a binary float.
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'farmer', 'student', 'unemployed', 'low_income'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  farmer: '农牧民',
  student: '学生',
  unemployed: '下岗失业',
  low_income: '低保/救济',
};

/** The uncertain parts of the rules, as settings with RULES.md's defaults. */
export interface DuesSettings {
  /** 农民党员 pay 0.2–1 元 a month, the amount set by the provincial 党委 (the Inner Mongolia figure is unverified). */
  farmerMonthlyFen: number;
  /** The 规定 names no rounding: half-up to the fen by default, or down. */
  rounding: 'half_up' | 'down';
}
export const DEFAULT_DUES_SETTINGS: DuesSettings = { farmerMonthlyFen: 20, rounding: 'half_up' };

/** 学生, 下岗失业, 抚恤/救济 and 低保: 0.2 元 a month (规定 Art. 6). */
export const FIXED_LOW_FEN = 20;

/** Brackets: the base up to and including `upToFen` pays `perMille` on the whole base (not progressive). */
const EMPLOYED_BRACKETS: { upToFen: number; perMille: number }[] = [
  { upToFen: 300_000, perMille: 5 },
  { upToFen: 500_000, perMille: 10 },
  { upToFen: 1_000_000, perMille: 15 },
  { upToFen: Number.POSITIVE_INFINITY, perMille: 20 },
];
const RETIRED_BRACKETS: { upToFen: number; perMille: number }[] = [
  { upToFen: 500_000, perMille: 5 },
  { upToFen: Number.POSITIVE_INFINITY, perMille: 10 },
];

export interface DuesResult {
  /** Monthly amount in fen. */
  amountFen: number;
  /** The rate applied to the whole base, e.g. 0.015; null for a fixed amount. */
  rate: number | null;
  /** The rule, in Chinese, as a member would read it. */
  basis: string;
}

/** `baseFen × perMille / 1000`, rounded per the setting, in integers only. */
const applyRate = (baseFen: number, perMille: number, rounding: DuesSettings['rounding']) => {
  const scaled = baseFen * perMille;
  return rounding === 'half_up' ? Math.floor((scaled + 500) / 1000) : Math.floor(scaled / 1000);
};

/** The monthly dues of one member (规定 Arts. 2, 5, 6): a flat rate on the whole base, bracket tops included. */
export const calculateDues = (category: DuesCategory, baseFen: number, settings: DuesSettings = DEFAULT_DUES_SETTINGS): DuesResult => {
  switch (category) {
    case 'employed':
    case 'retired': {
      const brackets = category === 'employed' ? EMPLOYED_BRACKETS : RETIRED_BRACKETS;
      const bracket = brackets.find((b) => baseFen <= b.upToFen) as (typeof brackets)[number];
      const index = brackets.indexOf(bracket);
      const lower = index === 0 ? null : (brackets[index - 1] as (typeof brackets)[number]).upToFen;
      const range =
        lower === null
          ? `${fenToYuan(bracket.upToFen)}元以下（含）`
          : Number.isFinite(bracket.upToFen)
            ? `${fenToYuan(lower)}元以上至${fenToYuan(bracket.upToFen)}元（含）`
            : `${fenToYuan(lower)}元以上`;
      const what = category === 'employed' ? '在职党员每月工资收入（税后）' : '离退休党员每月离退休费（养老金）';
      const article = category === 'employed' ? '第二条' : '第五条';
      return {
        amountFen: applyRate(baseFen, bracket.perMille, settings.rounding),
        rate: bracket.perMille / 1000,
        basis: `${what}在${range}者，按全额的${bracket.perMille / 10}%交纳（中组发〔2008〕3号${article}）`,
      };
    }
    case 'farmer':
      return {
        amountFen: settings.farmerMonthlyFen,
        rate: null,
        basis: `农牧民党员每月交纳${fenToYuan(settings.farmerMonthlyFen)}元（规定为0.2元至1元，由省级党委确定；中组发〔2008〕3号第六条）`,
      };
    default:
      return {
        amountFen: FIXED_LOW_FEN,
        rate: null,
        basis: `${DUES_CATEGORY_LABELS[category]}党员每月交纳0.20元（中组发〔2008〕3号第六条）`,
      };
  }
};

/** Back-pay or advance payment covers at most this many months (规定 Art. 12). */
export const MAX_BACK_OR_ADVANCE_MONTHS = 6;
/** A one-off voluntary payment of this much or more goes entirely to the 中央 (规定 Art. 11). */
export const LARGE_VOLUNTARY_FEN = 100_000;
/** The rule for a large voluntary payment, as forms and notes quote it. */
export const LARGE_VOLUNTARY_RULE = `一次性自愿多交纳党费${ruleYuan(LARGE_VOLUNTARY_FEN)}元以上的，全部上缴中央（中组发〔2008〕3号第十一条）`;
/** The back-pay and advance limit, as forms quote it. */
export const PAYMENT_WINDOW_RULE = `补交、预交一般不超过${MAX_BACK_OR_ADVANCE_MONTHS}个月（中组发〔2008〕3号第十二条）`;
/** Six months unpaid without good reason is treated as 自行脱党 — a warning for the branch to decide (党章 Art. 9; 规定 Art. 13). */
export const ARREARS_LAPSE_MONTHS = 6;

/** The monthly base of 在职 and 离退休 members (规定第二、五条), as the forms call it. */
const monthlyBase = moneyInput('每月交纳基数');

export const duesCalculateSchema = z
  .object({
    category: z.enum(DUES_CATEGORIES, { message: '党员类别只能是在职、离退休、农牧民、学生、下岗失业或低保/救济' }),
    monthlyBase: monthlyBase.optional(),
  })
  .refine((d) => (d.category !== 'employed' && d.category !== 'retired') || d.monthlyBase !== undefined, {
    message: '在职和离退休党员须填写每月交纳基数（元）',
    path: ['monthlyBase'],
  });

/** A month `YYYY-MM`. */
export const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine((s) => s >= '1900-01', '月份不能早于1900年');

/** Months since year 0, so month arithmetic is integer arithmetic. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** An assessment as the rules read it: the month it applies from and the monthly amount. */
export interface DuesRate {
  effectiveFrom: string;
  amountFen: number;
}

/**
 * The assessment in effect in `month`: the latest one from that month or before (each applies until
 * the next, 规定第十条), or undefined before the first. `assessments` oldest first.
 */
export const assessmentIn = <T extends DuesRate>(assessments: readonly T[], month: string): T | undefined =>
  assessments.filter((a) => a.effectiveFrom <= month).at(-1);

/**
 * What a payment for `fromMonth`–`toMonth` comes to: the sum of each month's assessed amount (a
 * payment is never typed, 规定第十二条 pays by the month), or the first month not yet assessed.
 */
export const paymentAmount = (
  assessments: readonly DuesRate[],
  fromMonth: string,
  toMonth: string,
): { amountFen: number; months: number } | { unassessed: string } => {
  let amountFen = 0;
  for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i++) {
    const a = assessmentIn(assessments, monthOf(i));
    if (!a) return { unassessed: monthOf(i) };
    amountFen += a.amountFen;
  }
  return { amountFen, months: Math.max(0, monthIndex(toMonth) - monthIndex(fromMonth) + 1) };
};

/** What the months owed come to, each at the amount assessed for it. */
export const owedAmount = (assessments: readonly DuesRate[], owedMonths: readonly string[]): number =>
  owedMonths.reduce((n, month) => n + (assessmentIn(assessments, month)?.amountFen ?? 0), 0);

/**
 * Dues are owed from the month the 支部大会 admitted the member as 预备党员 (规定第八条): an
 * assessment or a payment for an earlier month is refused. Returns the reason, or null.
 */
export const duesStartProblem = (kind: 'assess' | 'pay', month: string, joinedAt: string): string | null => {
  if (month >= joinedAt.slice(0, 7)) return null;
  return kind === 'assess'
    ? `预备党员从支部大会通过之日（${joinedAt}）起交纳党费（中组发〔2008〕3号第八条）`
    : `${month}早于入党（${joinedAt}），无需交纳`;
};

/**
 * A reduced amount (少交, or 免交 at 0) must be below the amount the rule gives (规定第七条: a lower
 * amount needs approval; the same or more is no reduction). Returns the reason, or null.
 */
export const reductionProblem = (reducedFen: number, calculatedFen: number): string | null =>
  reducedFen >= calculatedFen ? `少交后的金额应低于按规定计算的${fenToYuan(calculatedFen)}元` : null;

/**
 * A member's monthly dues from a month on: at the start of the year (每年初核定) or from the month a
 * new pay is first received (规定第十条). A lower amount or an exemption (0) needs the reason and the
 * next-higher 党委's approval (规定第七条).
 */
export const duesAssessSchema = z
  .object({
    memberId: recordId,
    effectiveFrom: monthString,
    category: z.enum(DUES_CATEGORIES, { message: '党员类别只能是在职、离退休、农牧民、学生、下岗失业或低保/救济' }),
    monthlyBase: monthlyBase.optional(),
    reducedAmount: moneyInput('少交后每月金额').optional(),
    reductionReason: z.string().trim().min(1, '请填写少交或免交的原因').max(200, '不能超过200个字').optional(),
    reductionApprovedBy: recordId.optional(),
  })
  .refine((d) => (d.category !== 'employed' && d.category !== 'retired') || d.monthlyBase !== undefined, {
    message: '在职和离退休党员须填写每月交纳基数（元）',
    path: ['monthlyBase'],
  })
  .refine((d) => d.reducedAmount === undefined || (d.reductionReason !== undefined && d.reductionApprovedBy !== undefined), {
    message: '少交或免交党费须填写原因和批准的上一级党委（规定第七条）',
    path: ['reductionReason'],
  });
export type DuesAssess = z.infer<typeof duesAssessSchema>;

export const DUES_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'other'] as const;
export type DuesMethod = (typeof DUES_METHODS)[number];
export const DUES_METHOD_LABELS: Record<DuesMethod, string> = {
  cash: '现金',
  wechat: '微信',
  alipay: '支付宝',
  bank: '银行转账',
  other: '其他',
};

/** A payment for a range of months; the amount due is computed from the assessments, never typed. */
export const duesPaySchema = z
  .object({
    memberId: recordId,
    fromMonth: monthString,
    toMonth: monthString,
    paidAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
    method: z.enum(DUES_METHODS, { message: '交纳方式无效' }),
    receiptNo: z.string().trim().max(40, '不能超过40个字').optional(),
    collectedBy: z.string().trim().max(40, '不能超过40个字').optional(),
    /** Extra paid voluntarily (规定第十一条). */
    voluntary: moneyInput('自愿多交金额').optional(),
  })
  .refine((d) => d.toMonth >= d.fromMonth, { message: '截止月份不能早于起始月份', path: ['toMonth'] });
export type DuesPay = z.infer<typeof duesPaySchema>;

/**
 * Back-pay and advance payment: at most 6 months each way from the month of payment (规定第十二条).
 * Returns `{ field, message }` or null.
 */
export const paymentWindowProblem = (p: {
  fromMonth: string;
  toMonth: string;
  paidAt: string;
}): { field: string; message: string } | null => {
  const paid = monthIndex(p.paidAt.slice(0, 7));
  const back = paid - monthIndex(p.fromMonth);
  const ahead = monthIndex(p.toMonth) - paid;
  if (back > MAX_BACK_OR_ADVANCE_MONTHS)
    return {
      field: 'fromMonth',
      message: `补交${back}个月：补交党费一般不超过${MAX_BACK_OR_ADVANCE_MONTHS}个月（中组发〔2008〕3号第十二条）`,
    };
  if (ahead > MAX_BACK_OR_ADVANCE_MONTHS)
    return {
      field: 'toMonth',
      message: `预交${ahead}个月：预交党费一般不超过${MAX_BACK_OR_ADVANCE_MONTHS}个月（中组发〔2008〕3号第十二条）`,
    };
  return null;
};

/** 3 months unpaid: the branch follows up; 6: the 自行脱党 warning. */
export const ARREARS_FOLLOW_UP_MONTHS = 3;

export interface ArrearsStatus {
  /** Months owed up to and including the last finished month. */
  owedMonths: string[];
  /** Consecutive unpaid months ending with the last finished month. */
  streak: number;
  /** A warning for the branch to decide, never an automatic removal. */
  warning: string | null;
}

/**
 * Arrears of one member on `asOf` (规定第十三条; 党章第九条): every month from `dueFrom` through the
 * month before `asOf` that is not covered by a payment. The month running is not owed yet.
 */
export const arrearsOf = (dueFrom: string, paid: { fromMonth: string; toMonth: string }[], asOf: string): ArrearsStatus => {
  const last = monthIndex(asOf.slice(0, 7)) - 1;
  const covered = new Set<number>();
  for (const p of paid) for (let i = monthIndex(p.fromMonth); i <= monthIndex(p.toMonth); i++) covered.add(i);
  const owedMonths: string[] = [];
  for (let i = monthIndex(dueFrom); i <= last; i++) if (!covered.has(i)) owedMonths.push(monthOf(i));
  let streak = 0;
  for (let i = last; i >= monthIndex(dueFrom) && !covered.has(i); i--) streak++;
  const warning =
    streak >= ARREARS_LAPSE_MONTHS
      ? `连续${streak}个月未交纳党费：党员连续${ARREARS_LAPSE_MONTHS}个月不交纳党费又没有正当理由的，按自行脱党处理（${ARREARS_SOURCE}）。请支部了解原因后由支部大会讨论决定，系统不会自动除名。`
      : streak >= ARREARS_FOLLOW_UP_MONTHS
        ? `连续${streak}个月未交纳党费，请支部及时提醒并了解原因（${ARREARS_SOURCE}）`
        : null;
  return { owedMonths, streak, warning };
};

/** Where the arrears rule stands: 6 months unpaid is 自行脱党 (党章第九条; 规定第十三条). */
const ARREARS_SOURCE = '《中国共产党章程》第九条；中组发〔2008〕3号第十三条';

/**
 * A branch's arrears as compliance findings for `period`, by the same rule as `arrearsOf`:
 * `lapsed` members 6 or more months behind (the first of them by name), `behind` 3 to 5.
 */
export const arrearsFindings = (a: { lapsed: number; behind: number; names: readonly string[] }, period: string): ComplianceFinding[] => {
  const findings: ComplianceFinding[] = [];
  if (a.lapsed > 0)
    findings.push({
      code: 'dues.lapse_warning',
      period,
      count: a.lapsed,
      message: `${a.lapsed}名党员连续${ARREARS_LAPSE_MONTHS}个月以上未交纳党费（${a.names.join('、')}${a.lapsed > a.names.length ? '等' : ''}）：没有正当理由的按自行脱党处理，须由支部了解情况、支部大会讨论决定（${ARREARS_SOURCE}）`,
    });
  if (a.behind > 0)
    findings.push({
      code: 'dues.arrears',
      period,
      count: a.behind,
      message: `${a.behind}名党员连续${ARREARS_FOLLOW_UP_MONTHS}至${ARREARS_LAPSE_MONTHS - 1}个月未交纳党费，请支部及时提醒（${ARREARS_SOURCE}）`,
    });
  return findings;
};
