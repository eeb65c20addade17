import { addMonths, addYears, wholeYears } from '../dates.js';

/**
 * 党龄 counts from the day the 预备期 ends and the member becomes a 正式党员 (党章 Art. 7; 12371
 * "党龄"): a 预备党员 has no party age. Returns the start date, or null while probationary.
 */
export const partyAgeSince = (m: { status: 'probationary' | 'full'; fullMemberAt: string | null }): string | null =>
  m.status === 'full' ? m.fullMemberAt : null;

/** Whole years of 党龄 on `on` (the anniversary counts), or 0 while probationary. */
export const partyAgeYears = (m: { status: 'probationary' | 'full'; fullMemberAt: string | null }, on: string): number => {
  const since = partyAgeSince(m);
  return since ? wholeYears(since, on) : 0;
};

/** 预备期 is one year from the 支部大会 that admitted the member (党章 Art. 7; 细则 Art. 32). */
export const PROBATION_YEARS = 1;
/** One extension, at least 6 months and at most 1 year (细则 Art. 32). */
export const MIN_EXTENSION_MONTHS = 6;
export const MAX_EXTENSION_MONTHS = 12;

/**
 * 转正日期 must be the end of the 预备期: on time = 入党日期 + 1 year; after one extension it lies
 * 6–12 months later (细则 Art. 32). Returns a Chinese reason, or null.
 */
export const fullMemberDateProblem = (joinedAt: string, fullMemberAt: string): string | null => {
  const onTime = addYears(joinedAt, PROBATION_YEARS);
  if (fullMemberAt < onTime) return `转正日期不能早于预备期满之日（${onTime}）：预备期为一年，自支部大会通过之日起算（党章第七条）`;
  const latest = addMonths(onTime, MAX_EXTENSION_MONTHS);
  if (fullMemberAt > latest) {
    return `转正日期不能晚于${latest}：预备期最多延长一次、最长${MAX_EXTENSION_MONTHS}个月（《中国共产党发展党员工作细则》第三十二条）`;
  }
  return null;
};

/** Members join at 18 or older (党章 Art. 1; 细则 Art. 5); the birthday itself counts (C3). */
export const MIN_AGE = 18;

/** Age in whole years on `on`. */
export const ageOn = (birthDate: string, on: string): number => wholeYears(birthDate, on);

/** Admitted before turning 18 (党章第一条: 年满十八岁): the reason, or null. */
export const underAgeProblem = (birthDate: string, joinedAt: string): string | null =>
  ageOn(birthDate, joinedAt) < MIN_AGE ? `入党时未满${MIN_AGE}周岁（出生于${birthDate}；党章第一条：年满十八岁）` : null;

/**
 * The last 转正日期 that reaches 50 years of 党龄 by 1 July of `year`. 「光荣在党50年」: alive, 党龄 of 50 years by 1 July of the award year: 转正日 ≤ (Y−50)-07-01
 * (中办《关于做好"光荣在党50年"纪念章颁发工作的通知》2021; RULES.md §4). Exclusions such as
 * 留党察看 are passed in by the caller (a configurable list).
 */
export const medal50Cutoff = (year: number): string => `${year - 50}-07-01`;

/** Eligibility for the medal in `year` (see medal50Cutoff). */
export const isMedal50Eligible = (
  m: { status: 'probationary' | 'full'; fullMemberAt: string | null; exitType: string | null },
  year: number,
  excluded = false,
): boolean => {
  if (m.exitType !== null || excluded) return false;
  const since = partyAgeSince(m);
  return since !== null && since <= medal50Cutoff(year);
};
