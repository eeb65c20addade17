import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let cookie: string;
let branchA1Code: string;
let branchB1Code: string;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  cookie = (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie;
  const codes = await rows<{ id: number; code: string }>(
    h.deps.db,
    sql`select id, code from org where id in (${t.branchA1}, ${t.branchB1})`,
  );
  branchA1Code = codes.find((c) => c.id === t.branchA1)?.code as string;
  branchB1Code = codes.find((c) => c.id === t.branchB1)?.code as string;
});
afterAll(() => h.close());

const HEADERS = ['姓名', '性别', '民族', '公民身份号码', '手机号码', '所在党组织代码', '入党日期', '转正日期'];

/** A workbook as the department would fill it in (texts in the shared strings part, or inline in the sheet). */
const sheet = async (data: unknown[][], strings: 'shared' | 'inline' = 'shared') => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(HEADERS);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: strings === 'shared' }));
};

/** A multipart upload of one file. */
const upload = async (url: string, file: Buffer, name = 'members.xlsx') =>
  (await client(h, cookie).upload(url, file, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).raw;

const memberCount = async () => ((await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member`))[0] as { n: number }).n;

describe('member import (all or nothing)', () => {
  it('the template has the Chinese headers and a notes sheet', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/members/import/template', headers: { cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const header = wb.worksheets[0]?.getRow(1).values as unknown[];
    expect(header.slice(1, 9)).toEqual(HEADERS);
    expect(wb.worksheets[1]?.name).toBe('填写说明');
  });

  it('one bad row: every error by row and column, nothing written; fixed: all imported', async () => {
    const before = await memberCount();
    const good = [
      ['阿拉坦', '男', '蒙古族', testIdNumber(), '13900000001', branchA1Code, '2012-07-01', '2013-07-01'],
      [
        '李秀英',
        '女',
        '汉族',
        testIdNumber({ gender: 'female' }),
        '',
        branchA1Code,
        new Date(Date.UTC(2015, 6, 1)),
        new Date(Date.UTC(2016, 6, 1)),
      ],
    ];
    const bad = ['王强', '男', '汉族', '150502199001010011', '', branchA1Code, '2012/7/1', '2013-07-01'];
    const res = await upload('/api/v1/members/import', await sheet([...good, bad]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.message).toContain('未导入任何数据');
    expect(body.error.details.errors).toEqual([{ row: 4, column: '公民身份号码', message: expect.stringContaining('校验位') }]);
    expect(await memberCount()).toBe(before);

    // The annotated sheet carries the message at that row.
    const annotated = await upload('/api/v1/members/import/annotate', await sheet([...good, bad]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell(1, 9).value)).toBe('错误说明');
    expect(String(ws?.getCell(4, 9).value)).toContain('公民身份号码');

    const fixed = [...good, ['王强', '男', '汉族', testIdNumber(), '', branchA1Code, '2012/7/1', '2013-07-01']];
    const ok = await upload('/api/v1/members/import', await sheet(fixed));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ created: 3, failed: 0 });
    expect(await memberCount()).toBe(before + 3);
  });

  it('refuses a branch outside the scope, a duplicate inside the file, and an ID stored as a number', async () => {
    const dup = testIdNumber();
    const res = await upload(
      '/api/v1/members/import',
      await sheet([
        ['甲', '男', '汉族', testIdNumber(), '', branchB1Code, '2012-07-01', '2013-07-01'],
        ['乙', '男', '汉族', dup, '', branchA1Code, '2012-07-01', '2013-07-01'],
        ['丙', '男', '汉族', dup, '', branchA1Code, '2012-07-01', '2013-07-01'],
        ['丁', '男', '汉族', 150502199001010000, '', branchA1Code, '2012-07-01', '2013-07-01'],
      ]),
    );
    const errors = res.json().error.details.errors;
    expect(errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '所在党组织代码'],
      [4, '公民身份号码'],
      [5, '公民身份号码'],
    ]);
    expect(errors[1].message).toContain('第3行');
  });

  it('refuses what is not an .xlsx, in Chinese', async () => {
    const res = await upload('/api/v1/members/import', Buffer.from('姓名,性别\n张三,男\n'), 'members.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('.xlsx');
  });
});

describe('member export', () => {
  it('is masked, scoped, stamped with the exporter, and audited', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/members/export', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell('A1').value)).toContain('导出人');
    const ids: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 2) ids.push(String(row.getCell(5).value));
    });
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const [audit] = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from audit_log where action = 'member.export'`);
    expect(audit?.n).toBe(1);
  });
});

describe('member import keeps every character', () => {
  /** A seeded generator (mulberry32), so a failure can be replayed. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  /** 2–6 characters drawn from Chinese (3 bytes), Mongolian script (3 bytes) and CJK Extension B (4 bytes). */
  const randomName = (rand: () => number) => {
    const pick = (lo: number, hi: number) => String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
    let name = '';
    for (let n = 2 + Math.floor(rand() * 5); n > 0; n--) {
      const r = rand();
      name += r < 0.5 ? pick(0x4e00, 0x9fa5) : r < 0.8 ? pick(0x1820, 0x1878) : pick(0x20000, 0x2a6d6);
    }
    return name;
  };
  /** IDs unique across many rows and calls: the birth date moves every 400 IDs. */
  let idCount = 0;
  const manyIds = (n: number) =>
    Array.from({ length: n }, () =>
      testIdNumber({ birth: new Date(Date.UTC(1970, 0, 1 + Math.floor(idCount++ / 400))).toISOString().slice(0, 10) }),
    );

  // 20,000 rows span hundreds of inflated chunks of the shared strings; inline texts go through the sheet part.
  for (const [size, strings] of [
    [30, 'shared'],
    [20_000, 'shared'],
    [3_000, 'inline'],
  ] as const) {
    it(`stores each of ${size} names (${strings} strings) exactly as written`, async () => {
      const rand = seeded(size);
      const ids = manyIds(size);
      const names = ids.map(() => randomName(rand));
      names[0] = '𠀀导入测试ᠮᠣᠩᠭᠣᠯ';
      const res = await upload(
        '/api/v1/members/import',
        await sheet(
          ids.map((id, i) => [names[i], '男', '汉族', id, '', branchA1Code, '2012-07-01', '2013-07-01']),
          strings,
        ),
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const stored = await rows<{ name: string }>(
        h.deps.db,
        sql`select name from member where org_id = ${t.branchA1} order by id desc limit ${size}`,
      );
      const got = stored.map((r) => r.name).reverse();
      const wrong = got.flatMap((n, i) => (n === names[i] ? [] : [`第${i + 2}行 ${names[i]} → ${n}`]));
      expect(wrong).toEqual([]);
    }, 60_000);
  }

  it('refuses a text with U+FFFD, naming the row and column; nothing written', async () => {
    const before = await memberCount();
    const res = await upload(
      '/api/v1/members/import',
      await sheet([
        ['巴特尔', '男', '蒙古族', testIdNumber(), '', branchA1Code, '2012-07-01', '2013-07-01'],
        ['导入\uFFFD试', '男', '汉族', testIdNumber(), '', branchA1Code, '2012-07-01', '2013-07-01'],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([{ row: 3, column: '姓名', message: expect.stringContaining('�') }]);
    expect(await memberCount()).toBe(before);
  });
});
