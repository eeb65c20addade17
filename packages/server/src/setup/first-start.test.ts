import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreparingApp } from '../app.js';
import { DEMO_STAGES } from '../demo/tongliao.js';
import { rows } from '../platform/db/index.js';
import { Preparation } from '../platform/preparation.js';
import { client, createHarness, type Harness } from '../test/harness.js';
import { isFirstStart } from './first-start.js';
import { setUpEmptyDatabase } from './setup.js';

let h: Harness;
const printed: string[] = [];
beforeAll(async () => {
  h = await createHarness();
  const deps = { ...h.deps, config: { ...h.deps.config, demo: 'tongliao' as const, demoScale: 'small' as const } };
  const preparation = new Preparation(DEMO_STAGES, (line) => printed.push(line));
  await setUpEmptyDatabase(deps, 2021, preparation);
  preparation.finish();
}, 120_000);
afterAll(() => h.close());

describe('the first start loads the demo in bulk', () => {
  it('prints one line per stage, in order, with a rising percentage, then that it is ready', () => {
    // The jobs' stage is the first start's worker's, after the load.
    const labels = Object.entries(DEMO_STAGES).flatMap(([key, s]) => (key === 'jobs' ? [] : [s.label]));
    expect(printed).toHaveLength(labels.length + 1);
    const percents = printed.slice(0, -1).map((line, i) => {
      expect(line).toContain(labels[i]);
      return Number(line.match(/(\d+)%/)?.[1]);
    });
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBeLessThan(100);
    expect(printed.at(-1)).toMatch(/^演示数据已就绪/);
  });

  it('every foreign key holds, although the load ran with its checks off', async () => {
    const fks = await rows<{ child: string; parent: string; pairs: { c: string; p: string }[] }>(
      h.deps.db,
      sql`select k.conrelid::regclass::text as child, k.confrelid::regclass::text as parent,
            (select json_agg(json_build_object('c', a.attname, 'p', b.attname))
               from unnest(k.conkey, k.confkey) as u(ck, pk)
               join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.ck
               join pg_attribute b on b.attrelid = k.confrelid and b.attnum = u.pk) as pairs
          from pg_constraint k where k.contype = 'f' and k.connamespace = 'public'::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(20);
    const loaded = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member`);
    expect(loaded[0]?.n).toBeGreaterThan(10_000);
    for (const fk of fks) {
      const pairs = typeof fk.pairs === 'string' ? JSON.parse(fk.pairs) : fk.pairs;
      const notNull = pairs.map(({ c }: { c: string }) => `c."${c}" is not null`).join(' and ');
      const match = pairs.map(({ c, p }: { c: string; p: string }) => `p."${p}" = c."${c}"`).join(' and ');
      const [orphans] = await rows<{ n: number }>(
        h.deps.db,
        sql.raw(
          `select count(*)::int as n from ${fk.child} c where ${notNull} and not exists (select 1 from ${fk.parent} p where ${match})`,
        ),
      );
      expect(orphans?.n, `${fk.child} → ${fk.parent}`).toBe(0);
    }
  });

  it('every member carries its org’s path and every org its parent’s, which triggers keep outside a bulk load', async () => {
    const [members] = await rows<{ wrong: number; moved: number }>(
      h.deps.db,
      sql`select count(*) filter (where m.org_path <> o.path)::int as wrong,
            (select count(*)::int from member_transfer t where t.received_at is not null and t.to_org_id is not null) as moved
          from member m join org o on o.id = m.org_id`,
    );
    expect(members?.moved).toBeGreaterThan(0);
    expect(members?.wrong).toBe(0);
    const [orgs] = await rows<{ wrong: number }>(
      h.deps.db,
      sql`select count(*)::int as wrong from org c join org p on p.id = c.parent_id where c.path <> p.path || c.id::text`,
    );
    expect(orgs?.wrong).toBe(0);
  });

  it('leaves the triggers on: a later write is checked and logged as before', async () => {
    const bad = h.deps.db.execute(
      sql`insert into meeting (org_id, type, status, date, topic) values (2147483647, 'committee', 'held', '2026-01-05', 'x')`,
    );
    await expect(bad).rejects.toThrow();
    const [org] = await rows<{ id: number }>(h.deps.db, sql`select org_id as id from meeting limit 1`);
    const before = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from compliance_change`);
    await h.deps.db.execute(
      sql`insert into meeting (org_id, type, status, date, topic) values (${org?.id}, 'committee', 'held', '2026-01-06', '研究工作')`,
    );
    const after = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from compliance_change`);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
  });

  it('the demo accounts sign in afterwards', async () => {
    const res = await client(h).post('/api/v1/auth/login', { username: 'q150502', password: 'Tongliao@2021' });
    expect(res.status).toBe(200);
  });
});

describe('while the first start prepares', () => {
  it('answers its progress and refuses the rest with 503, with no database behind it', async () => {
    const preparing = { progress: { percent: 25, stage: '会议' } };
    const app = await buildPreparingApp(h.deps.config, preparing);
    const status = await app.inject({ method: 'GET', url: '/api/v1/status', headers: { cookie: 'jishi_sid=stale' } });
    expect(status.json()).toEqual({ ready: false, percent: 25, stage: '会议' });
    preparing.progress = { percent: 62, stage: '评星定级' };
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(503);
    expect(me.json().error).toMatchObject({ code: 'PREPARING', message: '正在准备演示数据… 62%，请稍候' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x' } });
    expect(login.statusCode).toBe(503);
    await app.close();
  });

  it('the running app says it is ready', async () => {
    expect((await client(h).get('/api/v1/status')).body).toEqual({ ready: true, percent: 100, stage: null });
  });

  it('a first start is one on PGlite with the demo and no database in the data dir yet', () => {
    const config = {
      ...h.deps.config,
      databaseUrl: undefined,
      demo: 'tongliao' as const,
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'jishi-fs-')),
    };
    expect(isFirstStart(config)).toBe(true);
    expect(isFirstStart({ ...config, demo: 'none' })).toBe(false);
    expect(isFirstStart({ ...config, databaseUrl: 'postgres://x' })).toBe(false);
    mkdirSync(path.join(config.dataDir, 'pglite'));
    writeFileSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'), '18');
    expect(isFirstStart(config)).toBe(false);
  });
});
