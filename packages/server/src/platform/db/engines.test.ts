import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, client, createHarness, type Harness, uniqueCode } from '../../test/harness.js';
import { rows, toDate } from './index.js';

/**
 * The same calls with the same expected answers, literally: the suite runs once on PGlite and once
 * on PostgreSQL (CI sets DATABASE_URL), so both engines are held to these values.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe(`engine parity (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('returns the same JS types for raw SQL: int8 as number, dates as text, json parsed', async () => {
    const [r] = await rows<Record<string, unknown>>(
      h.deps.db,
      sql`select count(*) as c, 2.50::numeric as n, '2021-07-01'::date as d, '2021-07-01T08:00:00+08'::timestamptz as ts,
                 '{"b":1,"a":[1,2]}'::jsonb as j, '1.2.3'::ltree as l, nlevel('1.2.3'::ltree) as lv
          from generate_series(1, 3)`,
    );
    expect(r).toEqual({ c: 3, n: '2.50', d: '2021-07-01', ts: '2021-07-01 00:00:00+00', j: { a: [1, 2], b: 1 }, l: '1.2.3', lv: 3 });
    expect(toDate(r?.ts).toISOString()).toBe('2021-07-01T00:00:00.000Z');
  });

  it('ltree subtree queries and trigram search agree', async () => {
    const t = await buildTree(h);
    const [r] = await rows<{ n: number; sim: number }>(
      h.deps.db,
      sql`select (select count(*) from org where path <@ (select path from org where id = ${t.countyA}))::int as n,
                 round(similarity('科尔沁左翼中旗', '科尔沁左翼后旗')::numeric, 3)::float8 as sim`,
    );
    expect(r).toEqual({ n: 4, sim: 0.455 });
  });

  it('gives the same answers to the same API calls', async () => {
    const t = await buildTree(h);
    const admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
    const names = ['扎鲁特旗党委', '奈曼旗党委', '库伦旗党委', '阿鲁科尔沁旗党委'];
    for (const name of names) {
      await admin.post('/api/v1/orgs', {
        parentId: t.countyB,
        name,
        code: uniqueCode(),
        type: 'committee',
        domain: 'mixed',
        foundedAt: '2001-01-01',
      });
    }
    const children = await admin.get(`/api/v1/orgs/${t.countyB}/children`);
    expect(children.body.items.map((o: { name: string }) => o.name)).toEqual(['乙一镇党委', ...names]);
    const search = await admin.get('/api/v1/orgs?q=qd&pageSize=50');
    // Pinyin initials: "qd" is in 旗党 (…qdw) and in 社区党 (sqdzb); shallower levels first, then pinyin order.
    expect(search.body.items.map((o: { name: string }) => o.name)).toEqual([
      '阿鲁科尔沁旗党委',
      '库伦旗党委',
      '奈曼旗党委',
      '扎鲁特旗党委',
      '乙一社区党支部',
    ]);
    const ind = await admin.get(`/api/v1/indicators/org.type.committee?orgId=${t.city}&date=2021-01-01&by=child`);
    expect(ind.body.items.map((i: { value: number }) => i.value)).toEqual([3, 6]);
    expect(ind.body.value).toBe(10);
  });
});
