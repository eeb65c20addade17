import { DUES_CATEGORIES, DUES_METHODS, type DuesResult, fenToYuan, MEMBER_STATUSES, yuanOut } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';
import type { AssessmentRow, duesRoster, duesStatement, memberDues, PaymentRow } from './dues.service.js';

/*
 * 党费 answers: amounts are kept and summed in integer fen (dues.service) and leave the server as
 * yuan decimal strings (`"12.50"`), here and nowhere else.
 */

/** A month in an answer: `YYYY-MM`. */
const monthOut = z.string().regex(/^\d{4}-\d{2}$/);

const yuanOrNull = (fen: number | null): string | null => (fen === null ? null : fenToYuan(fen));

/** The calculator's answer (ARCHITECTURE.md public API: `{ amount, rate, basis }`). */
export const duesCalculationSchema = z
  .object({
    amount: yuanOut.meta({ description: '每月应交党费（元）' }),
    rate: z.number().nullable().meta({ description: '按全额计算的比例，如 0.015；固定金额时为空' }),
    basis: z.string().meta({ description: '计算依据（规定条款）' }),
  })
  .meta({ id: 'DuesCalculation' });

/** The calculator's answer for a rule's result. */
export const presentCalculation = (r: DuesResult): z.infer<typeof duesCalculationSchema> => ({
  amount: fenToYuan(r.amountFen),
  rate: r.rate,
  basis: r.basis,
});

/** One 核定: the monthly amount from a month on, with the rule that gave it and any approved reduction. */
export const duesAssessmentSchema = z
  .object({
    id: idOut,
    memberId: idOut,
    effectiveFrom: monthOut,
    category: z.enum(DUES_CATEGORIES),
    monthlyBase: yuanOut.nullable().meta({ description: '交纳基数（元/月），在职、离退休党员才有' }),
    calculated: yuanOut.meta({ description: '按规定计算的每月金额（元）' }),
    amount: yuanOut.meta({ description: '每月应交（元）；经批准少交、免交时低于 calculated' }),
    basis: z.string(),
    reductionReason: z.string().nullable(),
    reductionApprovedByName: z.string().nullable(),
  })
  .meta({ id: 'DuesAssessment' });
type AssessmentOut = z.infer<typeof duesAssessmentSchema>;

/** The API shape of a 核定. */
export const presentAssessment = (a: AssessmentRow): AssessmentOut => ({
  id: a.id,
  memberId: a.memberId,
  effectiveFrom: a.effectiveFrom,
  category: a.category,
  monthlyBase: yuanOrNull(a.baseFen),
  calculated: fenToYuan(a.calculatedFen),
  amount: fenToYuan(a.amountFen),
  basis: a.basis,
  reductionReason: a.reductionReason,
  reductionApprovedByName: a.reductionApprovedByName,
});

/** One recorded payment for a range of months. */
export const duesPaymentSchema = z
  .object({
    id: idOut,
    memberId: idOut,
    fromMonth: monthOut,
    toMonth: monthOut,
    amount: yuanOut.meta({ description: '所交月份的核定金额之和（元），由系统计算' }),
    voluntary: yuanOut.meta({ description: '自愿多交（元）' }),
    paidAt: dateOut,
    method: z.enum(DUES_METHODS),
    receiptNo: z.string().nullable(),
    collectedBy: z.string().nullable(),
  })
  .meta({ id: 'DuesPayment' });
type PaymentOut = z.infer<typeof duesPaymentSchema>;

/** The API shape of a payment. */
export const presentPayment = (p: PaymentRow): PaymentOut => ({
  id: p.id,
  memberId: p.memberId,
  fromMonth: p.fromMonth,
  toMonth: p.toMonth,
  amount: fenToYuan(p.amountFen),
  voluntary: fenToYuan(p.voluntaryFen),
  paidAt: p.paidAt,
  method: p.method,
  receiptNo: p.receiptNo,
  collectedBy: p.collectedBy,
});

/** A payment just recorded; `note` says where a voluntary payment of 1000 元 or more goes. */
export const recordedPaymentSchema = duesPaymentSchema.extend({ note: z.string().nullable() }).meta({ id: 'RecordedDuesPayment' });

/** A payment just recorded, with its note. */
export const presentRecordedPayment = (p: PaymentRow & { note: string | null }): z.infer<typeof recordedPaymentSchema> => ({
  ...presentPayment(p),
  note: p.note,
});

