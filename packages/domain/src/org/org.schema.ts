import { z } from 'zod';

export const ORG_TYPES = ['committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  committee: '党委',
  working_committee: '党工委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temporary_branch: '临时党支部',
};

export const ORG_DOMAINS = [
  'village',
  'community',
  'organ',
  'institution',
  'school',
  'soe',
  'private_enterprise',
  'social_org',
  'university',
  'mixed',
] as const;
export type OrgDomain = (typeof ORG_DOMAINS)[number];

export const ORG_DOMAIN_LABELS: Record<OrgDomain, string> = {
  village: '嘎查村',
  community: '社区',
  organ: '机关',
  institution: '事业单位',
  school: '学校',
  soe: '国有企业',
  private_enterprise: '非公经济组织',
  social_org: '社会组织',
  university: '高校',
  mixed: '综合',
};

export const OrgLimits = { name: 100, code: 32, unit: 100 } as const;

/** A record id: a positive 32-bit integer, as the database stores it. */
export const recordId = z.number().int().positive().max(2147483647, '编号超出范围');

/** A record id from a query string or path. */
export const recordIdParam = z.coerce.number().int().positive().max(2147483647, '编号超出范围');

/** A business date `YYYY-MM-DD` that is a real calendar day from 1900 on. */
export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
  }, '不是有效的日期（应为1900年以后的真实日期）');

/** GB/T 2260 / NBS statistical division code: 6, 9 or 12 digits. */
export const divisionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '行政区划代码应为6、9或12位数字');

/** Org code: the department's own identifier, letters, digits and dashes. */
export const orgCode = z
  .string()
  .trim()
  .min(1, '组织代码不能为空')
  .max(OrgLimits.code, `组织代码不能超过${OrgLimits.code}个字符`)
  .regex(/^[A-Za-z0-9-]+$/, '组织代码只能包含字母、数字和连字符');

const orgName = z.string().trim().min(1, '名称不能为空').max(OrgLimits.name, `名称不能超过${OrgLimits.name}个字符`);

/** Units a 联合党支部 covers (支部工作条例第五条 flags more than 5). */
const unitsCovered = z
  .number({ message: '覆盖单位数应为整数' })
  .int('覆盖单位数应为整数')
  .min(1, '覆盖单位数至少为1')
  .max(99, '覆盖单位数不能超过99');

export const orgCreateSchema = z.object({
  parentId: recordId,
  name: orgName,
  code: orgCode,
  type: z.enum(ORG_TYPES, { message: '组织类型无效' }),
  domain: z.enum(ORG_DOMAINS, { message: '组织领域无效' }),
  divisionCode: divisionCode.optional(),
  foundedAt: dateString.optional(),
  unit: z.string().trim().max(OrgLimits.unit).optional(),
  unitsCovered: unitsCovered.optional(),
});
export type OrgCreate = z.infer<typeof orgCreateSchema>;

export const orgUpdateSchema = z
  .object({
    name: orgName,
    code: orgCode,
    type: z.enum(ORG_TYPES, { message: '组织类型无效' }),
    domain: z.enum(ORG_DOMAINS, { message: '组织领域无效' }),
    divisionCode: divisionCode.nullable(),
    foundedAt: dateString.nullable(),
    unit: z.string().trim().max(OrgLimits.unit).nullable(),
    unitsCovered: unitsCovered.nullable(),
  })
  .partial();
export type OrgUpdate = z.infer<typeof orgUpdateSchema>;

export const orgMoveSchema = z.object({ parentId: recordId });

export const orgCloseSchema = z.object({
  closedAt: dateString,
  reason: z.string().trim().min(1, '撤销原因不能为空').max(200),
});
