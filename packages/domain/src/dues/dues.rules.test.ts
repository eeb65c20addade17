import { describe, expect, it } from 'vitest';
import {
  arrearsFindings,
  arrearsOf,
  assessmentIn,
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  duesAssessSchema,
  duesCalculateSchema,
  duesStartProblem,
  LARGE_VOLUNTARY_RULE,
  MAX_BACK_OR_ADVANCE_MONTHS,
  monthIndex,
  monthOf,
  owedAmount,
  PAYMENT_WINDOW_RULE,
  paymentAmount,
  paymentWindowProblem,
  reductionProblem,
} from './dues.rules.js';

const fen = (yuan: number) => Math.round(yuan * 100);

describe('党费 per 中组发〔2008〕3号 (RULES.md §3): a flat rate on the whole base, bracket tops included', () => {
  it.each([
    // [base yuan, rate, amount yuan]
    [0, 0.005, 0],
    [2000, 0.005, 10],
    [3000, 0.005, 15], // top of the first bracket is included
    [3000.01, 0.01, 30], // just above: 1% of the whole base (30.0001 → 30.00)
    [5000, 0.01, 50],
    [5000.01, 0.015, 75], // 75.00015 → 75.00
    [10000, 0.015, 150],
    [10000.01, 0.02, 200], // 200.0002 → 200.00
    [12345.67, 0.02, 246.91], // 246.9134 → 246.91
  ])('在职, base %s → rate %s, %s 元', (base, rate, amount) => {
    const r = calculateDues('employed', fen(base));
    expect(r.rate).toBe(rate);
    expect(r.amountFen).toBe(fen(amount));
    expect(r.basis).toContain('第二条');
  });

  it('rounds half up to the fen by default, down when set', () => {
    // 3333.30 × 1% = 33.333 → 33.33; 3150.50 × 1% = 31.505 → 31.51 (half up) / 31.50 (down)
    expect(calculateDues('employed', fen(3333.3)).amountFen).toBe(3333);
    expect(calculateDues('employed', fen(3150.5)).amountFen).toBe(3151);
    expect(calculateDues('employed', fen(3150.5), { ...DEFAULT_DUES_SETTINGS, rounding: 'down' }).amountFen).toBe(3150);
  });

  it.each([
    [5000, 0.005, 25],
    [5000.01, 0.01, 50],
    [8000, 0.01, 80],
  ])('离退休, base %s → rate %s, %s 元', (base, rate, amount) => {
    const r = calculateDues('retired', fen(base));
    expect(r.rate).toBe(rate);
    expect(r.amountFen).toBe(fen(amount));
    expect(r.basis).toContain('第五条');
  });

  it('农牧民 pay the provincial amount (a setting), 学生/下岗失业/低保 0.20 元, whatever the base', () => {
    expect(calculateDues('farmer', 0)).toMatchObject({ amountFen: 20, rate: null });
    expect(calculateDues('farmer', 0, { ...DEFAULT_DUES_SETTINGS, farmerMonthlyFen: 100 }).amountFen).toBe(100);
    for (const c of ['student', 'unemployed', 'low_income'] as const) expect(calculateDues(c, fen(9999)).amountFen).toBe(20);
  });

  it('the input: a category, and for 在职/离退休 a base in yuan with at most two decimals', () => {
    expect(duesCalculateSchema.parse({ category: 'employed', monthlyBase: 4321.05 })).toEqual({
      category: 'employed',
      monthlyBase: 432105,
    });
    expect(duesCalculateSchema.safeParse({ category: 'employed' }).error?.issues[0]?.path).toEqual(['monthlyBase']);
    expect(duesCalculateSchema.safeParse({ category: 'employed', monthlyBase: 100.001 }).error?.issues[0]?.message).toContain('两位小数');
    expect(duesCalculateSchema.safeParse({ category: 'employed', monthlyBase: -1 }).success).toBe(false);
    expect(duesCalculateSchema.safeParse({ category: 'farmer' }).success).toBe(true);
  });
});

