import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, auditCount, buildTree, client, createHarness, type Harness, type TestTree, uniqueCode } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const newOrg = (parentId: number, patch: Record<string, unknown> = {}) => ({
  parentId,
  name: '新建党支部',
  code: uniqueCode('N'),
  type: 'branch',
  domain: 'village',
  ...patch,
});

describe('org tree', () => {
  let t: TestTree;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await buildTree(h);
    admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
  });

  it('creates an org under a parent, with its path, and audits it', async () => {
    const before = await auditCount(h);
    const res = await admin.post('/api/v1/orgs', newOrg(t.townA1, { foundedAt: '2021-07-01', divisionCode: '150502001001' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId: t.townA1, type: 'branch', foundedAt: '2021-07-01', abilities: { canManage: true } });
    expect(res.body.path).toBe(`${t.city}.${t.countyA}.${t.townA1}.${res.body.id}`);
    expect(await auditCount(h)).toBe(before + 1);
    const detail = await admin.get(`/api/v1/orgs/${res.body.id}`);
    expect(detail.body.ancestors.map((a: { id: number }) => a.id)).toEqual([t.city, t.countyA, t.townA1]);
  });

  it('refuses a duplicate code without writing, naming the field', async () => {
    const code = uniqueCode('D');
    expect((await admin.post('/api/v1/orgs', newOrg(t.townA1, { code }))).status).toBe(201);
    const [{ n: before }] = (await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from org`)) as [{ n: number }];
    const res = await admin.post('/api/v1/orgs', newOrg(t.townA2, { code }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ORG_CODE_TAKEN', details: { field: 'code' } });
    const [{ n: after }] = (await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from org`)) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('refuses a branch under a branch, quoting the rule', async () => {
    const res = await admin.post('/api/v1/orgs', newOrg(t.branchA1));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('支部工作条例');
  });

  it('refuses bad input with the field named', async () => {
    const res = await admin.post('/api/v1/orgs', newOrg(t.townA1, { foundedAt: '2021-02-30' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_INPUT');
    expect(res.body.error.message).toContain('foundedAt');
  });

  it('renames and recomputes the pinyin key', async () => {
    const created = await admin.post('/api/v1/orgs', newOrg(t.townA1));
    const res = await admin.patch(`/api/v1/orgs/${created.body.id}`, { name: '乌兰哈达嘎查党支部' });
    expect(res.status).toBe(200);
    const found = await admin.get('/api/v1/orgs?q=wlhd');
    expect(found.body.items.map((o: { id: number }) => o.id)).toContain(created.body.id);
  });

  it('moves a subtree: every descendant path follows in one statement', async () => {
    const town = await admin.post('/api/v1/orgs', newOrg(t.countyA, { type: 'committee', domain: 'mixed', name: '待迁镇党委' }));
    const branch = await admin.post('/api/v1/orgs', newOrg(town.body.id));
    const moved = await admin.post(`/api/v1/orgs/${town.body.id}/move`, { parentId: t.countyB });
    expect(moved.status).toBe(200);
    expect(moved.body.path).toBe(`${t.city}.${t.countyB}.${town.body.id}`);
    const child = await admin.get(`/api/v1/orgs/${branch.body.id}`);
    expect(child.body.path).toBe(`${t.city}.${t.countyB}.${town.body.id}.${branch.body.id}`);
  });

  it('refuses a move under its own descendant', async () => {
    const res = await admin.post(`/api/v1/orgs/${t.countyA}/move`, { parentId: t.townA1 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ORG_MOVE_CYCLE');
    expect((await admin.get(`/api/v1/orgs/${t.countyA}`)).body.parentId).toBe(t.city);
  });

  it('closes an org and keeps it for history; a closed org takes no children', async () => {
    const created = await admin.post('/api/v1/orgs', newOrg(t.townA2, { foundedAt: '2010-01-01' }));
    const early = await admin.post(`/api/v1/orgs/${created.body.id}/close`, { closedAt: '2009-12-31', reason: '合并' });
    expect(early.status).toBe(422);
    const closed = await admin.post(`/api/v1/orgs/${created.body.id}/close`, { closedAt: '2024-06-30', reason: '村庄合并' });
    expect(closed.body).toMatchObject({ closedAt: '2024-06-30', closeReason: '村庄合并' });
    expect((await admin.get(`/api/v1/orgs/${created.body.id}`)).status).toBe(200);
    const open = await admin.get(`/api/v1/orgs/${t.townA2}/children`);
    expect(open.body.items.map((o: { id: number }) => o.id)).not.toContain(created.body.id);
    const all = await admin.get(`/api/v1/orgs/${t.townA2}/children?includeClosed=true`);
    expect(all.body.items.map((o: { id: number }) => o.id)).toContain(created.body.id);
  });

  it('refuses to close an org with open children', async () => {
    const res = await admin.post(`/api/v1/orgs/${t.townB1}/close`, { closedAt: '2024-01-01', reason: '撤并' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ORG_HAS_OPEN_CHILDREN');
  });
});

describe('org scope', () => {
  let t: TestTree;
  let town: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await buildTree(h);
    town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  });

  it('a township account sees its township and below', async () => {
    expect((await town.get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    expect((await town.get(`/api/v1/orgs/${t.branchA1}`)).status).toBe(200);
    const roots = await town.get('/api/v1/orgs/roots');
    expect(roots.body.items.map((o: { id: number }) => o.id)).toEqual([t.townA1]);
  });

  it.each(['townA2', 'townB1', 'branchB1', 'countyA', 'city'] as const)('gets 404 for %s, and changes nothing', async (key) => {
    const before = await auditCount(h);
    expect((await town.get(`/api/v1/orgs/${t[key]}`)).status).toBe(404);
    expect((await town.get(`/api/v1/orgs/${t[key]}/children`)).status).toBe(404);
    const patch = await town.patch(`/api/v1/orgs/${t[key]}`, { name: '越权修改' });
    expect(patch.status).toBe(404);
    expect((await town.post('/api/v1/orgs', newOrg(t[key]))).status).toBe(404);
    // The refusal is audited as denied; nothing else was written.
    expect(await auditCount(h)).toBe(before + 2);
  });

  it('cannot move its org outside its subtree', async () => {
    const res = await town.post(`/api/v1/orgs/${t.branchA1}/move`, { parentId: t.townB1 });
    expect(res.status).toBe(404);
  });

  it('search is scoped', async () => {
    const res = await town.get('/api/v1/orgs?q=党支部');
    const ids = res.body.items.map((o: { id: number }) => o.id);
    expect(ids).toContain(t.branchA1);
    expect(ids).not.toContain(t.branchB1);
  });

  it('a branch secretary reads but does not manage', async () => {
    const sec = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
    const org = await sec.get(`/api/v1/orgs/${t.branchA1}`);
    expect(org.body.abilities.canManage).toBe(false);
    expect((await sec.patch(`/api/v1/orgs/${t.branchA1}`, { name: 'x' })).status).toBe(403);
  });
});

describe("restructuring is the parent's decision", () => {
  it('a county admin edits its own committee but cannot move or close it', async () => {
    const t = await buildTree(h);
    const county = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyA }])).cookie);
    const own = await county.get(`/api/v1/orgs/${t.countyA}`);
    expect(own.body.abilities).toMatchObject({ canManage: true, canRestructure: false, canRecordMeetings: true, canRecordCommittee: true });
    expect((await county.patch(`/api/v1/orgs/${t.countyA}`, { unit: '甲旗委员会' })).status).toBe(200);
    const close = await county.post(`/api/v1/orgs/${t.countyA}/close`, { closedAt: '2024-01-01', reason: '测试' });
    expect(close.status).toBe(403);
    expect(close.body.error.message).toContain('上级党组织');
    const town = await county.get(`/api/v1/orgs/${t.townA2}`);
    expect(town.body.abilities).toMatchObject({ canManage: true, canRestructure: true });
    expect((await county.post(`/api/v1/orgs/${t.townA2}/move`, { parentId: t.townA1 })).status).toBe(200);
  });
});