/** Where one member stands for a year. */
export const memberDuesSchema = z
  .object({
    member: z.object({ id: idOut, name: z.string(), orgId: idOut }),
    current: duesAssessmentSchema.nullable().meta({ description: '本月执行的交纳标准' }),
    assessments: z.array(duesAssessmentSchema).meta({ description: '历次核定，按执行月份先后' }),
    months: z.array(
      z.object({
        month: monthOut,
        due: yuanOut.nullable().meta({ description: '该月应交（元）；入党前或尚未核定时为空' }),
        paymentId: idOut.nullable().meta({ description: '交纳该月的记录' }),
      }),
    ),
    payments: z.array(duesPaymentSchema).meta({ description: '涉及本年度的交纳记录' }),
    arrears: z.object({
      owedMonths: z.array(monthOut).meta({ description: '截至上月欠交的月份' }),
      streak: countOut.meta({ description: '截至上月连续未交的月数' }),
      owed: yuanOut.meta({ description: '欠交金额（元）' }),
      warning: z.string().nullable().meta({ description: '提醒支部的事项（不会自动处理）' }),
    }),
  })
  .meta({ id: 'MemberDues' });

/** What `memberDues` computes, in fen. */
type MemberDuesFacts = Awaited<ReturnType<typeof memberDues>>;

/** The API shape of a member's year. */
export const presentMemberDues = (d: MemberDuesFacts): z.infer<typeof memberDuesSchema> => ({
  member: d.member,
  current: d.current && presentAssessment(d.current),
  assessments: d.assessments.map(presentAssessment),
  months: d.months.map((m) => ({ month: m.month, due: yuanOrNull(m.dueFen), paymentId: m.paymentId })),
  payments: d.payments.map(presentPayment),
  arrears: {
    owedMonths: d.arrears.owedMonths,
    streak: d.arrears.streak,
    owed: fenToYuan(d.arrears.owedFen),
    warning: d.arrears.warning,
  },
});

/** One member of a branch's 台账. */
export const duesRosterItemSchema = z
  .object({
    memberId: idOut,
    name: z.string(),
    status: z.enum(MEMBER_STATUSES),
    current: duesAssessmentSchema.nullable(),
    paidThisYear: yuanOut.meta({ description: '本年已交（元）' }),
    owedMonths: countOut,
    owed: yuanOut.meta({ description: '欠交金额（元）' }),
    streak: countOut,
    warning: z.string().nullable().meta({ description: '提醒或「尚未核定」；只提醒支部，不会自动除名' }),
  })
  .meta({ id: 'DuesRosterItem' });

/** What `duesRoster` computes for a member, in fen. */
type RosterFacts = Awaited<ReturnType<typeof duesRoster>>[number];

/** The API shape of a roster line. */
export const presentRosterItem = (m: RosterFacts): z.infer<typeof duesRosterItemSchema> => ({
  memberId: m.memberId,
  name: m.name,
  status: m.status,
  current: m.current && presentAssessment(m.current),
  paidThisYear: fenToYuan(m.paidThisYearFen),
  owedMonths: m.owedMonths,
  owed: fenToYuan(m.owedFen),
  streak: m.streak,
  warning: m.warning,
});

/** The yearly statement a branch publishes to its members. */
export const duesStatementSchema = z
  .object({
    org: z.object({ id: idOut, name: z.string() }),
    year: z.number().int(),
    months: z.array(
      z.object({
        month: monthOut,
        members: countOut.meta({ description: '在册党员（人）' }),
        due: yuanOut.meta({ description: '应交（元）' }),
        paid: yuanOut.meta({ description: '已交（元）：所交月份的核定金额' }),
        payers: countOut.meta({ description: '已交人数' }),
      }),
    ),
    voluntary: yuanOut.meta({ description: '自愿多交（元）' }),
    large: yuanOut.meta({ description: '其中一次性1000元以上、全部上缴中央的（元）' }),
    collected: yuanOut.meta({ description: '全年收缴（元，按交纳日期，含自愿多交）' }),
  })
  .meta({ id: 'DuesStatement' });

/** What `duesStatement` computes, in fen. */
type StatementFacts = Awaited<ReturnType<typeof duesStatement>>;

/** The API shape of the yearly statement. */
export const presentStatement = (
  org: { id: number; name: string },
  year: number,
  s: StatementFacts,
): z.infer<typeof duesStatementSchema> => ({
  org: { id: org.id, name: org.name },
  year,
  months: s.months.map((m) => ({
    month: m.month,
    members: m.members,
    due: fenToYuan(m.dueFen),
    paid: fenToYuan(m.paidFen),
    payers: m.payers,
  })),
  voluntary: fenToYuan(s.voluntaryFen),
  large: fenToYuan(s.largeFen),
  collected: fenToYuan(s.collectedFen),
});
