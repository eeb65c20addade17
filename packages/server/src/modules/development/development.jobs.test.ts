import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { runJob } from '../../platform/jobs.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';
import { developmentReminders } from './development.jobs.js';

let h: Harness;
let t: TestTree;
let branch: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  branch = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  other = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchB1 }])).cookie);
});
afterAll(() => h.close());

const apply = async (appliedAt: string) =>
  (
    await branch.post('/api/v1/development/applicants', {
      name: '阿拉坦',
      gender: 'male',
      ethnicity: '蒙古族',
      idNumber: testIdNumber({ birth: '1999-04-02' }),
      orgId: t.branchA1,
      appliedAt,
    })
  ).body as { id: number };

describe('daily 发展党员 reminders (a job on the shared job runner)', () => {
  it('raises a due or overdue step once, resolves it when recorded, and is audited as the system', async () => {
    h.setNow(new Date('2026-03-20T02:00:00Z'));
    try {
      // Talk due one month after application (细则 Art. 8): 2026-03-10 is past, 2026-04-25 is beyond the 7 days.
      const late = await apply('2026-02-10');
      const soon = await apply('2026-02-25');
      const later = await apply('2026-03-19');
      const first = await runJob(h.deps, developmentReminders);
      expect(first.raised).toBeGreaterThanOrEqual(2);
      const mine = await branch.get(`/api/v1/reminders?orgId=${t.branchA1}`);
      const bySubject = new Map(mine.body.items.map((r: { subjectId: number }) => [r.subjectId, r]));
      expect(bySubject.get(late.id)).toMatchObject({ step: 2, dueDate: '2026-03-10', overdue: true, kindName: '发展党员' });
      expect(bySubject.get(soon.id)).toMatchObject({ step: 2, dueDate: '2026-03-25', overdue: false });
      expect(bySubject.has(later.id)).toBe(false);
      // Idempotent: a second run the same day raises nothing new.
      expect((await runJob(h.deps, developmentReminders)).raised).toBe(0);
      // Another branch sees none of them.
      expect((await other.get('/api/v1/reminders')).body.items).toEqual([]);

      expect((await branch.post(`/api/v1/development/applicants/${late.id}/steps`, { step: 2, date: '2026-03-18' })).status).toBe(200);
      // Resolved as the step is recorded; the next run has nothing left to resolve.
      const after = await runJob(h.deps, developmentReminders);
      expect(after.resolved).toBe(0);
      const open = await branch.get(`/api/v1/reminders?orgId=${t.branchA1}`);
      expect(open.body.items.map((r: { subjectId: number }) => r.subjectId)).not.toContain(late.id);
      const done = await branch.get(`/api/v1/reminders?orgId=${t.branchA1}&status=resolved`);
      expect(done.body.items.find((r: { subjectId: number }) => r.subjectId === late.id)).toMatchObject({ resolvedAt: '2026-03-20' });
      const audited = await rows<{ n: number }>(
        h.deps.db,
        sql`select count(*)::int as n from audit_log where action = 'job.development-reminders'`,
      );
      expect(audited[0]?.n).toBe(3);
    } finally {
      h.setNow(undefined);
    }
  });
});
