import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let branch: ReturnType<typeof client>;
let township: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  township = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
});
afterAll(() => h.close());

const vote = { shouldAttend: 20, present: 15, yes: 14, writtenYes: 1 };

/** The 25 steps with dates that keep every time rule; the committee records 4, 8, 11, 13, 16, 17, 18, 24. */
const PLAN: [number, string, Record<string, unknown>?][] = [
  [2, '2022-01-20'],
  [3, '2022-03-01'],
  [4, '2022-03-05'],
  [5, '2022-03-06'],
  [6, '2022-09-01'],
  [7, '2023-03-01'],
  [8, '2023-03-05'],
  [9, '2023-03-10', { introducers: 2 }],
  [10, '2023-04-01'],
  [11, '2023-05-01', { trainingDays: 3 }],
  [12, '2023-05-10'],
  [13, '2023-05-20'],
  [14, '2023-05-25'],
  [15, '2023-06-01', { vote }],
  [16, '2023-06-10'],
  [17, '2023-07-01'],
  [18, '2023-07-05'],
  [19, '2023-07-06'],
  [20, '2023-07-07'],
  [21, '2024-01-01'],
  [22, '2024-05-01'],
  [23, '2024-06-01', { vote, outcome: 'full' }],
  [24, '2024-07-01'],
  [25, '2024-07-10'],
];
const COMMITTEE_STEPS = new Set([4, 8, 11, 13, 16, 17, 18, 24]);

describe('发展党员 through the 25 steps', () => {
  it('walks one applicant from application to full member, refusing what the rules refuse', async () => {
    const created = await branch.post('/api/v1/development/applicants', {
      name: '苏日娜',
      gender: 'female',
      ethnicity: '蒙古族',
      idNumber: testIdNumber({ birth: '1998-04-02', gender: 'female' }),
      orgId: t.branchA1,
      appliedAt: '2022-01-10',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 1, stageName: '申请入党', deadlines: [{ step: 2, date: '2022-02-10' }] });
    const id = created.body.id;

    for (const [step, date, extra] of PLAN) {
      const who = COMMITTEE_STEPS.has(step) ? township : branch;
      if (step === 4) {
        // The branch cannot record a committee step.
        const refused = await branch.post(`/api/v1/development/applicants/${id}/steps`, { step, date });
        expect(refused.status).toBe(403);
      }
      if (step === 7) {
        // Less than a year after becoming an activist (2022-03-01).
        const early = await branch.post(`/api/v1/development/applicants/${id}/steps`, { step, date: '2023-02-28' });
        expect(early.status).toBe(422);
        expect(early.body.error.message).toContain('一年以上');
      }
      if (step === 15) {
        const failed = await branch.post(`/api/v1/development/applicants/${id}/steps`, {
          step,
          date,
          vote: { shouldAttend: 20, present: 10, yes: 10, writtenYes: 0 },
        });
        expect(failed.status).toBe(422);
        expect(failed.body.error.message).toContain('半数');
      }
      const res = await who.post(`/api/v1/development/applicants/${id}/steps`, { step, date, ...extra });
      expect(res.status, `step ${step}: ${JSON.stringify(res.body)}`).toBe(200);
      if (step === 17) {
        expect(res.body.memberId).toBeTruthy();
        const m = await township.get(`/api/v1/members/${res.body.memberId}`);
        expect(m.body).toMatchObject({ status: 'probationary', joinedAt: '2023-06-01', partyAgeYears: 0 });
      }
    }
    const final = await township.get(`/api/v1/development/applicants/${id}`);
    expect(final.body.steps).toHaveLength(25);
    const member = await township.get(`/api/v1/members/${final.body.memberId}`);
    // 党龄 from the end of the probation (2024-06-01), not from the approval day.
    expect(member.body).toMatchObject({ status: 'full', fullMemberAt: '2024-06-01', partyAgeSince: '2024-06-01' });
  });

  it('refuses an applicant under 18 and a step out of order', async () => {
    const young = await branch.post('/api/v1/development/applicants', {
      name: '少年',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber({ birth: '2009-01-01' }),
      orgId: t.branchA1,
      appliedAt: '2026-06-01',
    });
    expect(young.status).toBe(422);
    expect(young.body.error.message).toContain('十八');
    const ok = await branch.post('/api/v1/development/applicants', {
      name: '青年',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber({ birth: '2000-01-01' }),
      orgId: t.branchA1,
      appliedAt: '2026-06-01',
    });
    const skip = await branch.post(`/api/v1/development/applicants/${ok.body.id}/steps`, { step: 3, date: '2026-06-10' });
    expect(skip.status).toBe(422);
    expect(skip.body.error.message).toContain('应先完成第2步');
  });

  it('two clerks recording the same step at once: exactly one is stored', async () => {
    const a = await branch.post('/api/v1/development/applicants', {
      name: '并发',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber({ birth: '1995-01-01' }),
      orgId: t.branchA1,
      appliedAt: '2026-06-01',
    });
    const results = await Promise.all([
      branch.post(`/api/v1/development/applicants/${a.body.id}/steps`, { step: 2, date: '2026-06-10' }),
      branch.post(`/api/v1/development/applicants/${a.body.id}/steps`, { step: 2, date: '2026-06-11' }),
    ]);
    // The loser is told the step is taken: a conflict when truly simultaneous (PostgreSQL), or the
    // order rule when the embedded database ran them one after the other.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 422]).toContain(statuses[1]);
    expect((await branch.get(`/api/v1/development/applicants/${a.body.id}`)).body.steps).toHaveLength(2);
  });

  it('another township sees none of it', async () => {
    const other = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townB1 }])).cookie);
    const board = await other.get('/api/v1/development/deadlines');
    expect(board.body.items).toEqual([]);
    expect((await other.get('/api/v1/development/applicants/1')).status).toBe(404);
  });
});

describe('what the UI needs', () => {
  it('names the next step, who records it, and whether this caller may', async () => {
    const a = await branch.post('/api/v1/development/applicants', {
      name: '能力',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber({ birth: '1996-01-01' }),
      orgId: t.branchA1,
      appliedAt: '2026-06-01',
    });
    expect(a.body.next).toMatchObject({ step: 2, by: 'branch', kind: 'due', date: '2026-07-01', overdue: true });
    expect(a.body.abilities.canRecordNext).toBe(true);
    for (const [step, date] of [
      [2, '2026-06-10'],
      [3, '2026-06-20'],
    ] as const) {
      await branch.post(`/api/v1/development/applicants/${a.body.id}/steps`, { step, date });
    }
    const atFour = await branch.get(`/api/v1/development/applicants/${a.body.id}`);
    expect(atFour.body.next).toMatchObject({ step: 4, by: 'committee', date: null });
    expect(atFour.body.abilities.canRecordNext).toBe(false);
    expect((await township.get(`/api/v1/development/applicants/${a.body.id}`)).body.abilities.canRecordNext).toBe(true);
    // The board lists every applicant in progress, with or without a deadline.
    const board = await township.get('/api/v1/development/deadlines');
    expect(board.body.items.find((i: { applicantId: number }) => i.applicantId === a.body.id)).toMatchObject({ step: 4, date: null });
  });
});
