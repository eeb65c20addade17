import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  auditCount,
  buildTree,
  client,
  createHarness,
  type Harness,
  type TestTree,
  testIdNumber,
  uniqueCode,
} from '../test/harness.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { rows } from './db/index.js';

let h: Harness;
let t: TestTree;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  const admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
  for (let i = 0; i < 3; i++) {
    await admin.post('/api/v1/orgs', {
      parentId: t.townA1,
      name: `审计测试支部${i}`,
      code: uniqueCode('A'),
      type: 'branch',
      domain: 'village',
    });
  }
});
afterAll(() => h.close());

describe('audit log', () => {
  it('is append-only, heads included: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    for (const table of ['audit_log', 'audit_head']) {
      await expect(h.deps.db.execute(sql`update ${sql.identifier(table)} set hash = 'x'`)).rejects.toThrow();
      await expect(h.deps.db.execute(sql`delete from ${sql.identifier(table)}`)).rejects.toThrow();
      await expect(h.deps.db.execute(sql`truncate ${sql.identifier(table)}`)).rejects.toThrow();
    }
  });

  it('verifies, and a row edited behind the trigger breaks the chain at that row', async () => {
    const ok = await verifyAuditChain(h.deps.db, h.deps.keys.audit);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(3);
    const [victim] = await rows<{ id: number; seq: number }>(
      h.deps.db,
      sql`select id, seq from audit_log where action = 'org.create' order by id limit 1 offset 1`,
    );
    // A DBA with superuser rights can bypass triggers: the chain must still tell.
    await h.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set actor_name = 'someone-else' where id = ${victim?.id}`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const broken = await verifyAuditChain(h.deps.db, h.deps.keys.audit);
    expect(broken).toMatchObject({ ok: false, brokenAt: victim?.seq });
  });

  it('deleting the newest rows is detected too (the log stops short of its last head)', async () => {
    const fresh = await createHarness();
    const tree = await buildTree(fresh);
    const admin = client(fresh, (await actorWith(fresh, [{ role: 'org_admin', orgId: tree.city }])).cookie);
    for (let i = 0; i < 3; i++) {
      await admin.post('/api/v1/orgs', {
        parentId: tree.townA1,
        name: `尾部${i}`,
        code: uniqueCode('Z'),
        type: 'branch',
        domain: 'village',
      });
    }
    expect((await verifyAuditChain(fresh.deps.db, fresh.deps.keys.audit)).ok).toBe(true);
    const [last] = await rows<{ seq: number }>(fresh.deps.db, sql`select max(seq)::int as seq from audit_log`);
    await fresh.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`delete from audit_log where seq >= ${(last?.seq ?? 0) - 1}`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    expect(await verifyAuditChain(fresh.deps.db, fresh.deps.keys.audit)).toMatchObject({
      ok: false,
      brokenAt: (last?.seq ?? 0) - 1,
      missing: true,
    });
    await fresh.close();
  });

  it('deleting the newest rows is detected after a later row is written too (a gap in the sequence)', async () => {
    const fresh = await createHarness();
    const tree = await buildTree(fresh);
    const admin = client(fresh, (await actorWith(fresh, [{ role: 'org_admin', orgId: tree.city }])).cookie);
    const branch = (name: string) =>
      admin.post('/api/v1/orgs', { parentId: tree.townA1, name, code: uniqueCode('G'), type: 'branch', domain: 'village' });
    for (let i = 0; i < 3; i++) expect((await branch(`缺口${i}`)).status).toBe(201);
    const written = await auditCount(fresh);
    // The two newest rows go, behind the trigger's back (as a superuser can).
    await fresh.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit 2)`);
    });
    // The application writes on as usual.
    expect((await branch('缺口之后')).status).toBe(201);
    const result = await verifyAuditChain(fresh.deps.db, fresh.deps.keys.audit);
    expect(result).toMatchObject({ ok: false, brokenAt: written - 1, missing: true });
    await fresh.close();
  });

  it('no detail holds an ID number or a mobile number: every detail is masked before it is written and hashed', async () => {
    const id = testIdNumber();
    const system = { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null };
    await h.deps.db.transaction((tx) =>
      recordAudit(tx, h.deps.keys.audit, system, {
        action: 'test.scrub',
        detail: {
          note: `身份证号${id}，电话139-1234-5678`,
          nested: { list: [id.toLowerCase(), `+86 13812345678`], [id]: true },
          phone: 13712345678,
          count: 12,
          date: '2026-01-01',
        },
      }),
    );
    const [row] = await rows<{ detail: unknown }>(h.deps.db, sql`select detail from audit_log where action = 'test.scrub'`);
    const text = JSON.stringify(row?.detail);
    for (const clear of [id, id.toLowerCase(), '13912345678', '1234-5678', '13812345678', '13712345678']) expect(text).not.toContain(clear);
    expect(row?.detail).toMatchObject({
      note: `身份证号${id.slice(0, 6)}********${id.slice(-4)}，电话139****5678`,
      nested: { list: [`${id.slice(0, 6)}********${id.slice(-4)}`, '+86 138****5678'] },
      phone: '137****5678',
      count: 12,
      date: '2026-01-01',
    });
  });

  it('the auditor filters and exports, and the export is itself audited', async () => {
    const aud = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    const list = await aud.get('/api/v1/audit?action=org.create&outcome=success');
    expect(list.body.total).toBe(3);
    expect(list.body.items.every((r: { action: string }) => r.action === 'org.create')).toBe(true);
    const res = await aud.get('/api/v1/audit/export?action=org.create');
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell('A1').value)).toContain('导出人');
    expect(ws?.rowCount).toBe(2 + 3);
    const after = await aud.get('/api/v1/audit?action=audit.export');
    expect(after.body.total).toBe(1);
  });

  it('pages the whole log by sequence: every page as an offset query would give it, none skipped', async () => {
    const aud = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    const first = await aud.get('/api/v1/audit?pageSize=7');
    const total = first.body.total as number;
    const [n] = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from audit_log`);
    expect(total).toBe(n?.n);
    const expected = await rows<{ id: number }>(h.deps.db, sql`select id from audit_log order by seq desc`);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const res = await aud.get(`/api/v1/audit?pageSize=7&page=${page}`);
      seen.push(...res.body.items.map((r: { id: number }) => r.id));
    }
    // Each read is itself no write, so the log stood still while it was paged.
    expect(seen).toEqual(expected.slice(0, total).map((r) => r.id));
  });

  it('refuses a bad filter with the field named', async () => {
    const aud = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    const res = await aud.get('/api/v1/audit?from=2026-13-01');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('from');
  });
});
