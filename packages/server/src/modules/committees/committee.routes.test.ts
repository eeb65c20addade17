import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../platform/jobs.js';
import {
  actorWith,
  auditCount,
  buildTree,
  client,
  createHarness,
  type Harness,
  type TestTree,
  testIdNumber,
  uniqueCode,
} from '../../test/harness.js';
import { complianceScan } from '../meetings/compliance.js';

let h: Harness;
let t: TestTree;
let branch: ReturnType<typeof client>;
let county: ReturnType<typeof client>;
let town: ReturnType<typeof client>;
const roll: number[] = [];
let probationer: number;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  h.setNow(new Date('2026-11-26T04:00:00Z'));
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  county = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyB }])).cookie);
  for (let i = 0; i < 8; i++) {
    const res = await branch.post('/api/v1/members', {
      name: `支委${i}`,
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchA1,
      joinedAt: '2005-07-01',
      fullMemberAt: '2006-07-01',
      status: 'full',
    });
    roll.push(res.body.id);
  }
  probationer = (
    await branch.post('/api/v1/members', {
      name: '预备',
      gender: 'female',
      ethnicity: '蒙古族',
      idNumber: testIdNumber({ gender: 'female' }),
      orgId: t.branchA1,
      joinedAt: '2026-03-01',
      status: 'probationary',
    })
  ).body.id;
});
afterAll(() => h.close());

