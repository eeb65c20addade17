import { type Criterion, type Level, RATING_LABELS, RATINGS, type Rating } from './scheme.js';

/**
 * The scoring rules of the evaluation engine. Points are handled in integer tenths (扣0.5分 is
 * common), shares in integer arithmetic: no binary float is ever summed. Source: the seed's
 * 百分制逐项扣分法 and the programmes' practice (DOMAIN.md §4); bands, quota and caps are settings.
 */
export const tenths = (n: number) => Math.round(n * 10);
export const fromTenths = (t: number) => t / 10;

export interface Problem {
  field: string;
  message: string;
}

export interface DeductionResult {
  /** 100 less the deductions, never below 0. */
  score: number;
  level: string;
  /** The veto items failed, which cap the level. */
  vetoed: string[];
}

/** The level whose band holds the score: the first, best first, whose floor it reaches. */
export const levelForScore = (levels: readonly Level[], score: number): string => {
  const t = tenths(score);
  const found = levels.find((l) => l.minScore !== undefined && t >= tenths(l.minScore));
  return (found ?? levels[levels.length - 1])?.key ?? '';
};

/** A level no better than `cap` (levels are listed best first). */
export const capLevel = (levels: readonly Level[], level: string, cap: string | undefined): string => {
  if (!cap) return level;
  const at = levels.findIndex((l) => l.key === level);
  const capAt = levels.findIndex((l) => l.key === cap);
  return capAt >= 0 && at < capAt ? cap : level;
};

/**
 * 百分制逐项扣分: 100 points, each item takes off at most its `maxDeduction`; the score floors at
 * 0; a failed 一票否决 item caps the level at `vetoCap` whatever the score.
 */
export const gradeByDeduction = (
  scheme: { criteria: readonly Criterion[]; levels: readonly Level[]; vetoCap?: string },
  deductions: Readonly<Record<string, number>>,
  vetoFailed: readonly string[] = [],
): { result: DeductionResult } | { problem: Problem } => {
  const byKey = new Map(scheme.criteria.map((c) => [c.key, c]));
  let taken = 0;
  for (const [key, d] of Object.entries(deductions)) {
    const c = byKey.get(key);
    if (!c) return { problem: { field: `deductions.${key}`, message: `指标「${key}」不在本方案中` } };
    if (d < 0) return { problem: { field: `deductions.${key}`, message: `「${c.text}」的扣分不能为负数` } };
    if (tenths(d) > tenths(c.maxDeduction ?? 0))
      return { problem: { field: `deductions.${key}`, message: `「${c.text}」最多扣${c.maxDeduction ?? 0}分，填写了${d}分` } };
    taken += tenths(d);
  }
  for (const key of vetoFailed) {
    const c = byKey.get(key);
    if (!c?.veto) return { problem: { field: 'vetoFailed', message: `「${c?.text ?? key}」不是一票否决项` } };
  }
  const score = fromTenths(Math.max(0, 1000 - taken));
  const banded = levelForScore(scheme.levels, score);
  const level = vetoFailed.length > 0 ? capLevel(scheme.levels, banded, scheme.vetoCap) : banded;
  return { result: { score, level, vetoed: [...vetoFailed] } };
};

/** levels with bands: the sum of the item points given, each no more than the item is worth. */
export const scoreByPoints = (
  criteria: readonly Criterion[],
  given: Readonly<Record<string, number>>,
): { score: number } | { problem: Problem } => {
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  let sum = 0;
  for (const [key, p] of Object.entries(given)) {
    const c = byKey.get(key);
    if (!c) return { problem: { field: `points.${key}`, message: `指标「${key}」不在本方案中` } };
    if (p < 0 || tenths(p) > tenths(c.points ?? 0))
      return { problem: { field: `points.${key}`, message: `「${c.text}」的得分应在0–${c.points ?? 0}分之间` } };
    sum += tenths(p);
  }
  return { score: fromTenths(sum) };
};

