import { fenToYuan } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber, uniqueCode } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let city: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  city = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
  // A village 党总支 with two branches under town A1, founded 2010; one branch closed in 2020.
  const village = await city.post('/api/v1/orgs', {
    parentId: t.townA1,
    name: '某嘎查党总支',
    code: uniqueCode(),
    type: 'general_branch',
    domain: 'village',
    foundedAt: '2010-03-01',
  });
  await city.post('/api/v1/orgs', {
    parentId: village.body.id,
    name: '某嘎查第一党支部',
    code: uniqueCode(),
    type: 'branch',
    domain: 'village',
    foundedAt: '2010-03-01',
  });
  const second = await city.post('/api/v1/orgs', {
    parentId: village.body.id,
    name: '某嘎查第二党支部',
    code: uniqueCode(),
    type: 'branch',
    domain: 'village',
    foundedAt: '2010-03-01',
  });
  await city.post(`/api/v1/orgs/${second.body.id}/close`, { closedAt: '2020-06-30', reason: '合并' });
});
afterAll(() => h.close());

const values = async (c: ReturnType<typeof client>, orgId: number, date: string) => {
  const res = await c.get(`/api/v1/indicators?orgId=${orgId}&date=${date}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.items.map((i: { id: string; value: number }) => [i.id, i.value]));
};

describe('indicators', () => {
  it('count orgs of a subtree as of a date', async () => {
    // Tree: 8 base orgs (dated 2000) + 总支 + 2 branches (2010), one closed 2020-06-30.
    const v2021 = await values(city, t.city, '2021-12-31');
    expect(v2021['org.total']).toBe(10);
    expect(v2021['org.type.branch']).toBe(3);
    expect(v2021['org.type.general_branch']).toBe(1);
    expect(v2021['org.village_level']).toBe(2); // 甲一村党支部 and the 总支, not its branches
    expect(v2021['org.community_level']).toBe(1);
    expect(v2021['org.domain.village']).toBe(3);
    const v2015 = await values(city, t.city, '2015-01-01');
    expect(v2015['org.total']).toBe(11);
    const v2005 = await values(city, t.city, '2005-01-01');
    expect(v2005['org.total']).toBe(8);
    // The closing day itself: closed from that day on.
    expect((await values(city, t.city, '2020-06-29'))['org.total']).toBe(11);
    expect((await values(city, t.city, '2020-06-30'))['org.total']).toBe(10);
  });

  it('break down over children, adding up to the parent', async () => {
    const res = await city.get(`/api/v1/indicators/org.total?orgId=${t.city}&date=2021-12-31&by=child`);
    expect(res.body.value).toBe(10);
    const byChild = Object.fromEntries(res.body.items.map((i: { orgId: number; value: number }) => [i.orgId, i.value]));
    expect(byChild).toEqual({ [t.countyA]: 6, [t.countyB]: 3 });
    expect(1 + 6 + 3).toBe(res.body.value);
  });

  it('a township account counts only its own subtree, and gets 404 elsewhere', async () => {
    const town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
    const mine = await town.get('/api/v1/indicators?date=2021-12-31');
    expect(mine.body.org.id).toBe(t.townA1);
    expect(mine.body.items.find((i: { id: string }) => i.id === 'org.total').value).toBe(4);
    expect((await town.get(`/api/v1/indicators?orgId=${t.townB1}`)).status).toBe(404);
    expect((await town.get(`/api/v1/indicators?orgId=${t.city}`)).status).toBe(404);
    expect((await town.get(`/api/v1/indicators/org.total?orgId=${t.countyA}&by=child`)).status).toBe(404);
  });

  it('names an unknown indicator', async () => {
    const res = await city.get('/api/v1/indicators/no.such?orgId=1');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('no.such');
  });
});

describe('member indicators', () => {
  it('count the roll by age band and new members with focus-group shares', async () => {
    const t2 = await buildTree(h);
    const admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t2.townA1 }])).cookie);
    const add = (patch: Record<string, unknown>) =>
      admin.post('/api/v1/members', {
        name: '测试',
        gender: 'male',
        ethnicity: '汉族',
        orgId: t2.branchA1,
        status: 'probationary',
        ...patch,
      });
    // Two new members in 2026 (one a young herder), one admitted long ago.
    expect(
      (await add({ idNumber: testIdNumber({ birth: '2000-03-01' }), joinedAt: '2026-03-01', occupation: 'farmer_herder' })).status,
    ).toBe(201);
    expect((await add({ idNumber: testIdNumber({ birth: '1980-03-01' }), joinedAt: '2026-04-01', occupation: 'worker' })).status).toBe(201);
    expect(
      (await add({ idNumber: testIdNumber({ birth: '1950-03-01' }), joinedAt: '1980-04-01', fullMemberAt: '1981-04-01', status: 'full' }))
        .status,
    ).toBe(201);
    const res = await admin.get(`/api/v1/indicators?orgId=${t2.townA1}&date=2026-06-30`);
    const v = Object.fromEntries(res.body.items.map((i: { id: string; value: number }) => [i.id, i.value]));
    expect(v['member.total']).toBe(3);
    expect(v['member.new']).toBe(2);
    expect(v['member.new.share.young_farmer']).toBe(50);
    expect(v['member.new.share.worker']).toBe(50);
    expect(v['member.age.35']).toBe(1);
    expect(v['member.age.61']).toBe(1);
    expect(v['member.avg_age']).toBe(Math.round(((26 + 46 + 76) / 3) * 10) / 10);
    // The branch has one full member: fewer than 3 (支部工作条例 第五条).
    expect(v['org.branch_few_full_members']).toBe(1);
  });
});

describe('发展党员 pipeline and members by domain', () => {
  it('counts applicants, activists and development objects by the last step by the date, and the overdue ones', async () => {
    const a = await city.post('/api/v1/development/applicants', {
      name: '乌日娜',
      gender: 'female',
      ethnicity: '蒙古族',
      idNumber: testIdNumber({ birth: '2000-02-02', gender: 'female' }),
      orgId: t.branchB1,
      appliedAt: '2025-01-10',
    });
    expect(a.status).toBe(201);
    const v = async (date: string) => values(city, t.townB1, date);
    // Applied on 2025-01-10; the talk is due within a month (细则 Art. 8).
    expect((await v('2025-02-10'))['development.applicants']).toBe(1);
    expect((await v('2025-02-10'))['development.overdue']).toBe(0);
    expect((await v('2025-02-11'))['development.overdue']).toBe(1);
    await city.post(`/api/v1/development/applicants/${a.body.id}/steps`, { step: 2, date: '2025-02-01' });
    await city.post(`/api/v1/development/applicants/${a.body.id}/steps`, { step: 3, date: '2025-03-01' });
    const after = await v('2025-03-02');
    expect(after['development.applicants']).toBe(0);
    expect(after['development.activists']).toBe(1);
    expect(after['development.overdue']).toBe(0);
    // Members by the domain of their org: town B1's branch is a community one.
    const before = after['member.domain.community'];
    const m = await city.post('/api/v1/members', {
      name: '社区党员',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchB1,
      joinedAt: '2010-07-01',
      fullMemberAt: '2011-07-01',
      status: 'full',
    });
    expect(m.status).toBe(201);
    const withOne = await v('2025-03-02');
    expect(withOne['member.domain.community']).toBe(before + 1);
    expect(withOne['member.domain.village']).toBe(after['member.domain.village']);
  });
});

describe('money indicators', () => {
  it('are the exact sum of the fen in the records, as a yuan decimal string', async () => {
    const t3 = await buildTree(h);
    const city = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t3.city }])).cookie);
    // 0.10 元 a month in one branch, 0.20 in the other: summed as floats per org, 0.1 + 0.2 is 0.30000000000000004.
    for (const [orgId, assess] of [
      [t3.branchA1, { category: 'employed', monthlyBase: '20.00' }],
      [t3.branchB1, { category: 'student' }],
    ] as const) {
      const m = await city.post('/api/v1/members', {
        name: '交费人',
        gender: 'male',
        ethnicity: '汉族',
        idNumber: testIdNumber(),
        orgId,
        joinedAt: '2000-07-01',
        fullMemberAt: '2001-07-01',
        status: 'full',
      });
      const a = await city.post('/api/v1/dues/assessments', { memberId: m.body.id, effectiveFrom: '2026-01', ...assess });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      const paid = await city.post('/api/v1/dues/payments', {
        memberId: m.body.id,
        fromMonth: '2026-01',
        toMonth: '2026-01',
        paidAt: '2026-02-10',
        method: 'cash',
      });
      expect(paid.status).toBe(201);
    }
    const [records] = await rows<{ paid: number }>(
      h.deps.db,
      sql`select sum(p.amount_fen)::int as paid from dues_payment p join org o on o.id = p.org_id
          where o.path <@ (select path from org where id = ${t3.city})`,
    );
    expect(records?.paid).toBe(30);
    const res = await city.get(`/api/v1/indicators?orgId=${t3.city}&date=2026-03-15`);
    const item = (id: string) => res.body.items.find((i: { id: string }) => i.id === id);
    expect(item('dues.paid')).toMatchObject({ value: fenToYuan(records?.paid ?? 0), unit: '元', kind: 'money' });
    expect(item('dues.due').value).toBe('0.60'); // January and February: 2 × 0.10 + 2 × 0.20
    expect(item('org.total')).toMatchObject({ value: 8, kind: 'number' });
    const byChild = await city.get(`/api/v1/indicators/dues.due?orgId=${t3.city}&date=2026-03-15&by=child`);
    expect(byChild.body).toMatchObject({ value: '0.60', indicator: { kind: 'money' } });
    expect(byChild.body.items.map((i: { value: string }) => i.value).sort()).toEqual(['0.20', '0.40']);
  });
});
