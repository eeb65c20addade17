import { addDays, defineProcess, holderOf, refuse } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT } from '../modules/development/development.service.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../test/harness.js';
import { rows } from './db/index.js';
import { runJob } from './jobs.js';
import { workflowDeadlines } from './workflow.jobs.js';
import { advance, bindProcess, describeInstance, startInstance } from './workflow.js';

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

const openReminders = async (c: ReturnType<typeof client>, orgId?: number) =>
  new Map(
    (await c.get(`/api/v1/reminders${orgId ? `?orgId=${orgId}` : ''}`)).body.items.map((r: { subjectId: number }) => [r.subjectId, r]),
  );

describe('deadlines and reminders on the workflow engine', () => {
  it('a step raises its due reminder at once; the nightly pass is idempotent; recording the step resolves it', async () => {
    h.setNow(new Date('2026-03-20T02:00:00Z'));
    try {
      const job = workflowDeadlines([DEVELOPMENT]);
      // Talk due one month after application (细则 Art. 8): 2026-03-10 is past, 2026-04-25 is beyond the 7 days.
      const late = await apply('2026-02-10');
      const soon = await apply('2026-02-25');
      const later = await apply('2026-03-19');
      const mine = await openReminders(branch, t.branchA1);
      expect(mine.get(late.id)).toMatchObject({ step: 2, dueDate: '2026-03-10', overdue: true, kindName: '发展党员' });
      expect(mine.get(soon.id)).toMatchObject({ step: 2, dueDate: '2026-03-25', overdue: false });
      expect(mine.has(later.id)).toBe(false);
      // The nightly pass finds nothing to add, and neither does a second run.
      expect(await runJob(h.deps, job)).toMatchObject({ raised: 0, resolved: 0 });
      expect(await runJob(h.deps, job)).toMatchObject({ raised: 0, resolved: 0 });
      // Another branch sees none of them.
      expect((await other.get('/api/v1/reminders')).body.items).toEqual([]);

      expect((await branch.post(`/api/v1/development/applicants/${late.id}/steps`, { step: 2, date: '2026-03-18' })).status).toBe(200);
      expect((await openReminders(branch, t.branchA1)).has(late.id)).toBe(false);
      const done = await branch.get(`/api/v1/reminders?orgId=${t.branchA1}&status=resolved`);
      expect(done.body.items.find((r: { subjectId: number }) => r.subjectId === late.id)).toMatchObject({ resolvedAt: '2026-03-20' });

      // Days later the one applied on 03-19 comes within 7 days of its talk (due 04-19): the nightly pass raises it.
      h.setNow(new Date('2026-04-14T02:00:00Z'));
      expect(await runJob(h.deps, job)).toMatchObject({ raised: 1 });
      expect((await openReminders(branch, t.branchA1)).get(later.id)).toMatchObject({ dueDate: '2026-04-19' });
      const audited = await rows<{ n: number }>(
        h.deps.db,
        sql`select count(*)::int as n from audit_log where action = 'job.workflow-deadlines'`,
      );
      expect(audited[0]?.n).toBe(3);
    } finally {
      h.setNow(undefined);
    }
  });

  it('fires a state’s timer event once its deadline passes (an escalation), as the system, exactly once', async () => {
    // A process of the test's own over orgs: open for 2 days, then it escalates by itself.
    type S = 'open' | 'escalated';
    const ticket = bindProcess(
      defineProcess<S, { name: string }, { escalate: Record<string, never>; close: Record<string, never> }>({
        kind: `test-ticket-${process.pid}`,
        label: '测试工单',
        initial: 'open',
        states: {
          open: {
            label: '待签收',
            deadline: (ctx) => ({ kind: 'due', date: addDays(ctx.enteredOn, 2), step: 1, title: `${ctx.subject.name}：签收` }),
            remindDaysBefore: 1,
            onDeadline: 'escalate',
          },
          escalated: { label: '已上报上级', final: true },
        },
        events: {
          escalate: { label: '超时上报', from: ['open'], to: 'escalated', who: () => refuse('FORBIDDEN', '系统办理'), timer: true },
          close: { label: '签收', from: ['open'], to: 'escalated', who: holderOf('org.manage', '无权签收') },
        },
      }),
      async (q, ids) => {
        const found = await rows<{ id: number; name: string }>(
          q,
          sql`select id, name from org where id = any(${`{${ids.join(',')}}`}::int[])`,
        );
        return new Map(found.map((o) => [o.id, { orgId: o.id, subject: { name: o.name } }]));
      },
    );
    await h.deps.db.transaction((tx) => startInstance(tx, ticket.def, t.branchB1, '2026-05-01'));
    const job = workflowDeadlines([ticket]);
    h.setNow(new Date('2026-05-02T02:00:00Z'));
    try {
      // Within the lead day: reminded, not yet escalated; a person may not fire the timer.
      expect(await runJob(h.deps, job)).toMatchObject({ raised: 1, fired: 0 });
      const [townPath] = await rows<{ path: string }>(h.deps.db, sql`select path::text as path from org where id = ${t.townB1}`);
      const town = { userId: 0, username: 't', grants: [{ role: 'org_admin' as const, orgId: t.townB1, orgPath: townPath?.path ?? '' }] };
      const view = await describeInstance(h.deps.db, ticket, t.branchB1, town, '2026-05-02');
      expect(view.next.map((e) => e.event)).toEqual(['close']);
      await expect(
        h.deps.db.transaction((tx) =>
          advance(tx, ticket, { actor: town, today: '2026-05-02', audit: async () => {} }, t.branchB1, 'escalate', {}),
        ),
      ).rejects.toThrow('系统到期自动办理');

      h.setNow(new Date('2026-05-04T02:00:00Z'));
      expect(await runJob(h.deps, job)).toMatchObject({ fired: 1, resolved: 1 });
      expect(await runJob(h.deps, job)).toMatchObject({ fired: 0, open: 0 });
      const [log] = await rows<{ event: string; actorId: number | null; actorRole: string }>(
        h.deps.db,
        sql`select event, actor_id as "actorId", actor_role as "actorRole" from workflow_step where kind = ${ticket.def.kind} and subject_id = ${t.branchB1}`,
      );
      expect(log).toEqual({ event: 'escalate', actorId: null, actorRole: 'system' });
      const [audit] = await rows<{ n: number }>(
        h.deps.db,
        sql`select count(*)::int as n from audit_log where action = ${`workflow.${ticket.def.kind}.timer`}`,
      );
      expect(audit?.n).toBe(1);
    } finally {
      h.setNow(undefined);
    }
  });
});
