import { fenToYuan, parseYuan } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../platform/jobs.js';
import {
  actorWith,
  auditCount,
  buildTree,
  client,
  createHarness,
  createUser,
  type Harness,
  login,
  type TestTree,
  testIdNumber,
} from '../../test/harness.js';
import { complianceScan } from '../meetings/compliance.js';

let h: Harness;
let t: TestTree;
let member: ReturnType<typeof client>;
let branch: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  h.setNow(new Date('2026-11-26T04:00:00Z'));
  member = client(h, (await actorWith(h, [{ role: 'member', orgId: t.branchA1 }])).cookie);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  other = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchB1 }])).cookie);
});
afterAll(() => h.close());

describe('POST /api/v1/dues/calculate (public contract)', () => {
  it('answers amount, rate and basis for any signed-in user, and writes nothing', async () => {
    const before = await auditCount(h);
    const res = await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: 5000.01 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ amount: '75.00', rate: 0.015, basis: expect.any(String) });
    expect(res.body.basis).toContain('1.5%');
    expect(await auditCount(h)).toBe(before);
    expect((await client(h).post('/api/v1/dues/calculate', { category: 'student' })).status).toBe(401);
  });

  it('refuses a missing base or a third decimal at the field, in Chinese', async () => {
    const res = await member.post('/api/v1/dues/calculate', { category: 'retired' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('monthlyBase');
    expect(res.body.error.message).toContain('基数');
    expect((await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: 1.001 })).status).toBe(400);
  });

  it('takes the base as a decimal string or a number alike; refuses a third decimal, an exponent and a negative by the field', async () => {
    const asText = await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: '2999.99' });
    const asNumber = await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: 2999.99 });
    expect(asText.status).toBe(200);
    expect(asText.body).toEqual(asNumber.body);
    expect(asText.body).toMatchObject({ amount: '15.00' });
    for (const [monthlyBase, says] of [
      ['2999.999', '最多保留两位小数'],
      ['1e3', '应为以元为单位的金额'],
      ['-1', '不能为负数'],
      [-1, '不能为负数'],
    ] as const) {
      const res = await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('每月交纳基数');
      expect(res.body.error.message).toContain(says);
      expect(res.body.error.details.fields[0].field).toBe('monthlyBase');
    }
  });

  it('reads the province amount for 农牧民 from the settings', async () => {
    expect((await member.post('/api/v1/dues/calculate', { category: 'farmer' })).body.amount).toBe('0.20');
    await h.deps.db.execute(sql`insert into setting (key, value) values ('dues', '{"farmerMonthlyFen": 50}'::jsonb)`);
    try {
      expect((await member.post('/api/v1/dues/calculate', { category: 'farmer' })).body).toMatchObject({ amount: '0.50' });
    } finally {
      await h.deps.db.execute(sql`delete from setting where key = 'dues'`);
    }
  });
});

const addMember = async (patch: Record<string, unknown> = {}) =>
  (
    await branch.post('/api/v1/members', {
      name: '交费人',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchA1,
      joinedAt: '2000-07-01',
      fullMemberAt: '2001-07-01',
      status: 'full',
      ...patch,
    })
  ).body.id as number;

