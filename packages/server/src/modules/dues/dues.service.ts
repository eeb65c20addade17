import {
  type Actor,
  arrearsOf,
  assessmentIn,
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  DomainError,
  type DuesAssess,
  type DuesCategory,
  type DuesPay,
  duesStartProblem,
  LARGE_VOLUNTARY_FEN,
  LARGE_VOLUNTARY_RULE,
  monthIndex,
  monthOf,
  owedAmount,
  paymentAmount,
  paymentWindowProblem,
  reductionProblem,
} from '@jishi/domain';
import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { groupBy, type Q, rows, schema } from '../../platform/db/index.js';
import { readSettings } from '../../platform/settings.js';

const { duesAssessment, duesPayment, member } = schema;

/** A 核定 with the name of the org that approved a reduction; months `YYYY-MM`. */
export interface AssessmentRow {
  id: number;
  memberId: number;
  effectiveFrom: string;
  category: DuesCategory;
  baseFen: number | null;
  calculatedFen: number;
  amountFen: number;
  basis: string;
  reductionReason: string | null;
  reductionApprovedByName: string | null;
}

const ASSESSMENTS = sql`select a.id, a.member_id as "memberId", to_char(a.effective_from, 'YYYY-MM') as "effectiveFrom", a.category,
  a.base_fen as "baseFen", a.calculated_fen as "calculatedFen", a.amount_fen as "amountFen", a.basis,
  a.reduction_reason as "reductionReason", o.name as "reductionApprovedByName"
  from dues_assessment a left join org o on o.id = a.reduction_approved_by`;

const assessmentsOf = (q: Q, where: SQL) =>
  rows<AssessmentRow>(q, sql`${ASSESSMENTS} where ${where} order by a.member_id, a.effective_from`);

/** A stored payment with its months as `YYYY-MM` (the rules count in months). */
const toPayment = ({ orgId: _org, createdBy: _by, createdAt: _at, ...p }: typeof duesPayment.$inferSelect) => ({
  ...p,
  fromMonth: p.fromMonth.slice(0, 7),
  toMonth: p.toMonth.slice(0, 7),
});
export type PaymentRow = ReturnType<typeof toPayment>;

const paymentsOf = async (q: Q, where: SQL | undefined): Promise<PaymentRow[]> =>
  (await q.select().from(duesPayment).where(where).orderBy(asc(duesPayment.memberId), asc(duesPayment.fromMonth))).map(toPayment);

/** The members on an org's roll, as a subquery. */
const rollOf = (q: Q, orgId: number) =>
  q
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.orgId, orgId), isNull(member.exitType)));

type DuesMember = { id: number; name: string; orgId: number; orgPath: string; joinedAt: string; exitType: string | null };
const MEMBER = sql`select m.id, m.name, m.org_id as "orgId", o.path::text as "orgPath", to_char(m.joined_at, 'YYYY-MM-DD') as "joinedAt",
  m.exit_type as "exitType" from member m join org o on o.id = m.org_id`;

/** The member on the roll, scoped: out of scope is a 404. */
const memberFor = async (q: Q, actor: Actor, memberId: number, action: 'dues.read' | 'dues.manage') => {
  const [m] = await rows<DuesMember>(q, sql`${MEMBER} where m.id = ${memberId}`);
  authorize(actor, action, m, '党员');
  return m;
};

/**
 * Fixes a member's monthly dues from a month on (每年初核定, or from the month a new pay is first
 * received: 规定第十条). The amount is computed by the rule; a lower one needs the reason and the
 * approving 上一级党委 (规定第七条). A second assessment for the same month replaces the first.
 */
export const assessDues = async (q: Q, actor: Actor, input: DuesAssess) => {
  const m = await memberFor(q, actor, input.memberId, 'dues.manage');
  if (m.exitType) throw new DomainError('INVALID_INPUT', '该党员已不在党员名册中', { field: 'memberId' });
  const start = duesStartProblem('assess', input.effectiveFrom, m.joinedAt);
  if (start) throw new DomainError('RULE_VIOLATION', start, { field: 'effectiveFrom' });
  const settings = await readSettings(q, 'dues', DEFAULT_DUES_SETTINGS);
  const r = calculateDues(input.category, input.monthlyBase ?? 0, settings);
  if (input.reducedAmount !== undefined) {
    const reduction = reductionProblem(input.reducedAmount, r.amountFen);
    if (reduction) throw new DomainError('INVALID_INPUT', reduction, { field: 'reducedAmount' });
    // The 上一级党委: a committee above the member's branch (规定第七条).
    const [approver] = await rows<{ id: number }>(
      q,
      sql`select a.id from org a where a.id = ${input.reductionApprovedBy ?? 0} and a.type in ('committee', 'working_committee')
            and ${m.orgPath}::ltree <@ a.path and a.id <> ${m.orgId}`,
    );
    if (!approver)
      throw new DomainError('RULE_VIOLATION', '少交或免交党费须由党支部研究、报上一级党委批准（中组发〔2008〕3号第七条）：请选择上级党委', {
        field: 'reductionApprovedBy',
      });
  }
  const values = {
    category: input.category,
    baseFen: input.monthlyBase ?? null,
    calculatedFen: r.amountFen,
    amountFen: input.reducedAmount ?? r.amountFen,
    basis: r.basis,
    reductionReason: input.reductionReason ?? null,
    reductionApprovedBy: input.reductionApprovedBy ?? null,
    createdBy: actor.userId,
  };
  const [a] = await q
    .insert(duesAssessment)
    .values({ memberId: m.id, effectiveFrom: `${input.effectiveFrom}-01`, ...values })
    .onConflictDoUpdate({ target: [duesAssessment.memberId, duesAssessment.effectiveFrom], set: values })
    .returning({ id: duesAssessment.id });
  return (await assessmentsOf(q, sql`a.id = ${a?.id}`))[0] as AssessmentRow;
};