const committeeOf = (ids: number[], electedAt = '2021-06-20') => ({
  kind: 'committee',
  electedAt,
  members: [
    { memberId: ids[0], post: 'secretary' },
    { memberId: ids[1], post: 'organization' },
    { memberId: ids[2], post: 'propaganda' },
  ],
});
const codes = async () =>
  ((await branch.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`)).body.items as { code: string; period: string }[]).map(
    (i) => `${i.code}@${i.period}`,
  );

describe('committees and terms (支部工作条例第六章; 任期意见; 选举工作条例第三条)', () => {
  it('before an election is recorded the branch is flagged; an election is audited and shows its term', async () => {
    expect(await codes()).toContain('term.unrecorded@2026');
    const refused = await branch.post(`/api/v1/orgs/${t.branchA1}/committee`, {
      ...committeeOf(roll),
      members: [...committeeOf(roll).members, { memberId: probationer, post: 'member' }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('预备党员没有选举权和被选举权');
    const before = await auditCount(h);
    const res = await branch.post(`/api/v1/orgs/${t.branchA1}/committee`, committeeOf(roll));
    expect(res.status).toBe(201);
    expect(await auditCount(h)).toBe(before + 1);
    // A village branch serves 5 years: elected 2021-06-20, due 2026-06-20, overdue on 2026-11-26.
    expect(res.body.current).toMatchObject({ kind: 'committee', term: { endsAt: '2026-06-20', status: 'overdue' } });
    expect(res.body.current.members.map((m: { post: string }) => m.post)).toEqual(['secretary', 'organization', 'propaganda']);
    const now = await codes();
    expect(now).not.toContain('term.unrecorded@2026');
    expect(now).toContain('term.overdue@2026');
  });

  it('the 上级 records an approved delay (at most a year); the branch itself cannot', async () => {
    const body = { adjustmentMonths: 11, reason: '旗委组织部批复延期换届' };
    expect((await branch.put(`/api/v1/orgs/${t.branchA1}/committee/adjustment`, body)).status).toBe(403);
    expect((await county.put(`/api/v1/orgs/${t.branchA1}/committee/adjustment`, body)).status).toBe(404);
    expect((await town.put(`/api/v1/orgs/${t.branchA1}/committee/adjustment`, { ...body, adjustmentMonths: 13 })).status).toBe(400);
    const ok = await town.put(`/api/v1/orgs/${t.branchA1}/committee/adjustment`, body);
    expect(ok.status).toBe(200);
    expect(ok.body.current.term).toMatchObject({ endsAt: '2027-05-20', status: 'due_soon' });
    expect(await codes()).toContain('term.due_soon@2026');
  });

  it('a 换届 replaces the committee; of two concurrent elections exactly one is stored', async () => {
    // The nightly scan reminds the township of the term ending, once.
    const first = await runJob(h.deps, complianceScan);
    expect(first.raised).toBeGreaterThanOrEqual(1);
    expect((await runJob(h.deps, complianceScan)).raised).toBe(0);
    const termReminders = async (status: 'open' | 'resolved') =>
      ((await town.get(`/api/v1/reminders?status=${status}`)).body.items as { kind: string; subjectId: number; dueDate: string }[]).filter(
        (r) => r.kind === 'term' && r.subjectId === t.branchA1,
      );
    expect((await termReminders('open')).map((r) => r.dueDate)).toEqual(['2027-05-20']);
    const [a, b] = await Promise.all([
      branch.post(`/api/v1/orgs/${t.branchA1}/committee`, committeeOf(roll.slice(3), '2026-11-20')),
      branch.post(`/api/v1/orgs/${t.branchA1}/committee`, committeeOf(roll.slice(4), '2026-11-20')),
    ]);
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1);
    const view = (await branch.get(`/api/v1/orgs/${t.branchA1}/committee`)).body;
    expect(view.history).toHaveLength(1);
    expect(view.current.term.status).toBe('ok');
    expect(await codes()).not.toContain('term.overdue@2026');
    await runJob(h.deps, complianceScan);
    expect(await termReminders('open')).toEqual([]);
    expect(await termReminders('resolved')).toHaveLength(1);
    const older = await branch.post(`/api/v1/orgs/${t.branchA1}/committee`, committeeOf(roll, '2026-01-01'));
    expect(older.status).toBe(400);
    expect(older.body.error.details.field).toBe('electedAt');
  });

  it('a 支委会 counts its quorum against the committee in office', async () => {
    const committee = (await branch.get(`/api/v1/orgs/${t.branchA1}/committee`)).body.current.members.map(
      (m: { memberId: number }) => m.memberId,
    );
    const one = await branch.post('/api/v1/meetings', {
      orgId: t.branchA1,
      type: 'committee',
      date: '2026-11-24',
      attendeeIds: [committee[0], roll[0]],
    });
    expect(one.body).toMatchObject({ shouldAttend: 3, present: 1 });
    expect(one.body.quorumProblem).toContain('第十二条');
  });

  it('a 党小组 owes its monthly meeting from its setting up; a 党小组会 names its group', async () => {
    const g = await branch.post(`/api/v1/orgs/${t.branchA1}/groups`, { name: '第一党小组', leaderId: roll[0] });
    expect(g.status).toBe(201);
    expect((await branch.post(`/api/v1/orgs/${t.branchA1}/groups`, { name: '第一党小组' })).status).toBe(409);
    // Set up in November: October's 党小组会 is not owed.
    expect((await codes()).filter((c) => c.startsWith('meeting.group.month'))).toEqual([]);
    const noGroup = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'group', date: '2026-10-10' });
    expect(noGroup.body.error.details.field).toBe('groupId');
    const held = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'group', date: '2026-11-10', groupId: g.body.id });
    expect(held.body).toMatchObject({ type: 'group', groupId: g.body.id });
  });

  it('the township table rolls up the snapshots of its branches', async () => {
    const res = await town.get(`/api/v1/compliance/summary?orgId=${t.townA1}&year=2026`);
    expect(res.status).toBe(200);
    const self = res.body.items.find((i: { orgId: number }) => i.orgId === t.townA1);
    const b = res.body.items.find((i: { orgId: number }) => i.orgId === t.branchA1);
    expect(b).toMatchObject({ branches: 1, branchesBehind: 1, termsOverdue: 0 });
    expect(b.meetingsOwed).toBeGreaterThan(0);
    expect(b.meetingsOwed).toBeLessThanOrEqual(b.meetingsRequired);
    expect(self.branches).toBeGreaterThanOrEqual(1);
    const list = await town.get(`/api/v1/compliance/branches?orgId=${t.townA1}&year=2026&code=meeting.theme_day.month`);
    expect(list.body.items.map((i: { orgId: number }) => i.orgId)).toContain(t.branchA1);
    expect((await county.get(`/api/v1/compliance/summary?orgId=${t.townA1}&year=2026`)).status).toBe(404);
  });

  it("the 组织生活 indicators are the same computed now or read from the day's snapshots", async () => {
    const ids = ['life.completion_rate', 'life.branches_behind', 'life.terms_overdue', 'life.terms_due_soon'];
    const values = async () =>
      Promise.all(
        ids.map(async (id) => (await town.get(`/api/v1/indicators/${id}?orgId=${t.townA1}&date=2026-11-26`)).body.value as number),
      );
    const now = await values();
    // The branch has held nothing valid in a finished period yet: 0 %, one branch behind.
    expect(now.slice(0, 2)).toEqual([0, 1]);
    await runJob(h.deps, complianceScan);
    expect(await values()).toEqual(now);
    // Meetings held count valid ones only: the 支委会 lacked a quorum; the 党小组会 counts.
    const held = async (type: string) =>
      (await town.get(`/api/v1/indicators/life.meetings.${type}?orgId=${t.townA1}&date=2026-11-26`)).body.value as number;
    expect([await held('committee'), await held('group')]).toEqual([0, 1]);
  });
});

describe('joint branches (支部工作条例第五条)', () => {
  it('a 联合党支部 covering more than 5 units is flagged; 5 is within the rule', async () => {
    const created = await town.post('/api/v1/orgs', {
      parentId: t.townA1,
      name: '甲一镇联合党支部',
      code: uniqueCode('J'),
      type: 'joint_branch',
      domain: 'village',
      unitsCovered: 6,
    });
    expect(created.status).toBe(201);
    expect(created.body.unitsCovered).toBe(6);
    const codes = async () =>
      ((await town.get(`/api/v1/orgs/${created.body.id}/compliance?year=2026`)).body.items as { code: string }[]).map((i) => i.code);
    expect(await codes()).toContain('setup.joint_units');
    expect((await town.patch(`/api/v1/orgs/${created.body.id}`, { unitsCovered: 0 })).status).toBe(400);
    expect((await town.patch(`/api/v1/orgs/${created.body.id}`, { unitsCovered: 5 })).status).toBe(200);
    expect(await codes()).not.toContain('setup.joint_units');
  });
});

describe('meeting attachments (type sniffed, size-limited, scoped)', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  it('keeps a photo of the sign-in sheet and serves it only within scope', async () => {
    const m = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'theme_day', date: '2026-11-02' });
    const up = await branch.upload(`/api/v1/meetings/${m.body.id}/attachments`, PNG, '签到表.jpg', 'image/jpeg');
    expect(up.status).toBe(201);
    // The bytes decide the type, not the name or the browser.
    expect(up.body).toMatchObject({ contentType: 'image/png', fileName: '签到表.jpg', sizeBytes: PNG.length });
    const got = await branch.get(`/api/v1/attachments/${up.body.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.rawPayload.equals(PNG)).toBe(true);
    expect(got.raw.headers['x-content-type-options']).toBe('nosniff');
    expect((await county.get(`/api/v1/attachments/${up.body.id}`)).status).toBe(404);
    const detail = await branch.get(`/api/v1/meetings/${m.body.id}`);
    expect(detail.body.files).toHaveLength(1);
    expect((await county.get(`/api/v1/meetings/${m.body.id}`)).status).toBe(404);
  });
  it('refuses a file that is not an image or a PDF, whatever its name, and stores nothing', async () => {
    const m = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'theme_day', date: '2026-10-02' });
    const html = await branch.upload(
      `/api/v1/meetings/${m.body.id}/attachments`,
      Buffer.from('<html><script>alert(1)</script>'),
      'x.png',
      'image/png',
    );
    expect(html.status).toBe(400);
    expect(html.body.error.message).toContain('PDF');
    expect((await branch.get(`/api/v1/meetings/${m.body.id}`)).body.files).toHaveLength(0);
    expect((await county.upload(`/api/v1/meetings/${m.body.id}/attachments`, PNG, 'a.png')).status).toBe(404);
  });
});
