import { GRADING_STEPS, REVIEW_STEPS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let city: ReturnType<typeof client>;
let countyA: ReturnType<typeof client>;
let townA1: ReturnType<typeof client>;
let branchA1: ReturnType<typeof client>;
let branchB1: ReturnType<typeof client>;
const anonymous = () => client(h);

const at = (day: string) => h.setNow(new Date(`${day}T04:00:00Z`));
const signIn = async () => {
  city = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
  countyA = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyA }])).cookie);
  townA1 = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  branchA1 = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  branchB1 = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchB1 }])).cookie);
};

beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  at('2026-11-26');
  await signIn();
});
afterAll(() => h.close());

const grading = {
  programme: 'branch_grading',
  name: '测试党支部分类定级',
  year: 2026,
  orgTypes: ['branch'],
  criteria: [
    { key: 'meetings', text: '按期召开三会一课', maxDeduction: 20, binding: 'life.completion_rate' },
    { key: 'dues', text: '按月足额交纳党费', maxDeduction: 10, binding: 'dues.paid_rate' },
    { key: 'discipline', text: '班子成员无违纪违法', maxDeduction: 0, veto: true },
  ],
  levels: [
    { key: 'strongest', name: '最强党支部', minScore: 95 },
    { key: 'standard', name: '标准党支部', minScore: 85 },
    { key: 'qualified', name: '合格党支部', minScore: 70 },
    { key: 'weak', name: '后进党支部', minScore: 0 },
  ],
  vetoCap: 'weak',
  topQuotaPercent: 50,
  steps: GRADING_STEPS,
};
const windows = [
  { opensAt: '2026-11-01', closesAt: '2026-11-30' },
  { opensAt: '2026-11-01', closesAt: '2026-12-05' },
  { opensAt: '2026-11-01', closesAt: '2026-12-10' },
  { opensAt: '2026-11-01', closesAt: '2026-12-15' },
];

const entryOf = async (c: ReturnType<typeof client>, roundId: number, orgId: number) => {
  const res = await c.get(`/api/v1/evaluation/rounds/${roundId}/entries?orgId=${orgId}`);
  return res.body.items[0] as { id: number; stage: number; level: string | null; resultHidden: boolean; rank: number | null };
};