describe('dues assessments, payments and arrears (中组发〔2008〕3号)', () => {
  it('the stored monthly amount agrees with the calculator for every category', async () => {
    const cases = [
      { category: 'employed', monthlyBase: 3000 },
      { category: 'employed', monthlyBase: 12345.67 },
      { category: 'retired', monthlyBase: 5000.01 },
      { category: 'farmer' },
      { category: 'student' },
      { category: 'unemployed' },
      { category: 'low_income' },
    ];
    for (const c of cases) {
      const id = await addMember();
      const calc = await member.post('/api/v1/dues/calculate', c);
      const stored = await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-01', ...c });
      expect(stored.status).toBe(201);
      expect(stored.body.amount).toBe(calc.body.amount);
      expect(stored.body.basis).toBe(calc.body.basis);
    }
  });

  it('a reduction needs the 上一级党委; a 预备党员 pays from the month of approval', async () => {
    const id = await addMember();
    const base = {
      memberId: id,
      effectiveFrom: '2026-01',
      category: 'employed',
      monthlyBase: 4000,
      reducedAmount: 0,
      reductionReason: '身患重病',
    };
    const wrong = await branch.post('/api/v1/dues/assessments', { ...base, reductionApprovedBy: t.countyB });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toContain('第七条');
    const ok = await branch.post('/api/v1/dues/assessments', { ...base, reductionApprovedBy: t.townA1 });
    expect(ok.body).toMatchObject({ calculated: '40.00', amount: '0.00', monthlyBase: '4000.00', reductionApprovedByName: '甲一镇党委' });
    const probationer = await addMember({ joinedAt: '2026-03-15', fullMemberAt: undefined, status: 'probationary' });
    const early = await branch.post('/api/v1/dues/assessments', { memberId: probationer, effectiveFrom: '2026-02', category: 'farmer' });
    expect(early.body.error.message).toContain('第八条');
    expect(
      (await other.post('/api/v1/dues/assessments', { memberId: probationer, effectiveFrom: '2026-03', category: 'farmer' })).status,
    ).toBe(404);
  });

  it('a payment is the sum of the months assessed; back-pay is limited to 6 months; a month is paid once', async () => {
    const id = await addMember();
    await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-01', category: 'employed', monthlyBase: 4000 });
    await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-07', category: 'employed', monthlyBase: 6000 });
    const pay = { memberId: id, paidAt: '2026-11-10', method: 'wechat', receiptNo: 'R-1' };
    const tooFar = await branch.post('/api/v1/dues/payments', { ...pay, fromMonth: '2026-04', toMonth: '2026-10' });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error.details.field).toBe('fromMonth');
    const before = await auditCount(h);
    const ok = await branch.post('/api/v1/dues/payments', { ...pay, fromMonth: '2026-05', toMonth: '2026-10' });
    expect(ok.status).toBe(201);
    // May–June at 40.00, July–October at 90.00
    expect(ok.body).toMatchObject({ amount: fenToYuan(2 * 4000 + 4 * 9000), voluntary: '0.00' });
    expect(await auditCount(h)).toBe(before + 1);
    const again = await branch.post('/api/v1/dues/payments', { ...pay, fromMonth: '2026-10', toMonth: '2026-11' });
    expect(again.status).toBe(409);
    const [a, b] = await Promise.all([
      branch.post('/api/v1/dues/payments', { ...pay, fromMonth: '2026-11', toMonth: '2026-12' }),
      branch.post('/api/v1/dues/payments', { ...pay, fromMonth: '2026-12', toMonth: '2027-01' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const view = await branch.get(`/api/v1/members/${id}/dues?year=2026`);
    expect(view.body.current).toMatchObject({ amount: '90.00' });
    expect(view.body.months[0]).toMatchObject({ month: '2026-01', due: '40.00', paymentId: null });
    expect(view.body.arrears).toMatchObject({
      owedMonths: ['2026-01', '2026-02', '2026-03', '2026-04'],
      streak: 0,
      owed: '160.00',
      warning: null,
    });
  });

  it('six unpaid months raise the 自行脱党 warning for the branch to decide; nothing is removed', async () => {
    const id = await addMember({ name: '欠交者' });
    await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-01', category: 'farmer' });
    await branch.post('/api/v1/dues/payments', {
      memberId: id,
      fromMonth: '2026-01',
      toMonth: '2026-04',
      paidAt: '2026-04-20',
      method: 'cash',
    });
    const roster = await branch.get(`/api/v1/dues/roster?orgId=${t.branchA1}&year=2026`);
    const row = roster.body.items.find((r: { memberId: number }) => r.memberId === id);
    expect(row).toMatchObject({ streak: 6, owedMonths: 6, owed: '1.20', paidThisYear: '0.80' });
    expect(row.warning).toContain('按自行脱党处理');
    expect((await branch.get(`/api/v1/members/${id}`)).body.exitType ?? null).toBeNull();
    expect((await other.get(`/api/v1/dues/roster?orgId=${t.branchA1}&year=2026`)).status).toBe(404);
    // The branch's compliance lists it with the rule (ARCHITECTURE.md: "dues arrears").
    const compliance = await branch.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`);
    const lapse = compliance.body.items.find((i: { code: string }) => i.code === 'dues.lapse_warning');
    expect(lapse.message).toContain('欠交者');
    expect(lapse.message).toContain('第九条');
  });

  it('the yearly statement adds up what was due and what was collected per month', async () => {
    const res = await branch.get(`/api/v1/dues/statement?orgId=${t.branchA1}&year=2026`);
    expect(res.status).toBe(200);
    const may = res.body.months.find((m: { month: string }) => m.month === '2026-05');
    // In May: the 40.00 payer and the 0.20 farmer paid; everyone assessed owed.
    expect(may.paid).toBe('40.00');
    expect(may.payers).toBe(1);
    const april = res.body.months.find((m: { month: string }) => m.month === '2026-04');
    expect(april.paid).toBe('0.20');
    const paidIn = (month: string) => res.body.months.find((m: { month: string }) => m.month === month).paid;
    // July to October: the 90.00 payer only (the farmer stopped after April).
    expect(['2026-07', '2026-08', '2026-09', '2026-10'].map(paidIn)).toEqual(['90.00', '90.00', '90.00', '90.00']);
    expect(parseYuan(may.due)).toBeGreaterThan(parseYuan(may.paid) as number);
    const file = await branch.get(`/api/v1/dues/statement/export?orgId=${t.branchA1}&year=2026`);
    expect(file.status).toBe(200);
    expect(String(file.raw.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.raw.rawPayload as never);
    const cells = wb.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
    expect(cells).toContain('2026-07');
    expect(cells).toContain('90.00');
  });

  it('the arrears indicators count what the roster shows (the SQL and the domain rule agree)', async () => {
    const town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
    // Members with every gap length from 0 to 9 months.
    for (let stop = 0; stop <= 9; stop++) {
      const id = await addMember();
      await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-01', category: 'student' });
      const to = `2026-${String(10 - stop).padStart(2, '0')}`;
      // Over 6 months back the payment is refused, which leaves that member unpaid since January.
      await branch.post('/api/v1/dues/payments', { memberId: id, fromMonth: to, toMonth: to, paidAt: '2026-11-20', method: 'cash' });
    }
    const roster = (await branch.get(`/api/v1/dues/roster?orgId=${t.branchA1}&year=2026`)).body.items as {
      streak: number;
      warning: string | null;
    }[];
    const assessed = roster.filter((r) => r.warning !== '尚未核定党费交纳标准');
    const check = async () => {
      for (const months of [3, 6]) {
        const res = await town.get(`/api/v1/indicators/dues.arrears_${months}?orgId=${t.branchA1}&date=2026-11-26`);
        expect(res.status).toBe(200);
        expect(res.body.value).toBe(assessed.filter((r) => r.streak >= months).length);
      }
    };
    await check(); // computed now
    await runJob(h.deps, complianceScan);
    await check(); // from the day's snapshot
    expect(assessed.filter((r) => r.streak >= 6).length).toBeGreaterThan(0);
    const paid = await town.get(`/api/v1/indicators/dues.paid?orgId=${t.branchA1}&date=2026-11-26`);
    expect(parseYuan(paid.body.value)).toBeGreaterThan(0);
    // What was due January to October agrees with the yearly statement's months.
    const due = await town.get(`/api/v1/indicators/dues.due?orgId=${t.branchA1}&date=2026-11-26`);
    const statement = (await branch.get(`/api/v1/dues/statement?orgId=${t.branchA1}&year=2026`)).body.months as {
      month: string;
      due: string;
    }[];
    const owedByStatement = statement.filter((m) => m.month <= '2026-10').reduce((n, m) => n + (parseYuan(m.due) as number), 0);
    expect(owedByStatement).toBeGreaterThan(0);
    expect(due.body.value).toBe(fenToYuan(owedByStatement));
  });

  it("a member's own account sees their dues, once the account is linked to the member", async () => {
    const town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
    const id = await addMember({ name: '自己' });
    await branch.post('/api/v1/dues/assessments', { memberId: id, effectiveFrom: '2026-01', category: 'farmer' });
    const account = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const self = client(h, await login(h, account.username));
    expect((await self.get('/api/v1/me/dues?year=2026')).body.error.message).toContain('尚未关联党员信息');
    expect((await self.get(`/api/v1/members/${id}/dues?year=2026`)).status).toBe(403);
    const linked = await town.patch(`/api/v1/users/${account.id}`, { memberId: id });
    expect(linked.body).toMatchObject({ memberId: id, memberName: '自己' });
    const mine = await client(h, await login(h, account.username)).get('/api/v1/me/dues?year=2026');
    expect(mine.status).toBe(200);
    expect(mine.body.member.name).toBe('自己');
    expect(mine.body.current.basis).toContain('农牧民');
    expect(mine.body.arrears.streak).toBe(10);
    const second = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    expect((await town.patch(`/api/v1/users/${second.id}`, { memberId: id })).status).toBe(409);
    const stranger = await other.post('/api/v1/members', {
      name: '外人',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchB1,
      joinedAt: '2000-07-01',
      fullMemberAt: '2001-07-01',
      status: 'full',
    });
    const far = await town.patch(`/api/v1/users/${second.id}`, { memberId: stranger.body.id });
    expect(far.status).toBe(400);
    expect(far.body.error.details.field).toBe('memberId');
  });
});

/** Every key of an answer, with its value, at any depth. */
const fieldsOf = (value: unknown, path = ''): [string, unknown][] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => [[`${path}${k}`, v] as [string, unknown], ...fieldsOf(v, `${path}${k}.`)])
    : [];

describe('money leaves the server in yuan (ARCHITECTURE.md: decimal strings, computed in integer fen)', () => {
  it('no dues answer carries an amount in fen; each amount is a yuan string with two decimals', async () => {
    const id = await addMember({ name: '元' });
    const assessed = await branch.post('/api/v1/dues/assessments', {
      memberId: id,
      effectiveFrom: '2026-01',
      category: 'employed',
      monthlyBase: '3500.50',
    });
    const paid = await branch.post('/api/v1/dues/payments', {
      memberId: id,
      fromMonth: '2026-09',
      toMonth: '2026-10',
      paidAt: '2026-11-02',
      method: 'cash',
      voluntary: '1000',
    });
    const account = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
    await town.patch(`/api/v1/users/${account.id}`, { memberId: id });
    const self = client(h, await login(h, account.username));
    const answers = {
      calculate: await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: '3500.50' }),
      assessed,
      paid,
      memberDues: await branch.get(`/api/v1/members/${id}/dues?year=2026`),
      mine: await self.get('/api/v1/me/dues?year=2026'),
      roster: await branch.get(`/api/v1/dues/roster?orgId=${t.branchA1}&year=2026`),
      statement: await branch.get(`/api/v1/dues/statement?orgId=${t.branchA1}&year=2026`),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect(res.status, name).toBeLessThan(300);
      const fields = fieldsOf(res.body);
      expect(
        fields.filter(([k]) => /fen$/i.test(k)).map(([k]) => `${name}: ${k}`),
        'fields in fen',
      ).toEqual([]);
      const money = fields.filter(([k]) =>
        /(^|\.)(amount|calculated|monthlyBase|voluntary|due|paid|owed|paidThisYear|large|collected)$/.test(k),
      );
      expect(money.length, name).toBeGreaterThan(0);
      for (const [k, v] of money) if (v !== null) expect(v, `${name}: ${k}`).toMatch(/^\d+\.\d{2}$/);
    }
    // 3500.50 × 1% = 35.005 → 35.01 a month (half up), the same through every answer.
    expect(answers.calculate.body.amount).toBe('35.01');
    expect(answers.assessed.body).toMatchObject({ monthlyBase: '3500.50', calculated: '35.01', amount: '35.01' });
    expect(answers.paid.body).toMatchObject({ amount: '70.02', voluntary: '1000.00' });
    expect(answers.paid.body.note).toContain('上缴');
    expect(answers.mine.body).toEqual(answers.memberDues.body);
    const line = answers.roster.body.items.find((r: { memberId: number }) => r.memberId === id);
    // Paid September and October; January to August are owed.
    expect(line).toMatchObject({ paidThisYear: '70.02', owed: fenToYuan(8 * 3501) });
    expect(parseYuan(answers.statement.body.large)).toBeGreaterThanOrEqual(100_000);
  });
});
