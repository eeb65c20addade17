import { maskIdNumber, maskPhone } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, auditCount, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let town: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
  other = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townB1 }])).cookie);
});
afterAll(() => h.close());

const memberBody = (patch: Record<string, unknown> = {}) => ({
  name: '巴特尔',
  gender: 'male',
  ethnicity: '蒙古族',
  idNumber: testIdNumber(),
  phone: '13847512345',
  orgId: t.branchA1,
  joinedAt: '2010-07-01',
  fullMemberAt: '2011-07-01',
  status: 'full',
  ...patch,
});

describe('member registry', () => {
  it('registers a member: masked in the answer, encrypted at rest, party age computed, audited', async () => {
    const before = await auditCount(h);
    const idNumber = testIdNumber();
    const res = await town.post('/api/v1/members', memberBody({ idNumber }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      phone: '138****2345',
      partyAgeSince: '2011-07-01',
      birthDate: '1980-05-01',
      abilities: { canManage: true, canReveal: true },
    });
    expect(res.body.partyAgeYears).toBeGreaterThanOrEqual(15);
    expect(await auditCount(h)).toBe(before + 1);
    // The raw table holds no plaintext ID or phone.
    const [raw] = await rows<Record<string, unknown>>(h.deps.db, sql`select * from member where id = ${res.body.id}`);
    expect(JSON.stringify(raw)).not.toContain(idNumber);
    expect(JSON.stringify(raw)).not.toContain('13847512345');
    const audit = await rows<{ detail: unknown }>(h.deps.db, sql`select detail from audit_log`);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
  });

  it('a probationary member has no party age yet', async () => {
    const res = await town.post('/api/v1/members', memberBody({ joinedAt: '2026-07-01', fullMemberAt: undefined, status: 'probationary' }));
    expect(res.body).toMatchObject({ status: 'probationary', partyAgeSince: null, partyAgeYears: 0 });
  });

  it.each([
    [{ idNumber: '150502199001010011' }, 'idNumber', '校验位'],
    [{ gender: 'female' }, 'gender', '性别'],
    [{ fullMemberAt: '2011-06-30' }, 'fullMemberAt', '预备期'],
    [{ idNumber: testIdNumber({ birth: '1993-07-02' }), joinedAt: '2011-07-01', fullMemberAt: '2012-07-01' }, 'joinedAt', '十八'],
    [{ ethnicity: '火星族' }, 'ethnicity', '民族'],
  ])('refuses %j, naming %s', async (patch, field, words) => {
    const res = await town.post('/api/v1/members', memberBody(patch));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(res.body.error.message).toContain(words);
  });

  it('puts members in branches only', async () => {
    const res = await town.post('/api/v1/members', memberBody({ orgId: t.townA1 }));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('党支部');
  });

  it('one person is one ID in the whole system; the refusal does not say where', async () => {
    const idNumber = testIdNumber();
    expect((await other.post('/api/v1/members', memberBody({ idNumber, orgId: t.branchB1 }))).status).toBe(201);
    const res = await town.post('/api/v1/members', memberBody({ idNumber: idNumber.toLowerCase() }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).not.toContain('乙');
  });

  it('finds by exact ID (blind index), by name and by pinyin, inside the scope only', async () => {
    const idNumber = testIdNumber();
    const created = await town.post(
      '/api/v1/members',
      memberBody({ name: '其其格', gender: 'female', idNumber: testIdNumber({ gender: 'female' }) }),
    );
    expect(created.status).toBe(201);
    const byName = await town.get(`/api/v1/members?q=${encodeURIComponent('其其')}`);
    expect(byName.body.items.map((m: { id: number }) => m.id)).toContain(created.body.id);
    const byPinyin = await town.get('/api/v1/members?q=qqg');
    expect(byPinyin.body.items.map((m: { id: number }) => m.id)).toContain(created.body.id);
    const mine = await town.post('/api/v1/members', memberBody({ idNumber }));
    const byId = await town.get(`/api/v1/members?q=${idNumber}`);
    expect(byId.body.items.map((m: { id: number }) => m.id)).toEqual([mine.body.id]);
    // Another township neither finds nor reads it.
    expect((await other.get(`/api/v1/members?q=${idNumber}`)).body.total).toBe(0);
    expect((await other.get(`/api/v1/members/${mine.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/members?orgId=${t.branchA1}`)).status).toBe(404);
    expect((await other.post(`/api/v1/members/${mine.body.id}/reveal`, { field: 'idNumber', reason: '核对' })).status).toBe(404);
  });

  it('filters by age band and 党龄 band on the business date, birthdays and anniversaries included', async () => {
    h.setNow(new Date('2026-06-01T04:00:00Z'));
    try {
      // 35 today, and 36 today: either side of the 35岁及以下 band.
      const young = await town.post(
        '/api/v1/members',
        memberBody({ idNumber: testIdNumber({ birth: '1991-06-01' }), joinedAt: '2015-01-01', fullMemberAt: '2016-01-01' }),
      );
      const older = await town.post(
        '/api/v1/members',
        memberBody({
          idNumber: testIdNumber({ birth: '1990-06-01' }),
          joinedAt: '2025-06-01',
          fullMemberAt: undefined,
          status: 'probationary',
        }),
      );
      // 党龄 of exactly 10 years today, full since 2016-06-01.
      const ten = await town.post(
        '/api/v1/members',
        memberBody({ idNumber: testIdNumber({ birth: '1980-01-01' }), joinedAt: '2015-06-01', fullMemberAt: '2016-06-01' }),
      );
      const ids = async (query: string) =>
        (await town.get(`/api/v1/members?orgId=${t.branchA1}&pageSize=200&${query}`)).body.items.map((m: { id: number }) => m.id);
      const under36 = await ids('ageBand=35');
      expect(under36).toContain(young.body.id);
      expect(under36).not.toContain(older.body.id);
      expect(await ids('ageBand=36_45')).toContain(older.body.id);
      expect(await ids('partyAgeBand=6_10')).toContain(ten.body.id);
      expect(await ids('partyAgeBand=6_10')).toContain(young.body.id); // 10 years on 2026-01-01
      expect(await ids('partyAgeBand=11_20')).not.toContain(ten.body.id);
      // A 预备党员 has no 党龄 and is in no 党龄 band.
      expect(await ids('partyAgeBand=5')).not.toContain(older.body.id);
      const bad = await town.get(`/api/v1/members?ageBand=99`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('年龄段');
    } finally {
      h.setNow(undefined);
    }
  });

  it('Chinese of 3+ characters matches anywhere, shorter from the start; pinyin and initials from the start', async () => {
    const m = await town.post('/api/v1/members', memberBody({ name: '张伟东', idNumber: testIdNumber() }));
    const ids = async (q: string) =>
      (await town.get(`/api/v1/members?orgId=${t.branchA1}&pageSize=200&q=${encodeURIComponent(q)}`)).body.items.map(
        (x: { id: number }) => x.id,
      );
    for (const q of ['张伟', '张', '张伟东', 'ZhangWei', 'zwd', 'zw', 'zhangwei']) expect(await ids(q)).toContain(m.body.id);
    // Two characters in the middle of a name are not a prefix: too short for the trigram index.
    expect(await ids('伟东')).not.toContain(m.body.id);
    // Latin letters match the start of the pinyin or the initials only.
    expect(await ids('wd')).not.toContain(m.body.id);
    expect(await ids('weidong')).not.toContain(m.body.id);
  });

  it('the roll follows its org: after a move the members are found under the new parent, and after a receipt in the new branch', async () => {
    const admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
    const branch = await admin.post('/api/v1/orgs', {
      parentId: t.townA2,
      name: '搬迁测试党支部',
      code: `MV${Date.now()}`,
      type: 'branch',
      domain: 'village',
    });
    expect(branch.status).toBe(201);
    const m = await admin.post('/api/v1/members', memberBody({ orgId: branch.body.id, idNumber: testIdNumber() }));
    const under = async (orgId: number) =>
      (await admin.get(`/api/v1/members?orgId=${orgId}&pageSize=200`)).body.items.map((x: { id: number }) => x.id);
    expect(await under(t.townA2)).toContain(m.body.id);
    expect((await admin.post(`/api/v1/orgs/${branch.body.id}/move`, { parentId: t.townB1 })).status).toBe(200);
    expect(await under(t.townA2)).not.toContain(m.body.id);
    expect(await under(t.townB1)).toContain(m.body.id);
    // The township that lost the branch no longer reaches the member.
    expect(
      (await town.get(`/api/v1/members?q=${encodeURIComponent('巴特尔')}&pageSize=200`)).body.items.map((x: { id: number }) => x.id),
    ).not.toContain(m.body.id);
  });

  it('records an exit with its date; the member leaves the default list but stays on record', async () => {
    const m = await town.post('/api/v1/members', memberBody());
    const noDate = await town.patch(`/api/v1/members/${m.body.id}`, { exitType: 'deceased' });
    expect(noDate.status).toBe(400);
    const res = await town.patch(`/api/v1/members/${m.body.id}`, { exitType: 'deceased', exitAt: '2025-03-01' });
    expect(res.body).toMatchObject({ exitType: 'deceased', exitAt: '2025-03-01' });
    const list = await town.get(`/api/v1/members?orgId=${t.branchA1}&pageSize=200`);
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(m.body.id);
    const all = await town.get(`/api/v1/members?orgId=${t.branchA1}&pageSize=200&includeExited=true`);
    expect(all.body.items.map((x: { id: number }) => x.id)).toContain(m.body.id);
  });
});

describe('reveal', () => {
  it('needs a reason, returns the full value and audits the reason but not the value', async () => {
    const idNumber = testIdNumber();
    const m = await town.post('/api/v1/members', memberBody({ idNumber }));
    expect((await town.post(`/api/v1/members/${m.body.id}/reveal`, { field: 'idNumber' })).status).toBe(400);
    const res = await town.post(`/api/v1/members/${m.body.id}/reveal`, { field: 'idNumber', reason: '办理组织关系转接' });
    expect(res.body).toEqual({ field: 'idNumber', value: idNumber });
    const [row] = await rows<{ detail: { reason: string } }>(
      h.deps.db,
      sql`select detail from audit_log where action = 'member.reveal' order by id desc limit 1`,
    );
    expect(row?.detail.reason).toBe('办理组织关系转接');
    expect(JSON.stringify(row)).not.toContain(idNumber);
  });

  it('allows 50 reveals an hour per account, then refuses', async () => {
    const c = client(h, (await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }])).cookie);
    const m = await town.post('/api/v1/members', memberBody());
    for (let i = 0; i < 50; i++) {
      expect((await c.post(`/api/v1/members/${m.body.id}/reveal`, { field: 'phone', reason: '联系' })).status).toBe(200);
    }
    const res = await c.post(`/api/v1/members/${m.body.id}/reveal`, { field: 'phone', reason: '联系' });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toContain('50');
  });

  it('120 simultaneous reveals through two server processes: exactly 50 succeed, the rest are refused in Chinese', async () => {
    const b = await h.twin();
    const { cookie } = await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }]);
    const m = await town.post('/api/v1/members', memberBody());
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        client(i % 2 === 0 ? h : b, cookie).post(`/api/v1/members/${m.body.id}/reveal`, { field: 'phone', reason: '联系' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(70);
    expect(results.find((r) => r.status === 429)?.body.error.message).toContain('每个账号每小时最多查看50次');
  });
});