describe('分类定级, one round end to end', () => {
  let schemeId: number;
  let roundId: number;
  let entryA: number;
  let entryB: number;

  it('starts a round on a scheme, taking in every branch, and freezes the scheme', async () => {
    const s = await city.post('/api/v1/evaluation/schemes', { orgId: t.city, scheme: grading });
    expect(s.status).toBe(201);
    schemeId = s.body.id;
    expect(s.body.locked).toBe(false);
    const bad = await city.post('/api/v1/evaluation/rounds', {
      schemeId,
      orgId: t.city,
      name: '2026年分类定级',
      windows: windows.slice(0, 2),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('本方案有4个需要起止日期的环节，填写了2个');
    const r = await city.post('/api/v1/evaluation/rounds', { schemeId, orgId: t.city, name: '2026年分类定级', windows });
    expect(r.status).toBe(201);
    expect(r.body.entries).toBe(2);
    roundId = r.body.id;
    const edit = await city.put(`/api/v1/evaluation/schemes/${schemeId}`, { ...grading, name: '改名' });
    expect(edit.status).toBe(422);
    expect(edit.body.error.message).toContain('方案已用于轮次「2026年分类定级」，不能再修改');
    const copy = await city.post(`/api/v1/evaluation/schemes/${schemeId}/copy`, { year: 2027, name: '2027年党支部分类定级' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ year: 2027, copiedFrom: schemeId, locked: false, criteria: grading.criteria });
    // A county reads the city's scheme but may not edit it; it may copy it as its own.
    const seen = await countyA.get(`/api/v1/evaluation/schemes/${schemeId}`);
    expect(seen.body).toMatchObject({ abilities: { canManage: false }, locked: true });
    expect((await countyA.post(`/api/v1/evaluation/schemes/${schemeId}/copy`, { year: 2027, name: '甲旗分类定级' })).status).toBe(404);
    const own = await countyA.post(`/api/v1/evaluation/schemes/${schemeId}/copy`, { year: 2027, name: '甲旗分类定级', orgId: t.countyA });
    expect(own.body).toMatchObject({ abilities: { canManage: true }, orgId: t.countyA, locked: false });
    entryA = (await entryOf(branchA1, roundId, t.branchA1)).id;
    entryB = (await entryOf(branchB1, roundId, t.branchB1)).id;
    // A branch sees its own entry only: the other is out of scope.
    expect((await branchA1.get(`/api/v1/evaluation/entries/${entryB}`)).status).toBe(404);
  });

  it('takes the self-assessment once, reading the bound figures from the records', async () => {
    const early = await townA1.post(`/api/v1/evaluation/entries/${entryA}/review`, { deductions: {} });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe('当前处于「党支部自评」环节，不能办理「基层党委(工委)评定」');
    const self = await branchA1.post(`/api/v1/evaluation/entries/${entryA}/self`, {
      items: [{ key: 'meetings', deduction: 2, note: '7月支委会未召开' }],
      summary: '全年按期召开三会一课，党费按月交纳。',
    });
    expect(self.status).toBe(200);
    expect(self.body.selfScore).toBe(98);
    expect(self.body.evidence.map((e: { binding: string }) => e.binding)).toEqual(['life.completion_rate', 'dues.paid_rate']);
    // Two filings of one step at once: exactly one is recorded.
    const both = await Promise.all([
      branchB1.post(`/api/v1/evaluation/entries/${entryB}/self`, { summary: '第一份' }),
      branchB1.post(`/api/v1/evaluation/entries/${entryB}/self`, { summary: '第二份' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    const again = await branchA1.post(`/api/v1/evaluation/entries/${entryA}/self`, { summary: '再交一次' });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe('当前处于「党员群众测评」环节，不能办理「党支部自评」');
  });

  it('takes one anonymous ballot per code, also when the same code votes twice at once', async () => {
    const issued = await branchA1.post(`/api/v1/evaluation/entries/${entryA}/codes`, { count: 3 });
    expect(issued.status).toBe(200);
    const [c1, c2, c3] = issued.body.codes as string[];
    const info = await anonymous().get(`/api/v1/ballots/${c1}`);
    expect(info.body).toMatchObject({ orgName: '甲一村党支部', refusal: null });
    expect((await anonymous().post('/api/v1/ballots', { code: c1, choice: 'good' })).status).toBe(201);
    const second = await anonymous().post('/api/v1/ballots', { code: c1, choice: 'poor' });
    expect(second.status).toBe(422);
    expect(second.body.error.message).toBe('该测评码已投过票，每个测评码只能投一次');
    const both = await Promise.all([
      anonymous().post('/api/v1/ballots', { code: c2, choice: 'fairly_good' }),
      anonymous().post('/api/v1/ballots', { code: c2, choice: 'fairly_good' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    expect((await anonymous().post('/api/v1/ballots', { code: 'ABCDEFGHJK', choice: 'good' })).status).toBe(404);
    const closed = await branchA1.post(`/api/v1/evaluation/entries/${entryA}/ballot/close`);
    expect(closed.body).toMatchObject({ total: 2, codesIssued: 3, codesUsed: 2, counts: { good: 1, fairly_good: 1 } });
    // The step is over: the unused code no longer works.
    const late = await anonymous().post('/api/v1/ballots', { code: c3, choice: 'good' });
    expect(late.status).toBe(422);
    expect(late.body.error.message).toBe('本次测评已结束，测评码已失效');
  });

  it('has the township score item by item and never the branch itself', async () => {
    expect((await branchA1.get(`/api/v1/evaluation/entries/${entryA}`)).body).toMatchObject({
      mayAct: false,
      whyNot: '「基层党委评定」由参评党组织的上级党(工)委办理，不能由本组织自行评定',
    });
    expect((await townA1.get(`/api/v1/evaluation/entries/${entryA}`)).body).toMatchObject({ mayAct: true, whyNot: null });
    const own = await branchA1.post(`/api/v1/evaluation/entries/${entryA}/review`, { deductions: {} });
    expect(own.status).toBe(403);
    const over = await townA1.post(`/api/v1/evaluation/entries/${entryA}/review`, { deductions: { dues: 12 } });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ message: '「按月足额交纳党费」最多扣10分，填写了12分', details: { field: 'deductions.dues' } });
    const ok = await townA1.post(`/api/v1/evaluation/entries/${entryA}/review`, { deductions: { meetings: 2, dues: 1.5 } });
    expect(ok.body).toMatchObject({ score: 96.5, level: 'strongest' });
    // Hidden from the branch until approval ends.
    expect(await entryOf(branchA1, roundId, t.branchA1)).toMatchObject({ resultHidden: true, level: null });
    expect(await entryOf(townA1, roundId, t.branchA1)).toMatchObject({ resultHidden: false, level: 'strongest', rank: 1 });
  });

  it('is approved above the township, within the quota, then published after 公示', async () => {
    const byTown = await townA1.post(`/api/v1/evaluation/rounds/${roundId}/approve`, { entryIds: [entryA] });
    expect(byTown.status).toBe(403);
    const quota = await countyA.post(`/api/v1/evaluation/rounds/${roundId}/approve`, { entryIds: [entryA] });
    expect(quota.status).toBe(422);
    expect(quota.body.error.message).toBe('「最强党支部」比例不得超过50%：本范围1个，最多0个，审定后将有1个');
    expect((await countyA.post(`/api/v1/evaluation/entries/${entryA}/return`, { note: '请核实党费交纳情况' })).status).toBe(200);
    await townA1.post(`/api/v1/evaluation/entries/${entryA}/review`, { deductions: { meetings: 2, dues: 5 } });
    const approved = await countyA.post(`/api/v1/evaluation/rounds/${roundId}/approve`, { entryIds: [entryA] });
    expect(approved.body).toEqual({ approved: 1, publicityTo: '2026-12-02' });
    expect(await entryOf(branchA1, roundId, t.branchA1)).toMatchObject({ resultHidden: false, level: 'standard' });

    const objected = await countyA.post(`/api/v1/evaluation/entries/${entryA}/objections`, {
      text: '该支部党费收缴台账不全',
      raisedBy: '匿名',
    });
    expect(objected.status).toBe(201);
    const objectionId = objected.body.objections[0].id;
    at('2026-12-03');
    await signIn();
    expect((await city.post(`/api/v1/evaluation/rounds/${roundId}/publish`)).body).toEqual({ published: 0, waiting: 0, objections: 1 });
    await countyA.post(`/api/v1/evaluation/objections/${objectionId}/answer`, { decision: 'dismissed', answer: '经核查台账齐全' });
    expect((await city.get(`/api/v1/indicators/eval.graded?orgId=${t.city}&date=2026-12-03`)).body.value).toBe(0);
    expect((await city.post(`/api/v1/evaluation/rounds/${roundId}/publish`)).body).toEqual({ published: 1, waiting: 0, objections: 0 });
    const figures = await city.get(`/api/v1/indicators?orgId=${t.city}&date=2026-12-03`);
    const value = (id: string) => figures.body.items.find((i: { id: string }) => i.id === id)?.value;
    expect([value('eval.graded'), value('eval.grade_standard'), value('eval.strongest')]).toEqual([1, 1, 0]);
    const years = await countyA.get(`/api/v1/evaluation/compare?programme=branch_grading&orgId=${t.countyA}`);
    expect(years.body.items).toEqual([{ year: 2026, entries: 1, flags: 0, byKey: { standard: 1 } }]);
    const history = await branchA1.get(`/api/v1/orgs/${t.branchA1}/evaluations`);
    expect(history.body.items[0]).toMatchObject({ levelName: '标准党支部', score: 93, year: 2026, finalAt: '2026-12-03' });
  });

  it('refuses a step after its window closed', async () => {
    at('2026-12-06');
    await signIn();
    const late = await branchB1.post(`/api/v1/evaluation/entries/${entryB}/codes`, { count: 5 });
    expect(late.status).toBe(422);
    expect(late.body.error.message).toBe('「党员群众测评」环节已于2026-12-05截止');
  });
});

describe('「五面红旗」: declare, 书记比武, judged per flag, named with the subsidy', () => {
  const flags = {
    programme: 'red_flags',
    name: '测试五面红旗',
    year: 2027,
    domains: ['village'],
    criteria: [
      { key: 'pb1', text: '党组织班子坚强有力，三会一课规范', flag: 'party_building', binding: 'life.completion_rate' },
      { key: 'pr1', text: '村集体经济收入达到10万元以上', flag: 'prosperity' },
      { key: 'in1', text: '形成一项主导产业', flag: 'industry' },
    ],
    flags: [
      { key: 'party_building', name: '党建示范' },
      { key: 'prosperity', name: '脱贫致富' },
      { key: 'industry', name: '产业兴旺' },
    ],
    flagCap: 2,
    subsidyPerFlag: '10000.00',
    steps: [
      { kind: 'self', name: '申报争创及自评' },
      { kind: 'contest', name: '党委摆擂、书记比武' },
      { kind: 'review', name: '苏木乡镇党委评定' },
      { kind: 'approve', name: '市旗评判审定' },
      { kind: 'publicity', name: '公示' },
    ],
  };
  let roundId: number;
  let entry: number;

  it('runs from declaration to the finance list', async () => {
    at('2027-04-01');
    await signIn();
    const s = await city.post('/api/v1/evaluation/schemes', { orgId: t.city, scheme: flags });
    expect(s.status).toBe(201);
    const w = { opensAt: '2027-03-01', closesAt: '2027-06-30' };
    // Money leaves as yuan; the stored definition keeps integer fen.
    expect(s.body.subsidyPerFlag).toBe('10000.00');
    expect(s.body).not.toHaveProperty('subsidyPerFlagFen');
    const [stored] = await rows<{ fen: number }>(
      h.deps.db,
      sql`select (definition->>'subsidyPerFlagFen')::int as fen from scheme where id = ${s.body.id}`,
    );
    expect(stored?.fen).toBe(1_000_000);
    const r = await city.post('/api/v1/evaluation/rounds', {
      schemeId: s.body.id,
      orgId: t.city,
      name: '2027年五面红旗',
      windows: [w, w, w, w],
      publicityDays: 5,
    });
    expect(r.body.entries).toBe(1); // the village branch; the community branch is not a 嘎查村
    expect(r.body.subsidyPerFlag).toBe('10000.00');
    roundId = r.body.id;
    entry = (await entryOf(branchA1, roundId, t.branchA1)).id;

    const three = await branchA1.post(`/api/v1/evaluation/entries/${entry}/self`, {
      flags: ['party_building', 'prosperity', 'industry'],
      summary: '申报',
    });
    expect(three.status).toBe(422);
    expect(three.body.error.message).toBe('每个组织每轮最多争创2面红旗，申报了3面');
    expect(
      (
        await branchA1.post(`/api/v1/evaluation/entries/${entry}/self`, {
          flags: ['party_building', 'prosperity'],
          summary: '申报党建示范、脱贫致富',
        })
      ).status,
    ).toBe(200);

    for (const [judge, score] of [
      ['评委一', 95],
      ['评委二', 88],
      ['评委三', 90],
      ['评委四', 60],
      ['评委五', 92],
    ] as const)
      expect((await townA1.post(`/api/v1/evaluation/entries/${entry}/contest-scores`, { judge, score })).status).toBe(201);
    const twice = await townA1.post(`/api/v1/evaluation/entries/${entry}/contest-scores`, { judge: '评委一', score: 80 });
    expect(twice.status).toBe(409);
    expect((await townA1.post(`/api/v1/evaluation/entries/${entry}/contest/close`)).body.mean).toBe(90);

    const undeclared = await townA1.post(`/api/v1/evaluation/entries/${entry}/review`, { met: ['in1'], flags: ['industry'] });
    expect(undeclared.body.error.message).toBe('「industry」未申报，不能评定');
    const unmet = await townA1.post(`/api/v1/evaluation/entries/${entry}/review`, {
      met: ['pb1'],
      flags: ['party_building', 'prosperity'],
    });
    expect(unmet.body.error.message).toBe('「脱贫致富」的指标未全部达标，不能评定');
    const judged = await townA1.post(`/api/v1/evaluation/entries/${entry}/review`, { met: ['pb1'], flags: ['party_building'] });
    expect(judged.body).toMatchObject({ flags: ['party_building'], score: 90 });
    expect((await countyA.post(`/api/v1/evaluation/rounds/${roundId}/approve`, { entryIds: [entry] })).body.publicityTo).toBe('2027-04-05');

    at('2027-04-06');
    await signIn();
    expect((await city.post(`/api/v1/evaluation/rounds/${roundId}/publish`)).body.published).toBe(1);
    const list = await city.get(`/api/v1/evaluation/rounds/${roundId}/subsidy`);
    expect(list.body).toMatchObject({
      perFlag: '10000.00',
      total: '10000.00',
      flags: 1,
      items: [{ orgName: '甲一村党支部', flagNames: ['党建示范'], amount: '10000.00' }],
    });
    expect(list.body.items[0]).not.toHaveProperty('amountFen');
    const xlsx = await city.get(`/api/v1/evaluation/rounds/${roundId}/subsidy/export`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml');
    const figures = await city.get(`/api/v1/indicators?orgId=${t.city}&date=2027-04-06`);
    const value = (id: string) => figures.body.items.find((i: { id: string }) => i.id === id)?.value;
    expect([value('eval.flags_named'), value('eval.flag_villages'), value('eval.flag.party_building'), value('eval.flag_subsidy')]).toEqual(
      [1, 1, 1, '10000.00'],
    );
  });
});

describe('a scheme’s money is yuan at the API', () => {
  const scheme = (subsidyPerFlag: unknown, name: string) => ({
    programme: 'red_flags',
    name,
    year: 2030,
    criteria: [{ key: 'pb1', text: '班子坚强有力', flag: 'party_building' }],
    flags: [{ key: 'party_building', name: '党建示范' }],
    subsidyPerFlag,
    steps: [
      { kind: 'self', name: '自评' },
      { kind: 'review', name: '评定' },
      { kind: 'approve', name: '审定' },
      { kind: 'publicity', name: '公示' },
    ],
  });

  it('takes "2999.99" or 2999.99 alike and refuses a third decimal, a negative or too much, by the field, saving nothing', async () => {
    const ok = await city.post('/api/v1/evaluation/schemes', { orgId: t.city, scheme: scheme(2999.99, '金额方案一') });
    expect(ok.status).toBe(201);
    expect(ok.body.subsidyPerFlag).toBe('2999.99');
    const edited = await city.put(`/api/v1/evaluation/schemes/${ok.body.id}`, scheme('0.5', '金额方案一'));
    expect(edited.body.subsidyPerFlag).toBe('0.50');
    for (const [bad, message] of [
      ['10.001', '每面补贴最多保留两位小数（分），如 2999.99'],
      ['-1', '每面补贴不能为负数'],
      ['1000000.01', '每面补贴不能超过1000000.00元'],
    ] as const) {
      const refused = await city.post('/api/v1/evaluation/schemes', { orgId: t.city, scheme: scheme(bad, `金额方案${bad}`) });
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.message, bad).toContain(message);
    }
    const names = (await city.get('/api/v1/evaluation/schemes?year=2030')).body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(['金额方案一']);
  });
});

describe('述职评议: the rating goes into the secretary’s record', () => {
  it('rates the branch’s report and shows it with the member who was 书记', async () => {
    at('2028-03-01');
    await signIn();
    const ids: number[] = [];
    for (const name of ['书记甲', '委员乙', '党员丙']) {
      const m = await branchA1.post('/api/v1/members', {
        name,
        gender: 'male',
        ethnicity: '蒙古族',
        idNumber: testIdNumber(),
        orgId: t.branchA1,
        joinedAt: '2001-07-01',
        fullMemberAt: '2002-07-01',
        status: 'full',
      });
      ids.push(m.body.id);
    }
    const elected = await branchA1.post(`/api/v1/orgs/${t.branchA1}/committee`, {
      kind: 'secretary',
      electedAt: '2027-06-01',
      members: [{ memberId: ids[0], post: 'secretary' }],
    });
    expect(elected.status).toBe(201);
    const scheme = await city.post('/api/v1/evaluation/schemes', {
      orgId: t.city,
      scheme: {
        programme: 'secretary_review',
        name: '2027年度村党组织书记述职评议',
        year: 2027,
        domains: ['village'],
        orgTypes: ['branch'],
        criteria: [{ key: 'r1', text: '履行第一责任人职责' }],
        steps: REVIEW_STEPS,
      },
    });
    expect(scheme.status).toBe(201);
    const w = { opensAt: '2028-02-01', closesAt: '2028-03-31' };
    const round = await townA1.post('/api/v1/evaluation/rounds', {
      schemeId: scheme.body.id,
      orgId: t.townA1,
      name: '2027年度村党组织书记述职评议',
      windows: [w, w, w, w],
      publicityDays: 3,
    });
    expect(round.status).toBe(201);
    const entry = (await entryOf(branchA1, round.body.id, t.branchA1)).id;
    await branchA1.post(`/api/v1/evaluation/entries/${entry}/self`, { summary: '述职报告：抓党建工作情况' });
    const [code] = (await branchA1.post(`/api/v1/evaluation/entries/${entry}/codes`, { count: 1 })).body.codes;
    await anonymous().post('/api/v1/ballots', { code, choice: 'good' });
    await branchA1.post(`/api/v1/evaluation/entries/${entry}/ballot/close`);
    expect((await townA1.post(`/api/v1/evaluation/entries/${entry}/review`, { rating: 'good' })).body.rating).toBe('good');
    expect((await countyA.post(`/api/v1/evaluation/rounds/${round.body.id}/approve`, { entryIds: [entry] })).status).toBe(200);
    at('2028-03-05');
    await signIn();
    expect((await countyA.post(`/api/v1/evaluation/rounds/${round.body.id}/publish`)).body.published).toBe(1);
    const record = await branchA1.get(`/api/v1/members/${ids[0]}/reviews`);
    expect(record.body.items).toEqual([
      { roundName: '2027年度村党组织书记述职评议', year: 2027, orgName: '甲一村党支部', rating: 'good', finalAt: '2028-03-05' },
    ]);
    expect((await branchA1.get(`/api/v1/members/${ids[1]}/reviews`)).body.items).toEqual([]);
  });
});
