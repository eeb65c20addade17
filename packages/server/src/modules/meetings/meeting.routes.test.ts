import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, auditCount, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let branch: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
const roll: number[] = [];
let probationer: number;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  other = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchB1 }])).cookie);
  const add = async (patch: Record<string, unknown>) =>
    (
      await branch.post('/api/v1/members', {
        name: '会议测试',
        gender: 'male',
        ethnicity: '蒙古族',
        idNumber: testIdNumber(),
        orgId: t.branchA1,
        joinedAt: '2010-07-01',
        fullMemberAt: '2011-07-01',
        status: 'full',
        ...patch,
      })
    ).body.id as number;
  for (let i = 0; i < 8; i++) roll.push(await add({}));
  probationer = await add({ joinedAt: '2026-01-10', fullMemberAt: undefined, status: 'probationary' });
});
afterAll(() => h.close());

describe('meetings (POST /api/v1/meetings, public contract)', () => {
  it('records a held 支委会 with attendees and absences, audited', async () => {
    const before = await auditCount(h);
    const res = await branch.post('/api/v1/meetings', {
      orgId: t.branchA1,
      type: 'committee',
      date: '2026-03-05',
      topic: '研究发展党员工作',
      attendeeIds: roll.slice(0, 3),
      absences: [{ memberId: roll[3], reason: '外出务工' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'committee', status: 'held', present: 3, shouldAttend: 4, quorumProblem: null });
    expect(await auditCount(h)).toBe(before + 1);
  });

  it('a 党员大会 counts voting members only: 4 of 8 full members is half, 3 plus a 预备党员 is not', async () => {
    const ok = await branch.post('/api/v1/meetings', {
      orgId: t.branchA1,
      type: 'general_assembly',
      date: '2026-02-20',
      attendeeIds: roll.slice(0, 4),
    });
    expect(ok.body).toMatchObject({ shouldAttend: 8, present: 4, quorumProblem: null });
    const short = await branch.post('/api/v1/meetings', {
      orgId: t.branchA1,
      type: 'general_assembly',
      date: '2026-05-20',
      attendeeIds: [...roll.slice(0, 3), probationer],
    });
    expect(short.status).toBe(201);
    expect(short.body.quorumProblem).toContain('第十一条');
  });

  it('refuses people not on the roll, a held meeting in the future, and another branch', async () => {
    const stranger = await branch.post('/api/v1/meetings', {
      orgId: t.branchA1,
      type: 'theme_day',
      date: '2026-03-01',
      attendeeIds: [999999],
    });
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body.error)).toContain('attendeeIds');
    const future = await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'theme_day', date: '2099-01-01' });
    expect(future.status).toBe(400);
    expect((await other.post('/api/v1/meetings', { orgId: t.branchA1, type: 'theme_day', date: '2026-03-01' })).status).toBe(404);
  });
});

describe('GET /api/v1/orgs/:id/compliance (public contract)', () => {
  it('lists what the branch owes with stable codes; a meeting recorded makes its finding disappear', async () => {
    h.setNow(new Date('2026-11-26T04:00:00Z'));
    try {
      const codes = async () =>
        (await branch.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`)).body.items.map(
          (i: { code: string; period: string }) => `${i.code}@${i.period}`,
        );
      const before = await codes();
      // The Q2 党员大会 lacked a quorum, so Q2 is still owed; Q1 was held validly.
      expect(before).toContain('meeting.general_assembly.quarter@2026-Q2');
      expect(before).not.toContain('meeting.general_assembly.quarter@2026-Q1');
      expect(before).toContain('meeting.committee.month@2026-08');
      expect(before).not.toContain('meeting.committee.month@2026-03');
      await branch.post('/api/v1/meetings', { orgId: t.branchA1, type: 'committee', date: '2026-08-12', attendeeIds: roll.slice(0, 3) });
      expect(await codes()).not.toContain('meeting.committee.month@2026-08');
      expect((await other.get(`/api/v1/orgs/${t.branchA1}/compliance?year=2026`)).status).toBe(404);
    } finally {
      h.setNow(undefined);
    }
  });
});

describe('planned meetings, then held (POST /api/v1/meetings/:id/held)', () => {
  it('a planned 主题党日 is recorded as held once, with its attendees; a second recording is refused', async () => {
    // Sessions idle out, so each day signs in afresh.
    const signIn = async (at: string, orgId = t.branchA1) => {
      h.setNow(new Date(at));
      return client(h, (await actorWith(h, [{ role: 'branch_admin', orgId }])).cookie);
    };
    try {
      let branch = await signIn('2026-12-01T02:00:00Z');
      const planned = await branch.post('/api/v1/meetings', {
        orgId: t.branchA1,
        type: 'theme_day',
        status: 'planned',
        date: '2026-12-05',
      });
      expect(planned.body).toMatchObject({ status: 'planned', present: null });
      const early = await branch.post(`/api/v1/meetings/${planned.body.id}/held`, { date: '2026-12-05', attendeeIds: roll.slice(0, 2) });
      expect(early.status).toBe(400);
      expect(early.body.error.details.field).toBe('date');
      branch = await signIn('2026-12-05T10:00:00Z');
      const [a, b] = await Promise.all([
        branch.post(`/api/v1/meetings/${planned.body.id}/held`, { date: '2026-12-05', attendeeIds: roll.slice(0, 5), topic: '学习党章' }),
        branch.post(`/api/v1/meetings/${planned.body.id}/held`, { date: '2026-12-05', attendeeIds: roll.slice(0, 4) }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const held = a.status === 200 ? a : b;
      expect(held.body).toMatchObject({ id: planned.body.id, status: 'held', type: 'theme_day' });
      const detail = await branch.get(`/api/v1/meetings/${planned.body.id}`);
      expect(detail.body.people.filter((p: { present: boolean }) => p.present)).toHaveLength(held.body.present);
      const outsider = await signIn('2026-12-05T10:00:00Z', t.branchB1);
      expect((await outsider.post(`/api/v1/meetings/${planned.body.id}/held`, { date: '2026-12-05' })).status).toBe(404);
    } finally {
      h.setNow(undefined);
    }
  });
});
