import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, auditCount, buildTree, client, createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
let member: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  const t = await buildTree(h);
  member = client(h, (await actorWith(h, [{ role: 'member', orgId: t.branchA1 }])).cookie);
});
afterAll(() => h.close());

describe('POST /api/v1/dues/calculate (public contract)', () => {
  it('answers amount, rate and basis for any signed-in user, and writes nothing', async () => {
    const before = await auditCount(h);
    const res = await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: 5000.01 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ amount: 75, amountFen: 7500, rate: 0.015 });
    expect(res.body.basis).toContain('1.5%');
    expect(await auditCount(h)).toBe(before);
    expect((await client(h).post('/api/v1/dues/calculate', { category: 'student' })).status).toBe(401);
  });

  it('refuses a missing base or a third decimal at the field, in Chinese', async () => {
    const res = await member.post('/api/v1/dues/calculate', { category: 'retired' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('monthlyBase');
    expect(res.body.error.message).toContain('基数');
    expect((await member.post('/api/v1/dues/calculate', { category: 'employed', monthlyBase: 1.001 })).status).toBe(400);
  });

  it('reads the province amount for 农牧民 from the settings', async () => {
    expect((await member.post('/api/v1/dues/calculate', { category: 'farmer' })).body.amountFen).toBe(20);
    await h.deps.db.execute(sql`insert into setting (key, value) values ('dues', '{"farmerMonthlyFen": 50}'::jsonb)`);
    try {
      expect((await member.post('/api/v1/dues/calculate', { category: 'farmer' })).body).toMatchObject({ amount: 0.5, amountFen: 50 });
    } finally {
      await h.deps.db.execute(sql`delete from setting where key = 'dues'`);
    }
  });
});
