import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let sysadmin: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  sysadmin = client(h, (await actorWith(h, [{ role: 'sysadmin', orgId: t.city }])).cookie);
  admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
});
afterAll(() => h.close());

describe('POST /jobs/:name/run (operators after an outage; tests firing the nightly work)', () => {
  it('lists the jobs and runs one now for the system administrator, audited under their name', async () => {
    const list = await sysadmin.get('/api/v1/jobs');
    expect(list.status).toBe(200);
    expect(list.body.items.map((j: { name: string }) => j.name)).toEqual(['workflow-deadlines', 'compliance-scan']);
    const run = await sysadmin.post('/api/v1/jobs/compliance-scan/run');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ name: 'compliance-scan', result: { orgs: expect.any(Number) } });
    expect(run.body.result.orgs).toBeGreaterThanOrEqual(8);
    const [audited] = await rows<{ actorName: string; targetId: string; outcome: string }>(
      h.deps.db,
      sql`select actor_name as "actorName", target_id as "targetId", outcome from audit_log where action = 'job.run' order by id desc limit 1`,
    );
    expect(audited).toMatchObject({ targetId: 'compliance-scan', outcome: 'success' });
    expect(audited?.actorName).toMatch(/^u/);
  });

  it('is the system administrator’s alone; an unknown job is a 404 in Chinese', async () => {
    expect((await admin.post('/api/v1/jobs/compliance-scan/run')).status).toBe(403);
    expect((await admin.get('/api/v1/jobs')).status).toBe(403);
    expect((await client(h).post('/api/v1/jobs/compliance-scan/run')).status).toBe(401);
    const unknown = await sysadmin.post('/api/v1/jobs/no-such-job/run');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('no-such-job');
  });
});
