import { z } from 'zod';

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

const yuan = (fen: number) => (fen / 100).toFixed(2);

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
          ? `${yuan(bracket.upToFen)}元以下（含）`
          : Number.isFinite(bracket.upToFen)
            ? `${yuan(lower)}元以上至${yuan(bracket.upToFen)}元（含）`
            : `${yuan(lower)}元以上`;
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
        basis: `农牧民党员每月交纳${yuan(settings.farmerMonthlyFen)}元（规定为0.2元至1元，由省级党委确定；中组发〔2008〕3号第六条）`,
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
/** Six months unpaid without good reason is treated as 自行脱党 — a warning for the branch to decide (党章 Art. 9; 规定 Art. 13). */
export const ARREARS_LAPSE_MONTHS = 6;

/** A money amount in yuan with at most two decimals, as fen. */
export const yuanToFen = z
  .number({ message: '请填写金额（元）' })
  .min(0, '金额不能为负数')
  .max(100_000_000, '金额过大')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '金额最多保留两位小数（分）')
  .transform((v) => Math.round(v * 100));

export const duesCalculateSchema = z
  .object({
    category: z.enum(DUES_CATEGORIES, { message: '党员类别只能是在职、离退休、农牧民、学生、下岗失业或低保/救济' }),
    monthlyBase: yuanToFen.optional(),
  })
  .refine((d) => (d.category !== 'employed' && d.category !== 'retired') || d.monthlyBase !== undefined, {
    message: '在职和离退休党员须填写每月交纳基数（元）',
    path: ['monthlyBase'],
  });