/** Every text cell of an .xlsx, joined. */
const sheetText = async (payload: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
  return cells.join('\n');
};

describe('no ID number or phone in the audit log', () => {
  it("a search and an export by a full ID number or a phone leave neither in clear: not in the table, the auditor's list or export", async () => {
    const idNumber = testIdNumber();
    const phone = '13912345678';
    const m = await town.post('/api/v1/members', memberBody({ idNumber, phone }));
    expect(m.status).toBe(201);
    const spaced = `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}`;
    for (const q of [idNumber, idNumber.toLowerCase(), spaced, phone]) {
      expect((await town.get(`/api/v1/members?q=${encodeURIComponent(q)}`)).status).toBe(200);
      expect((await town.get(`/api/v1/members/export?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
    const exported = await town.get(`/api/v1/members/export?q=${idNumber}`);
    expect(await sheetText(exported.raw.rawPayload)).toContain(maskIdNumber(idNumber)); // the export finds the member

    const clear = [idNumber, idNumber.slice(0, 17), phone];
    const table = JSON.stringify(await rows(h.deps.db, sql`select * from audit_log`));
    for (const v of clear) expect(table).not.toContain(v);
    // The search is recorded, masked.
    expect(table).toContain(maskIdNumber(idNumber));
    expect(table).toContain(maskPhone(phone));

    const auditor = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    const listed = await auditor.get('/api/v1/audit?action=member.export&pageSize=100');
    expect(listed.body.total).toBeGreaterThanOrEqual(5);
    const file = await auditor.get('/api/v1/audit/export?action=member.export');
    expect(file.status).toBe(200);
    const text = await sheetText(file.raw.rawPayload);
    for (const v of clear) {
      expect(JSON.stringify(listed.body)).not.toContain(v);
      expect(text).not.toContain(v);
    }
    expect(text).toContain(maskIdNumber(idNumber));
  });
});
