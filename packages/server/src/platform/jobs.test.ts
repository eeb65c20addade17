import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { rows } from './db/index.js';
import { defineJob, startJobs } from './jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const ping = defineJob({
  name: 'test-ping',
  cron: '0 3 * * *',
  summary: '测试任务',
  run: async (q, _deps, today) => {
    const [n] = await rows<{ n: number }>(q, sql`select count(*)::int as n from org`);
    return { orgs: n?.n ?? 0, day: Number(today.slice(8)) };
  },
});

const runsOf = async () =>
  rows<{ detail: { orgs: number } }>(h.deps.db, sql`select detail from audit_log where action = 'job.test-ping' order by id`);

describe('jobs on pg-boss (the same database, embedded or PostgreSQL)', () => {
  it('schedules each job, runs it once at start-up through a worker, audits the run, and stops cleanly', async () => {
    const jobs = await startJobs(h.deps, [ping], { startupDelaySeconds: 0 });
    try {
      const deadline = Date.now() + 30_000;
      while ((await runsOf()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const runs = await runsOf();
      expect(runs).toHaveLength(1);
      expect(runs[0]?.detail.orgs).toEqual(expect.any(Number));
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => ({ name: s.name, cron: s.cron, tz: s.options?.tz }))).toEqual([
        { name: 'test-ping', cron: '0 3 * * *', tz: 'Asia/Shanghai' },
      ]);
    } finally {
      await jobs.stop();
    }
  });

  it("after a restart, a run left due waits out the start-up delay too: the first requests are the users'", async () => {
    const before = (await runsOf()).length;
    // The last process stopped before its runs: one is due now.
    const first = await startJobs(h.deps, [], { startupDelaySeconds: 0 });
    await first.boss.createQueue(ping.name);
    await first.boss.send(ping.name, {});
    await first.stop();
    const jobs = await startJobs(h.deps, [ping], { startupDelaySeconds: 5 });
    try {
      await new Promise((r) => setTimeout(r, 3500));
      expect((await runsOf()).length).toBe(before);
      const deadline = Date.now() + 30_000;
      while ((await runsOf()).length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect((await runsOf()).length).toBeGreaterThan(before);
    } finally {
      await jobs.stop();
    }
  });
});
