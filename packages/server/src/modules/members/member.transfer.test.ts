import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let from: ReturnType<typeof client>;
let to: ReturnType<typeof client>;
let branchB1Code: string;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  from = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
  to = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchB1 }])).cookie);
  const [row] = await rows<{ code: string }>(h.deps.db, sql`select code from org where id = ${t.branchB1}`);
  branchB1Code = row?.code as string;
});
afterAll(() => h.close());

const newMember = async () =>
  (
    await from.post('/api/v1/members', {
      name: '转接测试',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: testIdNumber(),
      orgId: t.branchA1,
      joinedAt: '2015-07-01',
      fullMemberAt: '2016-07-01',
      status: 'full',
    })
  ).body as { id: number };

describe('组织关系转接 inside the system', () => {
  it('letter issued → pending on both sides → received: the member moves, history kept', async () => {
    const m = await newMember();
    const issued = await from.post(`/api/v1/members/${m.id}/transfers`, {
      toOrgCode: branchB1Code,
      letterNo: '通组转〔2026〕12号',
      issuedAt: '2026-03-01',
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      status: 'pending',
      toOrgName: '乙一社区党支部',
      fromOrgName: '甲一村党支部',
      abilities: { canReceive: false, canCancel: true },
    });
    expect(JSON.stringify(issued.body)).not.toContain('Path');
    // The receiving branch sees it, though it cannot read the member yet.
    const incoming = await to.get('/api/v1/transfers?direction=in&status=pending');
    expect(incoming.body.items.find((x: { id: number }) => x.id === issued.body.id)).toMatchObject({
      abilities: { canReceive: true, canCancel: false },
    });
    expect((await to.get(`/api/v1/members/${m.id}`)).status).toBe(404);
    // A second letter while one is pending is refused.
    expect(
      (await from.post(`/api/v1/members/${m.id}/transfers`, { toOrgCode: branchB1Code, letterNo: 'x', issuedAt: '2026-03-02' })).status,
    ).toBe(409);
    // The sender cannot receive; the receiver can.
    expect((await from.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-05' })).status).toBe(403);
    expect((await to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-02-28' })).status).toBe(400);
    const received = await to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-05' });
    expect(received.body).toMatchObject({ status: 'received', receivedAt: '2026-03-05' });
    expect((await to.get(`/api/v1/members/${m.id}`)).body.orgId).toBe(t.branchB1);
    expect((await from.get(`/api/v1/members/${m.id}`)).status).toBe(404);
    expect((await to.get(`/api/v1/members/${m.id}/transfers`)).body.items).toHaveLength(1);
  });

  it('two receipts at once: exactly one wins', async () => {
    const m = await newMember();
    const issued = await from.post(`/api/v1/members/${m.id}/transfers`, {
      toOrgCode: branchB1Code,
      letterNo: '并发',
      issuedAt: '2026-03-01',
    });
    const results = await Promise.all([
      to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-05' }),
      to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-06' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('a withdrawn letter cannot be received', async () => {
    const m = await newMember();
    const issued = await from.post(`/api/v1/members/${m.id}/transfers`, {
      toOrgCode: branchB1Code,
      letterNo: '撤回',
      issuedAt: '2026-03-01',
    });
    expect((await from.post(`/api/v1/transfers/${issued.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-05' })).status).toBe(409);
  });
});

describe('转接 guards', () => {
  it('the issuer confirms a receiving branch anywhere by its code, and only a branch', async () => {
    expect((await from.get(`/api/v1/orgs/by-code/${branchB1Code}`)).body).toMatchObject({ id: t.branchB1, name: '乙一社区党支部' });
    expect((await from.get('/api/v1/orgs/by-code/NO-SUCH-CODE')).status).toBe(404);
    const [town] = await rows<{ code: string }>(h.deps.db, sql`select code from org where id = ${t.townB1}`);
    expect((await from.get(`/api/v1/orgs/by-code/${town?.code}`)).status).toBe(404);
  });

  it('a letter cannot predate the member joining the Party', async () => {
    const m = await newMember();
    const res = await from.post(`/api/v1/members/${m.id}/transfers`, { toOrgCode: branchB1Code, letterNo: '早', issuedAt: '2015-06-30' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('入党日期');
  });

  it('a member taken off the roll while the letter was pending is not received', async () => {
    const m = await newMember();
    const issued = await from.post(`/api/v1/members/${m.id}/transfers`, {
      toOrgCode: branchB1Code,
      letterNo: '逝世',
      issuedAt: '2026-03-01',
    });
    expect((await from.patch(`/api/v1/members/${m.id}`, { exitType: 'deceased', exitAt: '2026-03-03' })).status).toBe(200);
    const res = await to.post(`/api/v1/transfers/${issued.body.id}/receive`, { receivedAt: '2026-03-05' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('不在册');
  });

  it('a transfer out of the system cannot be undone by editing the member', async () => {
    const m = await newMember();
    await from.post(`/api/v1/members/${m.id}/transfers`, { destination: '中共赤峰市委组织部', letterNo: '出', issuedAt: '2026-04-01' });
    const res = await from.patch(`/api/v1/members/${m.id}`, { exitType: null });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('从系统外转入');
  });
});

describe('转出本系统', () => {
  it('records the destination and takes the member off the roll as 转出', async () => {
    const m = await newMember();
    const res = await from.post(`/api/v1/members/${m.id}/transfers`, {
      destination: '中共赤峰市红山区某街道党工委',
      letterNo: '转出〔2026〕3号',
      issuedAt: '2026-04-01',
    });
    expect(res.body).toMatchObject({ status: 'received', destination: '中共赤峰市红山区某街道党工委' });
    const member = await from.get(`/api/v1/members/${m.id}`);
    expect(member.body).toMatchObject({ exitType: 'transferred_out', exitAt: '2026-04-01' });
  });

  it('needs exactly one of receiving branch or destination', async () => {
    const m = await newMember();
    const res = await from.post(`/api/v1/members/${m.id}/transfers`, { letterNo: 'x', issuedAt: '2026-04-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('二者选一');
  });
});

describe('从系统外转入', () => {
  const inbound = (patch: Record<string, unknown> = {}) => ({
    name: '转入测试',
    gender: 'female',
    ethnicity: '蒙古族',
    idNumber: testIdNumber({ gender: 'female', region: '152301' }),
    orgId: t.branchB1,
    joinedAt: '2012-07-01',
    fullMemberAt: '2013-07-01',
    status: 'full',
    origin: '中共呼和浩特市新城区某街道党工委',
    letterNo: '呼新组转〔2026〕8号',
    issuedAt: '2026-03-01',
    receivedAt: '2026-03-10',
    ...patch,
  });

  it('puts the member on the receiving roll and keeps the letter with its origin', async () => {
    const res = await to.post('/api/v1/transfers/inbound', inbound());
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ orgId: t.branchB1, partyAgeSince: '2013-07-01' });
    expect(res.body.transfer).toMatchObject({
      fromOrgId: null,
      fromOrgName: '中共呼和浩特市新城区某街道党工委',
      origin: '中共呼和浩特市新城区某街道党工委',
      toOrgId: t.branchB1,
      status: 'received',
      receivedAt: '2026-03-10',
    });
    const history = await to.get(`/api/v1/members/${res.body.member.id}/transfers`);
    expect(history.body.items).toHaveLength(1);
    const incoming = await to.get('/api/v1/transfers?direction=in');
    expect(incoming.body.items.map((x: { id: number }) => x.id)).toContain(res.body.transfer.id);
    // The branch it did not come from sees nothing of it.
    expect((await from.get('/api/v1/transfers?direction=out')).body.items.map((x: { id: number }) => x.id)).not.toContain(
      res.body.transfer.id,
    );
  });

  it('applies every check of a new member, and writes nothing when one fails', async () => {
    const before = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member_transfer`);
    const bad = await to.post('/api/v1/transfers/inbound', inbound({ fullMemberAt: '2013-06-30' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('fullMemberAt');
    const late = await to.post('/api/v1/transfers/inbound', inbound({ receivedAt: '2026-02-28' }));
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('接收日期不能早于');
    // Only the receiving side's scope: another branch cannot put a member on this roll.
    expect((await from.post('/api/v1/transfers/inbound', inbound())).status).toBe(404);
    const after = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member_transfer`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('one person is one ID: a person already on a roll is transferred inside the system instead', async () => {
    const idNumber = testIdNumber();
    expect((await from.post('/api/v1/members', inbound({ idNumber, gender: 'male', orgId: t.branchA1 }))).status).toBe(201);
    const res = await to.post('/api/v1/transfers/inbound', inbound({ idNumber, gender: 'male' }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('组织关系转接');
  });
});

describe('the transfer list', () => {
  it('comes in pages, newest first, with the total: every letter reachable, none cut off', async () => {
    for (let i = 0; i < 5; i++) {
      const m = await newMember();
      const res = await from.post(`/api/v1/members/${m.id}/transfers`, {
        toOrgCode: branchB1Code,
        letterNo: `分页${i}`,
        issuedAt: '2026-04-01',
      });
      expect(res.status).toBe(201);
    }
    const all = await from.get('/api/v1/transfers?direction=out&pageSize=200');
    const total = all.body.total as number;
    expect(total).toBeGreaterThanOrEqual(5);
    expect(all.body.items).toHaveLength(total);
    const ids: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      const res = await from.get(`/api/v1/transfers?direction=out&pageSize=2&page=${page}`);
      expect(res.body.total).toBe(total);
      ids.push(...res.body.items.map((x: { id: number }) => x.id));
    }
    expect(ids).toEqual(all.body.items.map((x: { id: number }) => x.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await from.get('/api/v1/transfers?direction=out&pageSize=201')).status).toBe(400);
  });
});
