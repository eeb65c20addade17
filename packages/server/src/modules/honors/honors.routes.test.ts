import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, auditCount, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let town: ReturnType<typeof client>;
let branch: ReturnType<typeof client>;
let county: ReturnType<typeof client>;
let otherCounty: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  // County committees carry their county-level division code (GB/T 2260).
  await h.deps.db.execute(sql`update org set division_code = '150502' where id = ${t.countyA}`);
  await h.deps.db.execute(sql`update org set division_code = '150521' where id = ${t.countyB}`);
  town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  county = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyA }])).cookie);
  otherCounty = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyB }])).cookie);
});
afterAll(() => h.close());

const memberBody = (patch: Record<string, unknown> = {}) => ({
  name: '额尔敦',
  gender: 'male',
  ethnicity: '蒙古族',
  idNumber: testIdNumber({ birth: '1945-03-01' }),
  orgId: t.branchA1,
  joinedAt: '1970-07-01',
  fullMemberAt: '1971-07-01',
  status: 'full',
  ...patch,
});

describe('「光荣在党50年」 (RULES.md §4)', () => {
  it('lists full members since (Y−50)-07-01 or earlier, alive, in scope', async () => {
    const old = testIdNumber({ birth: '1945-03-01' });
    const onCutoff = await town.post('/api/v1/members', memberBody({ idNumber: old, joinedAt: '1970-07-01', fullMemberAt: '1971-07-01' }));
    const dayLate = await town.post(
      '/api/v1/members',
      memberBody({ idNumber: testIdNumber({ birth: '1945-03-01' }), joinedAt: '1970-07-02', fullMemberAt: '1971-07-02' }),
    );
    const res = await town.get(`/api/v1/honors/medal50?orgId=${t.townA1}&year=2021`);
    expect(res.body.cutoff).toBe('1971-07-01');
    const ids = res.body.items.map((m: { id: number }) => m.id);
    expect(ids).toContain(onCutoff.body.id);
    expect(ids).not.toContain(dayLate.body.id);
    await town.patch(`/api/v1/members/${onCutoff.body.id}`, { exitType: 'deceased', exitAt: '2021-01-05' });
    const after = await town.get(`/api/v1/honors/medal50?orgId=${t.townA1}&year=2021`);
    expect(after.body.items.map((m: { id: number }) => m.id)).not.toContain(onCutoff.body.id);
    const ind = await town.get(`/api/v1/indicators?orgId=${t.townA1}&date=2021-06-30`);
    const value = (id: string) => ind.body.items.find((i: { id: string }) => i.id === id).value;
    // Deceased in January 2021: not on the roll on 30 June, so not counted.
    expect(value('member.medal50_eligible')).toBe(0);
  });
});