/**
 * Records dues paid for a range of months. The amount is the sum of the months' assessed amounts,
 * never typed; back-pay and advance are limited (规定第十二条); a month is paid once: payments of
 * one member are serialised on the member's row, so of two overlapping ones exactly one is stored.
 */
export const payDues = async (q: Q, actor: Actor, input: DuesPay, today: string) => {
  const m = await memberFor(q, actor, input.memberId, 'dues.manage');
  await q.select({ id: member.id }).from(member).where(eq(member.id, m.id)).for('update');
  if (input.paidAt > today) throw new DomainError('INVALID_INPUT', '交纳日期不能晚于今天', { field: 'paidAt' });
  const window = paymentWindowProblem(input);
  if (window) throw new DomainError('RULE_VIOLATION', window.message, { field: window.field });
  const start = duesStartProblem('pay', input.fromMonth, m.joinedAt);
  if (start) throw new DomainError('INVALID_INPUT', start, { field: 'fromMonth' });
  const amount = paymentAmount(await assessmentsOf(q, sql`a.member_id = ${m.id}`), input.fromMonth, input.toMonth);
  if ('unassessed' in amount)
    throw new DomainError('INVALID_INPUT', `${amount.unassessed}的党费尚未核定，请先核定交纳标准`, { field: 'fromMonth' });
  const { amountFen } = amount;
  const [overlap] = await q
    .select({ id: duesPayment.id })
    .from(duesPayment)
    .where(
      and(
        eq(duesPayment.memberId, m.id),
        lte(duesPayment.fromMonth, `${input.toMonth}-01`),
        gte(duesPayment.toMonth, `${input.fromMonth}-01`),
      ),
    );
  if (overlap) throw new DomainError('CONFLICT', '所选月份中已有交纳记录，同一月份不能重复交纳', { field: 'fromMonth' });
  const [created] = await q
    .insert(duesPayment)
    .values({
      memberId: m.id,
      orgId: m.orgId,
      fromMonth: `${input.fromMonth}-01`,
      toMonth: `${input.toMonth}-01`,
      amountFen,
      voluntaryFen: input.voluntary ?? 0,
      paidAt: input.paidAt,
      method: input.method,
      receiptNo: input.receiptNo ?? null,
      collectedBy: input.collectedBy ?? null,
      createdBy: actor.userId,
    })
    .returning();
  const payment = toPayment(created as typeof duesPayment.$inferSelect);
  return {
    ...payment,
    note: payment.voluntaryFen >= LARGE_VOLUNTARY_FEN ? `${LARGE_VOLUNTARY_RULE}，请经基层党委上缴` : null,
  };
};

/** Where one member stands for a year (the actor may read the member): see `duesOf`. */
export const memberDues = async (q: Q, actor: Actor, memberId: number, year: number, today: string) =>
  duesOf(q, await memberFor(q, actor, memberId, 'dues.read'), year, today);

/** The member's own dues, for an account linked to a member (no roll access needed). */
export const ownDues = async (q: Q, memberId: number | null, year: number, today: string) => {
  const [m] = memberId === null ? [] : await rows<DuesMember>(q, sql`${MEMBER} where m.id = ${memberId}`);
  if (!m) throw new DomainError('NOT_FOUND', '您的账号尚未关联党员信息，请联系所在党支部');
  return duesOf(q, m, year, today);
};

/** Where one member stands for a year: what is owed each month and why, what was paid, arrears. */
const duesOf = async (q: Q, m: DuesMember, year: number, today: string) => {
  const assessments = await assessmentsOf(q, sql`a.member_id = ${m.id}`);
  const payments = await paymentsOf(q, eq(duesPayment.memberId, m.id));
  const paidIn = new Map<string, number>();
  for (const p of payments) for (let i = monthIndex(p.fromMonth); i <= monthIndex(p.toMonth); i++) paidIn.set(monthOf(i), p.id);
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const a = assessmentIn(assessments, month);
    const before = month < m.joinedAt.slice(0, 7) || !a;
    return { month, dueFen: before ? null : a.amountFen, paymentId: paidIn.get(month) ?? null };
  });
  const first = assessments[0];
  const arrears = first ? arrearsOf(first.effectiveFrom, payments, today) : { owedMonths: [], streak: 0, warning: null };
  const owedFen = arrears.owedMonths.reduce((n, month) => n + (assessmentIn(assessments, month)?.amountFen ?? 0), 0);
  return {
    member: { id: m.id, name: m.name, orgId: m.orgId },
    current: assessmentIn(assessments, today.slice(0, 7)) ?? null,
    assessments,
    months,
    payments: payments.filter((p) => p.toMonth >= `${year}-01` && p.fromMonth <= `${year}-12`),
    arrears: { ...arrears, owedFen },
  };
};

