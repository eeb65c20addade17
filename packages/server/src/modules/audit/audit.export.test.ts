import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree } from '../../test/harness.js';

// A database of its own: the rows written below are not a valid chain.
let h: Harness;
let t: TestTree;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
});
afterAll(() => h.close());

describe('the audit export', () => {
  it('refuses an export beyond one file instead of cutting it, and says how many there are', async () => {
    const aud = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    await h.deps.db.execute(sql`insert into audit_log (seq, at, actor_name, action, outcome, prev_hash, hash)
      select s, now(), 'bulk', 'test.bulk', 'success', 'p' || s, 'h' || s
      from generate_series((select coalesce(max(seq), 0) + 1 from audit_log), (select coalesce(max(seq), 0) + 100001 from audit_log)) as s`);
    // The head moves on with them, so that the refusal's own audit row can follow.
    await h.deps.db.execute(sql`insert into audit_head (seq, hash, at) select seq, hash, at from audit_log order by seq desc limit 1`);
    const res = await aud.get('/api/v1/audit/export?action=test.bulk');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('所选条件下有 100,001 条记录，超过单个文件 100,000 条的上限，请缩小时间范围或增加条件后再导出');
    expect((await aud.get('/api/v1/audit?action=test.bulk&pageSize=1')).body.total).toBe(100_001);
  });
});