/**
 * The share of the top level may not pass the quota (最强 ≤ 35%): `top` results at the top level
 * among `total`, checked in integers, the boundary itself allowed. Null when within it.
 */
export const quotaProblem = (top: number, total: number, quotaPercent: number | undefined, topName: string): string | null => {
  if (quotaPercent === undefined || total === 0) return null;
  if (top * 100 <= quotaPercent * total) return null;
  const most = Math.floor((quotaPercent * total) / 100);
  return `「${topName}」比例不得超过${quotaPercent}%：本范围${total}个，最多${most}个，审定后将有${top}个`;
};

/**
 * 书记比武/摆擂 judging: the mean of the judges' scores, dropping the highest and the lowest
 * once each when there are five judges or more; two decimals, half up. Null without scores.
 */
export const trimmedMean = (scores: readonly number[]): number | null => {
  if (scores.length === 0) return null;
  const sorted = scores.map(tenths).sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const sum = kept.reduce((a, b) => a + b, 0);
  // sum is in tenths: hundredths = sum * 10 / n, rounded half up in integers.
  const hundredths = Math.floor((sum * 20 + kept.length) / (2 * kept.length));
  return hundredths / 100;
};

export interface Tally {
  total: number;
  counts: Record<Rating, number>;
  /** Percent of the ballots, one decimal (as a string, so 33.3 is not 33.299…). */
  shares: Record<Rating, string>;
  /** 好 and 较好 together (满意率). */
  favourable: string;
}

const percent = (n: number, total: number) => (total === 0 ? '0.0' : (Math.floor((n * 2000 + total) / (2 * total)) / 10).toFixed(1));

/** Counts ballots 好/较好/一般/差 with their shares. */
export const tally = (counts: Partial<Record<Rating, number>>): Tally => {
  const full = Object.fromEntries(RATINGS.map((r) => [r, counts[r] ?? 0])) as Record<Rating, number>;
  const total = RATINGS.reduce((s, r) => s + full[r], 0);
  return {
    total,
    counts: full,
    shares: Object.fromEntries(RATINGS.map((r) => [r, percent(full[r], total)])) as Record<Rating, string>,
    favourable: percent(full.good + full.fairly_good, total),
  };
};

/** The rating most ballots gave; a tie goes to the lower rating (the stricter reading). Null without ballots. */
export const suggestedRating = (t: Tally): Rating | null => {
  if (t.total === 0) return null;
  let best: Rating = 'good';
  for (const r of RATINGS) if (t.counts[r] >= t.counts[best]) best = r;
  return best;
};

export const ratingLabel = (r: Rating) => RATING_LABELS[r];

/**
 * 「五面红旗」: an org declares at most `cap` flags a round and can be named only for flags it
 * declared; a flag is recommended when every indicator of it (for the org's domain) is met.
 */
export const declarationProblem = (
  declared: readonly string[],
  flags: readonly { key: string; name: string }[],
  cap: number | undefined,
) => {
  if (declared.length === 0) return '请至少申报一面红旗';
  const known = new Set(flags.map((f) => f.key));
  const unknown = declared.find((d) => !known.has(d));
  if (unknown) return `「${unknown}」不是本方案的红旗`;
  if (new Set(declared).size !== declared.length) return '同一面红旗只能申报一次';
  if (cap !== undefined && declared.length > cap) return `每个组织每轮最多争创${cap}面红旗，申报了${declared.length}面`;
  return null;
};

export const flagRecommended = (flag: string, criteria: readonly Criterion[], met: ReadonlySet<string>): boolean => {
  const own = criteria.filter((c) => c.flag === flag);
  return own.length > 0 && own.every((c) => met.has(c.key));
};

export const awardProblem = (awarded: readonly string[], declared: readonly string[]) => {
  const stray = awarded.find((f) => !declared.includes(f));
  return stray ? `「${stray}」未申报，不能评定` : null;
};

/** The finance office's figure: 10,000 yuan a flag by default (seed), in fen. */
export const subsidyFen = (flagsNamed: number, perFlagFen: number) => flagsNamed * perFlagFen;