/**
 * The members of an org's roll (the org itself, not its subtree) with their dues for the year:
 * the amount in effect, months paid, arrears and the 6-month warning.
 */
export const duesRoster = async (q: Q, orgId: number, year: number, today: string) => {
  const members = await q
    .select({ id: member.id, name: member.name, status: member.status })
    .from(member)
    .where(and(eq(member.orgId, orgId), isNull(member.exitType)))
    .orderBy(asc(member.pinyin), asc(member.id));
  const assessments = groupBy(
    await assessmentsOf(q, sql`a.member_id in (select id from member where org_id = ${orgId} and exit_type is null)`),
    (a) => a.memberId,
  );
  const payments = groupBy(await paymentsOf(q, inArray(duesPayment.memberId, rollOf(q, orgId))), (p) => p.memberId);
  return members.map((m) => {
    const list = assessments.get(m.id) ?? [];
    const paid = payments.get(m.id) ?? [];
    const first = list[0];
    const arrears = first ? arrearsOf(first.effectiveFrom, paid, today) : null;
    const paidThisYear = paid.filter((p) => p.toMonth >= `${year}-01` && p.fromMonth <= `${year}-12`).reduce((n, p) => n + p.amountFen, 0);
    return {
      memberId: m.id,
      name: m.name,
      status: m.status,
      current: assessmentIn(list, today.slice(0, 7)) ?? null,
      paidThisYearFen: paidThisYear,
      owedMonths: arrears?.owedMonths.length ?? 0,
      owedFen: arrears ? owedAmount(list, arrears.owedMonths) : 0,
      streak: arrears?.streak ?? 0,
      warning: arrears?.warning ?? (first ? null : '尚未核定党费交纳标准'),
    };
  });
};

/**
 * The yearly statement a branch publishes to its members (旗帜网; RULES.md §3): per month, what
 * was due and what was collected, with voluntary extras and the one-off payments for the 中央.
 */
export const duesStatement = async (q: Q, orgId: number, year: number) => {
  const months = await rows<{ month: string; dueFen: number; members: number }>(
    q,
    sql`select to_char(mo, 'YYYY-MM') as month,
          coalesce(sum((select a.amount_fen from dues_assessment a where a.member_id = m.id and a.effective_from <= mo order by a.effective_from desc limit 1)), 0)::int as "dueFen",
          count(m.id)::int as members
        from generate_series(${`${year}-01-01`}::date, ${`${year}-12-01`}::date, interval '1 month') mo
        left join member m on m.org_id = ${orgId} and date_trunc('month', m.joined_at) <= mo and (m.exit_at is null or m.exit_at >= mo)
        group by mo order by mo`,
  );
  const paid = await rows<{ month: string; paidFen: number; payers: number }>(
    q,
    // A payment is the sum of its months' assessed amounts, so each month's share is its assessed amount.
    sql`select to_char(mo, 'YYYY-MM') as month,
          coalesce(sum((select a.amount_fen from dues_assessment a where a.member_id = p.member_id and a.effective_from <= mo order by a.effective_from desc limit 1)), 0)::int as "paidFen",
          count(distinct p.member_id)::int as payers
        from generate_series(${`${year}-01-01`}::date, ${`${year}-12-01`}::date, interval '1 month') mo
        left join dues_payment p on p.org_id = ${orgId} and mo between p.from_month and p.to_month
        group by mo order by mo`,
  );
  const [extra] = await rows<{ voluntaryFen: number; largeFen: number; collectedFen: number }>(
    q,
    sql`select coalesce(sum(voluntary_fen), 0)::int as "voluntaryFen",
          coalesce(sum(voluntary_fen) filter (where voluntary_fen >= ${LARGE_VOLUNTARY_FEN}), 0)::int as "largeFen",
          coalesce(sum(amount_fen + voluntary_fen), 0)::int as "collectedFen"
        from dues_payment where org_id = ${orgId} and paid_at >= ${`${year}-01-01`}::date and paid_at <= ${`${year}-12-31`}::date`,
  );
  const paidBy = new Map(paid.map((p) => [p.month, p]));
  return {
    months: months.map((m) => ({ ...m, paidFen: paidBy.get(m.month)?.paidFen ?? 0, payers: paidBy.get(m.month)?.payers ?? 0 })),
    ...(extra ?? { voluntaryFen: 0, largeFen: 0, collectedFen: 0 }),
  };
};