describe('dues payments and arrears (规定第十二条、第十三条; 党章第九条)', () => {
  it('back-pay and advance are at most 6 months each way from the month paid', () => {
    expect(paymentWindowProblem({ fromMonth: '2026-05', toMonth: '2026-11', paidAt: '2026-11-26' })).toBeNull(); // 6 back
    expect(paymentWindowProblem({ fromMonth: '2026-04', toMonth: '2026-11', paidAt: '2026-11-26' })?.field).toBe('fromMonth'); // 7 back
    expect(paymentWindowProblem({ fromMonth: '2026-11', toMonth: '2027-05', paidAt: '2026-11-01' })).toBeNull(); // 6 ahead
    expect(paymentWindowProblem({ fromMonth: '2026-11', toMonth: '2027-06', paidAt: '2026-11-30' })?.message).toContain('预交7个月');
  });
  it('counts owed months up to the last finished month, never the month running', () => {
    const a = arrearsOf('2026-01', [{ fromMonth: '2026-01', toMonth: '2026-10' }], '2026-11-26');
    expect(a).toEqual({ owedMonths: [], streak: 0, warning: null });
    expect(arrearsOf('2026-01', [{ fromMonth: '2026-01', toMonth: '2026-09' }], '2026-11-01').owedMonths).toEqual(['2026-10']);
  });
  it('warns at 3 and at 6 consecutive unpaid months; a payment breaks the streak', () => {
    const paidTo = (to: string) => arrearsOf('2025-01', [{ fromMonth: '2025-01', toMonth: to }], '2026-11-26');
    expect(paidTo('2026-08').streak).toBe(2);
    expect(paidTo('2026-08').warning).toBeNull();
    expect(paidTo('2026-07').warning).toContain('连续3个月');
    expect(paidTo('2026-05').streak).toBe(5);
    expect(paidTo('2026-04').warning).toContain('按自行脱党处理');
    expect(paidTo('2026-04').warning).toContain('不会自动除名');
    const gap = arrearsOf(
      '2026-01',
      [
        { fromMonth: '2026-01', toMonth: '2026-02' },
        { fromMonth: '2026-10', toMonth: '2026-10' },
      ],
      '2026-11-26',
    );
    expect(gap.streak).toBe(0);
    expect(gap.owedMonths).toHaveLength(7);
  });
  it('across a year end, from the first month due', () => {
    expect(arrearsOf('2025-11', [], '2026-01-15')).toMatchObject({ owedMonths: ['2025-11', '2025-12'], streak: 2 });
    expect(arrearsOf('2026-01', [], '2026-01-31').streak).toBe(0);
  });
  it('a reduction needs the reason and the approving 党委; months are real months', () => {
    const base = { memberId: 1, effectiveFrom: '2026-01', category: 'employed', monthlyBase: 4000 };
    expect(duesAssessSchema.safeParse(base).success).toBe(true);
    expect(duesAssessSchema.safeParse({ ...base, reducedAmount: 0 }).error?.issues[0]?.path).toEqual(['reductionReason']);
    expect(duesAssessSchema.safeParse({ ...base, reducedAmount: 0, reductionReason: '重病', reductionApprovedBy: 2 }).success).toBe(true);
    expect(duesAssessSchema.safeParse({ ...base, effectiveFrom: '2026-13' }).success).toBe(false);
    expect(monthOf(monthIndex('2026-12') + 1)).toBe('2027-01');
  });
});

describe('assessments by month, payment amounts, and the dues start (规定第八、十、十二条)', () => {
  const rates = [
    { effectiveFrom: '2026-01', amountFen: 20 },
    { effectiveFrom: '2026-04', amountFen: 1500 },
  ];

  it('takes the assessment in effect in a month: from its month until the next', () => {
    expect(assessmentIn(rates, '2025-12')).toBeUndefined();
    expect(assessmentIn(rates, '2026-01')?.amountFen).toBe(20);
    expect(assessmentIn(rates, '2026-03')?.amountFen).toBe(20);
    expect(assessmentIn(rates, '2026-04')?.amountFen).toBe(1500);
  });

  it('a payment is the sum of its months, or names the first month not assessed', () => {
    expect(paymentAmount(rates, '2026-03', '2026-05')).toEqual({ amountFen: 20 + 1500 + 1500, months: 3 });
    expect(paymentAmount(rates, '2026-01', '2026-01')).toEqual({ amountFen: 20, months: 1 });
    expect(paymentAmount(rates, '2025-11', '2026-02')).toEqual({ unassessed: '2025-11' });
    expect(owedAmount(rates, ['2026-02', '2026-04'])).toBe(1520);
    expect(owedAmount(rates, [])).toBe(0);
  });

  it('dues start in the month of admission', () => {
    expect(duesStartProblem('assess', '2026-03', '2026-03-20')).toBeNull();
    expect(duesStartProblem('assess', '2026-02', '2026-03-20')).toContain('第八条');
    expect(duesStartProblem('pay', '2026-02', '2026-03-20')).toContain('无需交纳');
  });

  it('a reduction must be below the calculated amount (规定第七条)', () => {
    expect(reductionProblem(1499, 1500)).toBeNull();
    expect(reductionProblem(0, 1500)).toBeNull();
    expect(reductionProblem(1500, 1500)).toBe('少交后的金额应低于按规定计算的15.00元');
  });

  it('the rule texts carry the constants', () => {
    expect(LARGE_VOLUNTARY_RULE).toContain('1000元以上');
    expect(PAYMENT_WINDOW_RULE).toContain(`不超过${MAX_BACK_OR_ADVANCE_MONTHS}个月`);
  });

  it('arrears findings: 3 to 5 months behind and 6 or more, citing 规定第十三条', () => {
    expect(arrearsFindings({ lapsed: 0, behind: 0, names: [] }, '2026')).toEqual([]);
    const [lapse, behind] = arrearsFindings({ lapsed: 12, behind: 2, names: ['甲', '乙'] }, '2026');
    expect(lapse).toMatchObject({ code: 'dues.lapse_warning', count: 12, period: '2026' });
    expect(lapse?.message).toContain('（甲、乙等）');
    expect(behind).toMatchObject({ code: 'dues.arrears', count: 2 });
    expect(behind?.message).toContain('连续3至5个月');
    for (const f of [lapse, behind]) expect(f?.message).toContain('中组发〔2008〕3号第十三条');
  });
});
