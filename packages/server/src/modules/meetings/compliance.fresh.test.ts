import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { runJob } from '../../platform/jobs.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';
import { complianceScan, scanAndStore, snapshotCurrent } from './compliance.js';

let h: Harness;
let t: TestTree;
let branch: ReturnType<typeof client>;
let town: ReturnType<typeof client>;
const owing: number[] = [];
const TODAY = '2026-11-26';
beforeAll(async () => {
  h = await createHarness();
  h.setNow(new Date(`${TODAY}T04:00:00Z`));
  t = await buildTree(h);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  // Three members assessed from January who never paid: each 10 months behind.
  for (let i = 0; i < 3; i++) {
    const m = await branch.post('/api/v1/members', {
      name: `欠费${i + 1}`,
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchA1,
      joinedAt: '2000-07-01',
      fullMemberAt: '2001-07-01',
      status: 'full',
    });
    await branch.post('/api/v1/dues/assessments', { memberId: m.body.id, effectiveFrom: '2026-01', category: 'student' });
    owing.push(m.body.id);
  }
});
afterAll(() => h.close());

/** Every figure a screen shows for the branch: the indicators, its own findings and the township table. */
const figures = async () => {
  const indicators = await town.get(`/api/v1/indicators?orgId=${t.branchA1}&date=${TODAY}`);
  const value = (id: string) => indicators.body.items.find((i: { id: string }) => i.id === id)?.value;
  const own = await branch.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`);
  const count = (code: string) => own.body.items.find((f: { code: string }) => f.code === code)?.count ?? 0;
  const listed = await town.get(`/api/v1/compliance/branches?orgId=${t.townA1}&year=2026`);
  const row = listed.body.items.find((i: { orgId: number }) => i.orgId === t.branchA1);
  const summary = await town.get(`/api/v1/compliance/summary?orgId=${t.townA1}&year=2026`);
  return {
    arrears3: value('dues.arrears_3'),
    arrears6: value('dues.arrears_6'),
    behind: value('life.branches_behind'),
    lapse: count('dues.lapse_warning'),
    listedLapse: row?.findings.find((f: { code: string }) => f.code === 'dues.lapse_warning')?.count ?? 0,
    listedOwed: row?.meetingsOwed,
    summaryOwed: summary.body.items.find((i: { orgId: number }) => i.orgId === t.townA1)?.meetingsOwed,
    owed: own.body.meetingsOwed,
  };
};

describe("the day's compliance snapshot is never stale", () => {
  it('a payment, a transfer out, an exit and a meeting change every figure at once', async () => {
    await runJob(h.deps, complianceScan);
    const first = await figures();
    expect(first).toMatchObject({ arrears3: 3, arrears6: 3, lapse: 3, listedLapse: 3, behind: 1 });
    expect(first.listedOwed).toBe(first.owed);

    // Paying the last six months (the most back-pay allows) ends the streak.
    const paid = await branch.post('/api/v1/dues/payments', {
      memberId: owing[0],
      fromMonth: '2026-05',
      toMonth: '2026-10',
      paidAt: TODAY,
      method: 'cash',
    });
    expect(paid.status).toBe(201);
    expect(await figures()).toMatchObject({ arrears3: 2, arrears6: 2, lapse: 2, listedLapse: 2 });
    // The read rescanned the one changed branch and stored it: the next one reads the snapshot.
    const logged = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from compliance_change where org_id = ${t.branchA1}`);
    expect(logged[0]?.n).toBe(0);

    const out = await branch.post(`/api/v1/members/${owing[1]}/transfers`, {
      destination: '外省某党支部',
      letterNo: '转字001',
      issuedAt: TODAY,
    });
    expect(out.status).toBe(201);
    expect(await figures()).toMatchObject({ arrears3: 1, arrears6: 1, lapse: 1, listedLapse: 1 });

    const exit = await branch.patch(`/api/v1/members/${owing[2]}`, { exitType: 'deceased', exitAt: TODAY });
    expect(exit.status).toBe(200);
    expect(await figures()).toMatchObject({ arrears3: 0, arrears6: 0, lapse: 0, listedLapse: 0 });

    const before = await figures();
    const meeting = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'lecture', status: 'held', date: '2026-03-10' });
    expect(meeting.status).toBe(201);
    const after = await figures();
    expect(after.owed).toBe((before.owed as number) - 1);
    expect(after.listedOwed).toBe(after.owed);
    expect(after.summaryOwed).toBe((before.summaryOwed as number) - 1);
  });

  it('the arrears finding cites the rule the domain cites (规定第十三条), from the domain', async () => {
    const m = await branch.post('/api/v1/members', {
      name: '晚交',
      gender: 'female',
      ethnicity: '蒙古族',
      idNumber: testIdNumber({ gender: 'female' }),
      orgId: t.branchA1,
      joinedAt: '2000-07-01',
      fullMemberAt: '2001-07-01',
      status: 'full',
    });
    await branch.post('/api/v1/dues/assessments', { memberId: m.body.id, effectiveFrom: '2026-01', category: 'student' });
    const paid = await branch.post('/api/v1/dues/payments', {
      memberId: m.body.id,
      fromMonth: '2026-01',
      toMonth: '2026-07',
      paidAt: '2026-07-10',
      method: 'cash',
    });
    expect(paid.status).toBe(201);
    const own = await branch.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`);
    const finding = own.body.items.find((f: { code: string }) => f.code === 'dues.arrears');
    expect(finding).toMatchObject({ count: 1, message: expect.stringContaining('连续3至5个月') });
    expect(finding.message).toContain('中组发〔2008〕3号第十三条');
    expect(finding.message).not.toContain('第十二条');
  });

  it('a scan inside the writing transaction takes in that transaction’s own changes', async () => {
    const logged = async () =>
      (
        (await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from compliance_change where org_id = ${t.branchA1}`))[0] as {
          n: number;
        }
      ).n;
    await h.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update member set name = name where org_id = ${t.branchA1}`);
      await scanAndStore(tx, 2026, TODAY, sql`o.id = ${t.branchA1}`);
    });
    expect(await logged()).toBe(0);
    const [s] = await rows<{ current: boolean }>(
      h.deps.db,
      sql`select ${snapshotCurrent(sql`s`, 2026, TODAY)} as current from compliance_snapshot s where s.org_id = ${t.branchA1} and s.year = 2026`,
    );
    expect(s?.current).toBe(true);
    // A change after the scan in the same transaction is not taken in.
    await h.deps.db.transaction(async (tx) => {
      await scanAndStore(tx, 2026, TODAY, sql`o.id = ${t.branchA1}`);
      await tx.execute(sql`update member set name = name where org_id = ${t.branchA1}`);
    });
    expect(await logged()).toBe(1);
  });

  it('a meetings settings change marks every org (the audit head, also a setting, does not); the nightly job empties the log', async () => {
    const changes = async (where = sql`true`) =>
      ((await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from compliance_change where ${where}`))[0] as { n: number }).n;
    const before = await figures();
    await runJob(h.deps, complianceScan);
    expect(await changes()).toBe(0);
    await h.deps.db.execute(sql`insert into setting (key, value) values ('meetings', '{}'::jsonb) on conflict (key) do nothing`);
    expect(await changes(sql`org_id is null`)).toBe(1);
    expect(await figures()).toEqual(before);
    await runJob(h.deps, complianceScan);
    expect(await changes()).toBe(0);
  });
});
