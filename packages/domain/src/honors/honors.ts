import { z } from 'zod';
import { dateString, recordId } from '../org/org.schema.js';

/**
 * 表彰: the commendations the department records (DOMAIN.md; the seed's 25/10/12 regional and
 * 50/50/100 city commendations). The first two honour a member, the third an org.
 */
export const COMMENDATION_TITLES = ['excellent_member', 'excellent_worker', 'advanced_org'] as const;
export type CommendationTitle = (typeof COMMENDATION_TITLES)[number];
export const COMMENDATION_TITLE_LABELS: Record<CommendationTitle, string> = {
  excellent_member: '优秀共产党员',
  excellent_worker: '优秀党务工作者',
  advanced_org: '先进基层党组织',
};
export const COMMENDATION_SUBJECT: Record<CommendationTitle, 'member' | 'org'> = {
  excellent_member: 'member',
  excellent_worker: 'member',
  advanced_org: 'org',
};

export const COMMENDATION_LEVELS = ['county', 'city', 'region', 'national'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];
export const COMMENDATION_LEVEL_LABELS: Record<CommendationLevel, string> = {
  county: '旗县级',
  city: '市级',
  region: '自治区级',
  national: '全国',
};

export const commendationCreateSchema = z
  .object({
    title: z.enum(COMMENDATION_TITLES, { message: '表彰名称应为优秀共产党员、优秀党务工作者或先进基层党组织' }),
    level: z.enum(COMMENDATION_LEVELS, { message: '表彰级别应为旗县级、市级、自治区级或全国' }),
    year: z.number({ message: '请填写表彰年度' }).int().min(1921, '表彰年度不能早于1921年').max(2100),
    memberId: recordId.optional(),
    orgId: recordId.optional(),
    conferredAt: dateString,
    conferredBy: z.string().trim().max(60).optional(),
    documentNo: z.string().trim().max(60).optional(),
  })
  .superRefine((c, ctx) => {
    const subject = COMMENDATION_SUBJECT[c.title];
    if (subject === 'member' && (!c.memberId || c.orgId)) {
      ctx.addIssue({ code: 'custom', path: ['memberId'], message: `「${COMMENDATION_TITLE_LABELS[c.title]}」表彰的是党员，请选择党员` });
    }
    if (subject === 'org' && (!c.orgId || c.memberId)) {
      ctx.addIssue({ code: 'custom', path: ['orgId'], message: '「先进基层党组织」表彰的是党组织，请选择党组织' });
    }
    // A year's honours are conferred in that year or, as for 七一 表彰 of the year before, the next.
    if (c.conferredAt.slice(0, 4) < String(c.year)) {
      ctx.addIssue({ code: 'custom', path: ['conferredAt'], message: `表彰日期不能早于表彰年度（${c.year}年）` });
    }
  });
export type CommendationCreate = z.infer<typeof commendationCreateSchema>;

/**
 * 「光荣在党50年」纪念章 procedure (RULES.md §4, confidence med; echeng.gov.cn 2021-06-20): the
 * 党支部 checks 党龄 → the 乡镇/基层党委 recommends → the county-level 组织部 reviews after asking the
 * 纪检监察 bodies → the medal is awarded. Steps 1–3 of the case; 审核 may also end it as 未通过.
 */
export const MEDAL50_STEPS = [
  { step: 1, name: '推荐', by: '乡镇（街道）或基层党委' },
  { step: 2, name: '审核', by: '旗县级以上党委组织部门（征求纪检监察机关意见）' },
  { step: 3, name: '颁发', by: '旗县级以上党委' },
] as const;

export const MEDAL50_STATUSES = ['recommended', 'reviewed', 'awarded', 'rejected'] as const;
export type Medal50Status = (typeof MEDAL50_STATUSES)[number];
export const MEDAL50_STATUS_LABELS: Record<Medal50Status, string> = {
  recommended: '已推荐',
  reviewed: '已审核',
  awarded: '已颁发',
  rejected: '审核未通过',
};

export const medal50RecommendSchema = z.object({
  memberId: recordId,
  year: z.number({ message: '请填写颁发年度' }).int().min(2021, '纪念章自2021年起颁发').max(2100),
  date: dateString,
  note: z.string().trim().max(200).optional(),
});
export type Medal50Recommend = z.infer<typeof medal50RecommendSchema>;

export const medal50ReviewSchema = z
  .object({
    date: dateString,
    passed: z.boolean({ message: '请选择审核结论' }),
    disciplineOpinion: z.string().trim().min(2, '请填写纪检监察机关意见').max(200),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((r) => r.passed || (r.reason?.length ?? 0) >= 2, { message: '审核未通过须写明原因', path: ['reason'] });
export type Medal50Review = z.infer<typeof medal50ReviewSchema>;

export const medal50AwardSchema = z.object({ date: dateString });

/**
 * 旗县级以上地方党委: a 党委 carrying a county-, city- or province-level division code (six digits,
 * GB/T 2260). It reviews and awards the medal (RULES.md §4).
 */
export const isCountyOrAboveCommittee = (org: { type: string; divisionCode: string | null }): boolean =>
  org.type === 'committee' && org.divisionCode !== null && /^\d{6}$/.test(org.divisionCode);

/** A Chinese refusal for the next step of a medal case, or null (order and dates). */
export const medal50StepProblem = (
  c: { status: Medal50Status; year: number; lastDate: string },
  step: 2 | 3,
  date: string,
  today: string,
): string | null => {
  if (date > today) return '日期不能晚于今天';
  if (step === 2 && c.status !== 'recommended')
    return `该纪念章申报当前为「${MEDAL50_STATUS_LABELS[c.status]}」，不能审核（应先推荐，再审核）`;
  if (step === 3 && c.status !== 'reviewed') {
    return `该纪念章申报当前为「${MEDAL50_STATUS_LABELS[c.status]}」，不能颁发（须经旗县级党委组织部门审核通过后颁发）`;
  }
  if (date < c.lastDate) return `日期不能早于上一步的日期（${c.lastDate}）`;
  if (step === 3 && date < `${c.year}-01-01`) return `${c.year}年度的纪念章不能在${c.year}年之前颁发`;
  return null;
};