describe('纪念章 推荐 → 审核 → 颁发 (RULES.md §4)', () => {
  it('the township recommends, the county reviews with the 纪检 opinion and awards; the medal is on the record', async () => {
    const m = await town.post('/api/v1/members', memberBody());
    const before = await auditCount(h);
    const rec = await town.post('/api/v1/honors/medal50/cases', { memberId: m.body.id, year: 2021, date: '2021-05-10' });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ status: 'recommended', year: 2021, steps: [{ step: 1, orgName: '甲一镇党委' }] });
    // The township cannot review its own recommendation; another county does not even see it.
    const selfReview = await town.post(`/api/v1/honors/medal50/cases/${rec.body.id}/review`, {
      date: '2021-05-20',
      passed: true,
      disciplineOpinion: '无不良记录',
    });
    expect(selfReview.status).toBe(403);
    expect(selfReview.body.error.message).toContain('旗县级以上');
    expect((await otherCounty.get(`/api/v1/honors/medal50/cases/${rec.body.id}`)).status).toBe(404);
    // Award before review: refused with the order.
    const early = await county.post(`/api/v1/honors/medal50/cases/${rec.body.id}/award`, { date: '2021-06-28' });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('审核');
    const reviewed = await county.post(`/api/v1/honors/medal50/cases/${rec.body.id}/review`, {
      date: '2021-05-20',
      passed: true,
      disciplineOpinion: '旗纪委监委：无意见',
    });
    expect(reviewed.body).toMatchObject({ status: 'reviewed' });
    const awarded = await county.post(`/api/v1/honors/medal50/cases/${rec.body.id}/award`, { date: '2021-06-28' });
    expect(awarded.body).toMatchObject({ status: 'awarded', steps: [{ step: 1 }, { step: 2 }, { step: 3, date: '2021-06-28' }] });
    // Three steps, and the two refused attempts (a refused write is audited too).
    expect(await auditCount(h)).toBe(before + 5);
    const honors = await branch.get(`/api/v1/members/${m.body.id}/honors`);
    expect(honors.body.medal50).toMatchObject({
      year: 2021,
      status: 'awarded',
      steps: [{ step: 1 }, { step: 2 }, { step: 3, date: '2021-06-28' }],
    });
    // For life: not on a later year's list, and not recommended again.
    const list2022 = await town.get(`/api/v1/honors/medal50?orgId=${t.townA1}&year=2022`);
    expect(list2022.body.items.map((x: { id: number }) => x.id)).not.toContain(m.body.id);
    const again = await town.post('/api/v1/honors/medal50/cases', { memberId: m.body.id, year: 2022, date: '2022-05-10' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('每人只颁发一次');
    const ind = await town.get(`/api/v1/indicators?orgId=${t.townA1}&date=2021-12-31`);
    expect(ind.body.items.find((i: { id: string }) => i.id === 'honor.medal50_awarded').value).toBeGreaterThanOrEqual(1);
  });

  it('a branch alone cannot recommend, and a member short of 50 years is refused with the cutoff', async () => {
    const m = await town.post('/api/v1/members', memberBody());
    const byBranch = await branch.post('/api/v1/honors/medal50/cases', { memberId: m.body.id, year: 2021, date: '2021-05-10' });
    expect(byBranch.status).toBe(403);
    expect(byBranch.body.error.message).toContain('推荐');
    const young = await town.post(
      '/api/v1/members',
      memberBody({ idNumber: testIdNumber({ birth: '1950-03-01' }), joinedAt: '1971-07-02', fullMemberAt: '1972-07-02' }),
    );
    const res = await town.post('/api/v1/honors/medal50/cases', { memberId: young.body.id, year: 2022, date: '2022-05-10' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('1972-07-01');
  });

  it('a refused review ends the case as 未通过 with its reason; of two concurrent reviews exactly one wins', async () => {
    const a = await town.post('/api/v1/members', memberBody());
    const recA = await town.post('/api/v1/honors/medal50/cases', { memberId: a.body.id, year: 2021, date: '2021-05-10' });
    const noReason = await county.post(`/api/v1/honors/medal50/cases/${recA.body.id}/review`, {
      date: '2021-05-20',
      passed: false,
      disciplineOpinion: '正在立案审查',
    });
    expect(noReason.status).toBe(400);
    const rejected = await county.post(`/api/v1/honors/medal50/cases/${recA.body.id}/review`, {
      date: '2021-05-20',
      passed: false,
      disciplineOpinion: '正在立案审查',
      reason: '立案审查尚未结案',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected' });

    const b = await town.post('/api/v1/members', memberBody());
    const recB = await town.post('/api/v1/honors/medal50/cases', { memberId: b.body.id, year: 2021, date: '2021-05-10' });
    const review = { date: '2021-05-20', passed: true, disciplineOpinion: '无意见' };
    const both = await Promise.all([
      county.post(`/api/v1/honors/medal50/cases/${recB.body.id}/review`, review),
      county.post(`/api/v1/honors/medal50/cases/${recB.body.id}/review`, review),
    ]);
    // The loser either lost the race on the status (409) or already reads it as reviewed (422).
    const statuses = both.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 422]).toContain(statuses[1]);
    const [steps] = await rows<{ n: number }>(
      h.deps.db,
      sql`select count(*)::int as n from workflow_step where kind = 'medal50' and subject_id = ${recB.body.id}`,
    );
    expect(steps?.n).toBe(2);
  });
});

describe('表彰', () => {
  it('records a member honour and an org honour in scope, once each, and lists them by year and level', async () => {
    const m = await town.post(
      '/api/v1/members',
      memberBody({ idNumber: testIdNumber(), joinedAt: '2005-07-01', fullMemberAt: '2006-07-01' }),
    );
    const body = {
      title: 'excellent_member',
      level: 'region',
      year: 2021,
      memberId: m.body.id,
      conferredAt: '2021-06-28',
      conferredBy: '自治区党委',
    };
    const created = await town.post('/api/v1/honors/commendations', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ memberName: '额尔敦', orgId: t.branchA1, year: 2021 });
    expect((await town.post('/api/v1/honors/commendations', body)).status).toBe(409);
    const orgHonour = await county.post('/api/v1/honors/commendations', {
      title: 'advanced_org',
      level: 'city',
      year: 2021,
      orgId: t.branchA1,
      conferredAt: '2021-06-30',
    });
    expect(orgHonour.status).toBe(201);
    // Out of scope: another county can neither record nor list them.
    expect((await otherCounty.post('/api/v1/honors/commendations', { ...body, level: 'city' })).status).toBe(404);
    expect((await otherCounty.get(`/api/v1/honors/commendations?orgId=${t.townA1}`)).status).toBe(404);
    const list = await county.get(`/api/v1/honors/commendations?orgId=${t.countyA}&year=2021`);
    // Higher level first: the region's honour before the city's.
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([created.body.id, orgHonour.body.id]);
    const regional = await county.get(`/api/v1/honors/commendations?orgId=${t.countyA}&level=region`);
    expect(regional.body.items.map((c: { id: number }) => c.id)).not.toContain(orgHonour.body.id);
    expect((await branch.get(`/api/v1/members/${m.body.id}/honors`)).body.commendations).toHaveLength(1);
    const ind = await county.get(`/api/v1/indicators?orgId=${t.countyA}&date=2021-12-31`);
    const value = (id: string) => ind.body.items.find((i: { id: string }) => i.id === id).value;
    expect(value('honor.excellent_member.region')).toBe(1);
    expect(value('honor.advanced_org.city')).toBe(1);
  });
});
