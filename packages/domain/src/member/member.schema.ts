import { z } from 'zod';
import { dateString, recordId } from '../org/org.schema.js';

/** The 56 民族 in the order of GB/T 3304-1991. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中等专科', '高中', '初中及以下'] as const;

/**
 * 人员类别, as the 党内统计 counts them; the seed's focus groups (产业工人, 青年农牧民, 高知识群体,
 * 大学生, 非公/社会组织从业人员) are read from these with age and education.
 */
export const OCCUPATIONS = [
  'worker',
  'farmer_herder',
  'professional',
  'manager',
  'civil_servant',
  'student',
  'military',
  'private_sector',
  'retired',
  'other',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  worker: '工人（产业工人）',
  farmer_herder: '农牧渔民',
  professional: '专业技术人员',
  manager: '企事业单位管理人员',
  civil_servant: '党政机关工作人员',
  student: '学生',
  military: '军人、武警',
  private_sector: '非公有制经济组织和社会组织从业人员',
  retired: '离退休人员',
  other: '其他职业人员',
};

export const MEMBER_STATUSES = ['probationary', 'full'] as const;
export const MEMBER_STATUS_LABELS = { probationary: '预备党员', full: '正式党员' } as const;

/** How a member left the roll; the record stays, with the date (history is kept, nothing deleted). */
export const EXIT_TYPES = ['deceased', 'expelled', 'stopped', 'lapsed', 'cancelled', 'transferred_out'] as const;
export type ExitType = (typeof EXIT_TYPES)[number];
export const EXIT_TYPE_LABELS: Record<ExitType, string> = {
  deceased: '逝世',
  expelled: '出党',
  stopped: '停止党籍',
  lapsed: '自行脱党',
  cancelled: '取消预备党员资格',
  transferred_out: '转出本系统',
};

/**
 * 组织关系转接: to another branch in the system (by its org code), or out of the system (the
 * destination written out). The letter (介绍信) number and date are recorded.
 */
export const transferCreateSchema = z
  .object({
    toOrgCode: z.string().trim().min(1).max(32).optional(),
    destination: z.string().trim().min(2, '请填写转往的党组织').max(100).optional(),
    letterNo: z.string().trim().min(1, '请填写介绍信编号').max(40),
    issuedAt: dateString,
    note: z.string().trim().max(200).optional(),
  })
  .refine((t) => Boolean(t.toOrgCode) !== Boolean(t.destination), {
    message: '系统内转接填写接收党支部代码，转出本系统填写转往的党组织，二者选一',
    path: ['toOrgCode'],
  });
export type TransferCreate = z.infer<typeof transferCreateSchema>;

export const transferReceiveSchema = z.object({ receivedAt: dateString });

export const TRANSFER_STATUS_LABELS = { pending: '待接收', received: '已接收', cancelled: '已撤回' } as const;

export const GENDER_LABELS = { male: '男', female: '女' } as const;

/** Mobile (1xx xxxx xxxx) or a landline with area code. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '手机号码应为11位手机号，或带区号的固定电话');

const name = z.string().trim().min(1, '姓名不能为空').max(40, '姓名不能超过40个字符');

export const memberCreateSchema = z.object({
  name,
  gender: z.enum(['male', 'female'], { message: '性别只能是男或女' }),
  ethnicity: z.enum(ETHNICITIES, { message: '民族应为56个民族之一' }),
  idNumber: z.string().trim().min(1, '公民身份号码不能为空').max(24),
  phone: phoneSchema.optional(),
  orgId: recordId,
  joinedAt: dateString,
  fullMemberAt: dateString.optional(),
  status: z.enum(MEMBER_STATUSES, { message: '状态只能是预备党员或正式党员' }),
  education: z.enum(EDUCATIONS, { message: '学历无效' }).optional(),
  occupation: z.enum(OCCUPATIONS, { message: '人员类别无效' }).optional(),
  isFlowing: z.boolean().optional(),
  isInService: z.boolean().optional(),
});
export type MemberCreate = z.infer<typeof memberCreateSchema>;

/**
 * 组织关系 arriving from outside the system: the member's record (as for a new member, in the
 * receiving branch) and the letter: where it comes from, its number, issue and receipt dates.
 */
export const transferInSchema = memberCreateSchema
  .extend({
    origin: z.string().trim().min(2, '请填写转出的党组织').max(100),
    letterNo: z.string().trim().min(1, '请填写介绍信编号').max(40),
    issuedAt: dateString,
    receivedAt: dateString,
    transferNote: z.string().trim().max(200).optional(),
  })
  .refine((t) => t.receivedAt >= t.issuedAt, { message: '接收日期不能早于介绍信开具日期', path: ['receivedAt'] });
export type TransferIn = z.infer<typeof transferInSchema>;

export const memberUpdateSchema = memberCreateSchema
  .omit({ orgId: true, idNumber: true })
  .extend({
    phone: phoneSchema.nullable(),
    fullMemberAt: dateString.nullable(),
    education: z.enum(EDUCATIONS, { message: '学历无效' }).nullable(),
    occupation: z.enum(OCCUPATIONS, { message: '人员类别无效' }).nullable(),
    exitType: z.enum(EXIT_TYPES, { message: '减少类型无效' }).nullable(),
    exitAt: dateString.nullable(),
  })
  .partial();
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

export const revealSchema = z.object({
  field: z.enum(['idNumber', 'phone'], { message: '只能查看公民身份号码或手机号码' }),
  reason: z.string().trim().min(2, '请填写查看原因').max(200, '原因不能超过200个字符'),
});

/** 入党申请: who applies, to which branch, on which day (step 1). */
export const applicantCreateSchema = memberCreateSchema
  .pick({ name: true, gender: true, ethnicity: true, idNumber: true, phone: true, orgId: true, education: true, occupation: true })
  .extend({ appliedAt: dateString });
export type ApplicantCreate = z.infer<typeof applicantCreateSchema>;

/** One step of the 25 (RULES.md §1a), with what that step carries. */
export const stepInputSchema = z.object({
  step: z.number().int().min(1, '步骤编号应为1至25').max(25, '步骤编号应为1至25'),
  date: dateString,
  vote: z
    .object({
      shouldAttend: z.number().int().min(1).max(100000),
      present: z.number().int().min(0).max(100000),
      yes: z.number().int().min(0).max(100000),
      writtenYes: z.number().int().min(0).max(100000).default(0),
    })
    .optional(),
  trainingDays: z.number().min(0).max(365).optional(),
  trainingHours: z.number().min(0).max(10000).optional(),
  outcome: z.enum(['full', 'extend', 'cancel']).optional(),
  extensionMonths: z.number().int().min(0).max(24).optional(),
  introducers: z.number().int().min(0).max(10).optional(),
  note: z.string().trim().max(500).optional(),
});
export type StepInputBody = z.infer<typeof stepInputSchema>;
