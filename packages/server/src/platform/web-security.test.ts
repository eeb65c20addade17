import { ATTACHMENT_LIMITS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree, testIdNumber, uniqueCode } from '../test/harness.js';
import { rows } from './db/index.js';
import { inputProblem, MAX_INPUT_DEPTH, refuseBadInput } from './errors.js';

let h: Harness;
let t: TestTree;
let admin: { cookie: string };
let branch: { cookie: string };

beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  admin = await actorWith(h, [{ role: 'org_admin', orgId: t.city }]);
  branch = await actorWith(h, [{ role: 'branch_admin', orgId: t.branchA1 }]);
});
afterAll(() => h.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

const memberBody = (over: Record<string, unknown> = {}) => ({
  name: '安全测试',
  gender: 'male',
  ethnicity: '汉族',
  idNumber: testIdNumber(),
  orgId: t.branchA1,
  joinedAt: '2015-07-01',
  fullMemberAt: '2016-07-01',
  status: 'full',
  ...over,
});

const newMeeting = async () =>
  (await client(h, branch.cookie).post('/api/v1/meetings', { orgId: t.branchA1, type: 'theme_day', date: '2026-03-02' })).body as {
    id: number;
  };

/** A pending transfer letter, to see whether a refused cancel left it alone. */
const pendingTransfer = async () => {
  const c = client(h, branch.cookie);
  const m = (await c.post('/api/v1/members', memberBody())).body as { id: number };
  const [to] = await rows<{ code: string }>(h.deps.db, sql`select code from org where id = ${t.branchB1}`);
  const letter = await c.post(`/api/v1/members/${m.id}/transfers`, {
    toOrgCode: to?.code,
    letterNo: uniqueCode('L'),
    issuedAt: '2026-03-01',
  });
  expect(letter.status).toBe(201);
  return letter.body.id as number;
};
const transferStatus = async (id: number) =>
  (
    await rows<{ status: string }>(
      h.deps.db,
      sql`select state as status from workflow_instance where kind = 'transfer' and subject_id = ${id}`,
    )
  )[0]?.status;

const expectChinese = (res: { json: () => { error: { message: string } } }, pattern?: string) => {
  const message = res.json().error.message;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  if (pattern) expect(message).toContain(pattern);
};

describe('security headers (helmet)', () => {
  it('an API answer carries a self-only CSP, frame-ancestors none, nosniff, a referrer policy and no-store', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/openapi.json', '/api/v1/no-such-route']) {
      const res = await h.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['cache-control'], url).toBe('no-store');
      // Plain-HTTP deployments (the default) must not be pinned to HTTPS.
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('HSTS only when the session cookie is HTTPS-only (JISHI_COOKIE_SECURE=true)', async () => {
    const app = await buildApp({ ...h.deps, config: { ...h.deps.config, cookieSecure: true } });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });

  it('a served attachment keeps its own cache policy', async () => {
    const m = await newMeeting();
    const up = await client(h, branch.cookie).upload(`/api/v1/meetings/${m.id}/attachments`, PNG, 'a.png', 'image/png');
    const got = await client(h, branch.cookie).get(`/api/v1/attachments/${up.body.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.headers['cache-control']).toBe('private, max-age=3600');
    expect(got.raw.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('cross-site writes are refused', () => {
  it('a PATCH from another origin is 403 and changes nothing; from the own origin it passes', async () => {
    const url = `/api/v1/orgs/${t.townA2}`;
    const evil = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: admin.cookie, origin: 'https://evil.example' },
      payload: { name: '被篡改' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CROSS_SITE');
    expectChinese(evil);
    const [o] = await rows<{ name: string }>(h.deps.db, sql`select name from org where id = ${t.townA2}`);
    expect(o?.name).toBe('甲二苏木党委');
    const encoded = await h.app.inject({
      method: 'PATCH',
      url: `/%61pi/v1/orgs/${t.townA2}`,
      headers: { cookie: admin.cookie, origin: 'https://evil.example' },
      payload: { name: '被篡改' },
    });
    expect(encoded.statusCode).toBe(403);
    // `null` (a sandboxed page, a privacy redirect) is not the own origin either.
    for (const origin of ['null', 'http://localhost.evil.example', 'http://localhost:81']) {
      const res = await h.app.inject({ method: 'PATCH', url, headers: { cookie: admin.cookie, origin }, payload: { name: 'x' } });
      expect(res.statusCode, origin).toBe(403);
    }
    const own = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: admin.cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: { name: '甲二苏木党委' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('Sec-Fetch-Site: cross-site is refused even without an Origin; none of the two (curl, integrations) passes', async () => {
    const id = await pendingTransfer();
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${id}/cancel`,
      headers: { cookie: branch.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expectChinese(res);
    expect(await transferStatus(id)).toBe('pending');
    const curl = await h.app.inject({ method: 'POST', url: `/api/v1/transfers/${id}/cancel`, headers: { cookie: branch.cookie } });
    expect(curl.statusCode).toBe(200);
    expect(await transferStatus(id)).toBe('cancelled');
  });

  it('login from another origin is refused (login CSRF); from the own origin it works', async () => {
    const payload = { username: 'nobody', password: 'wrong-password' };
    const evil = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example' }, payload });
    expect(evil.statusCode).toBe(403);
    const own = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'http://localhost' }, payload });
    expect(own.statusCode).toBe(401);
  });

  it('behind a trusted proxy the own origin is the forwarded host; an HTTPS origin on the same host also passes', async () => {
    const proxied = await buildApp({ ...h.deps, config: { ...h.deps.config, trustProxy: true } });
    try {
      const at = (origin: string, extra: Record<string, string> = {}) =>
        proxied.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { origin, 'x-forwarded-host': 'dangjian.example.gov.cn', 'x-forwarded-proto': 'https', ...extra },
          payload: { username: 'nobody', password: 'wrong-password' },
        });
      expect((await at('https://dangjian.example.gov.cn')).statusCode).toBe(401);
      expect((await at('http://localhost')).statusCode).toBe(403);
    } finally {
      await proxied.close();
    }
    // Without trust the forwarded host is ignored, but an HTTPS page on the Host is the server's own.
    const direct = (origin: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin, host: 'dangjian.example.gov.cn', 'x-forwarded-host': 'evil.example' },
        payload: { username: 'nobody', password: 'wrong-password' },
      });
    expect((await direct('https://dangjian.example.gov.cn')).statusCode).toBe(401);
    expect((await direct('https://evil.example')).statusCode).toBe(403);
  });

  it('a body-less text/plain, form or multipart write to a JSON route is 415 and not processed', async () => {
    const id = await pendingTransfer();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/transfers/${id}/cancel`,
        headers: { cookie: branch.cookie, 'content-type': type },
      });
      expect(res.statusCode, type).toBe(415);
      expectChinese(res);
      expect(await transferStatus(id), type).toBe('pending');
    }
    const withBody = await h.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${id}/cancel`,
      headers: { cookie: branch.cookie, 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(withBody.statusCode).toBe(415);
    expect(await transferStatus(id)).toBe('pending');
    // The web's JSON requests pass, charset and all.
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${id}/cancel`,
      headers: { cookie: branch.cookie, 'content-type': 'application/json; charset=utf-8', origin: 'http://localhost' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(200);
  });

  it('uploads still take multipart; the public ballot page still takes JSON from its own origin', async () => {
    const m = await newMeeting();
    const up = await client(h, branch.cookie).upload(`/api/v1/meetings/${m.id}/attachments`, PNG, 'a.png', 'image/png');
    expect(up.status).toBe(201);
    const ballot = await h.app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: { code: 'NOSUCHCODE', scores: [] },
    });
    expect(ballot.statusCode).toBeGreaterThanOrEqual(400);
    expect(ballot.statusCode).not.toBe(403);
    expect(ballot.statusCode).not.toBe(415);
    expect(ballot.statusCode).toBeLessThan(500);
  });
});

describe('hostile JSON is a 400, not a 500', () => {
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  const deepArray = (n: number) => `{"username":${'['.repeat(n)}${']'.repeat(n)},"password":"x"}`;

  it('a body nested 100,000 deep, anonymous login and an authenticated route', async () => {
    for (const [url, cookie] of [
      ['/api/v1/auth/login', undefined],
      ['/api/v1/orgs', admin.cookie],
    ] as const) {
      for (const payload of [deep(100_000), deepArray(100_000), deep(65)]) {
        const res = await h.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          payload,
        });
        expect(res.statusCode, `${url} ${payload.length}`).toBe(400);
        expectChinese(res, '嵌套层级过深');
      }
    }
    const nested = (n: number): unknown => (n === 0 ? 'x' : { a: nested(n - 1) });
    expect(inputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputProblem(nested(MAX_INPUT_DEPTH + 1))).toEqual({ kind: 'depth' });
    // Ordinary nesting is untouched.
    const ok = await client(h, admin.cookie).post('/api/v1/users', {
      username: uniqueCode('n').toLowerCase(),
      displayName: '嵌套',
      password: 'x',
      grants: [{ role: 'member', orgId: t.branchA1 }],
    });
    expect(ok.status).not.toBe(500);
  });

  it('a lone surrogate in a body, a query string or a path is refused before it reaches the database', async () => {
    const c = (payload: string, url: string) =>
      h.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/json' }, payload });
    const member = JSON.stringify(memberBody({ name: 'LONE' })).replace('LONE', '张\\ud800三');
    const org = JSON.stringify({ parentId: t.townA1, name: 'LONE', code: uniqueCode(), type: 'branch', domain: 'village' }).replace(
      'LONE',
      '\\udfff支部',
    );
    const key = JSON.stringify(memberBody()).replace('"name"', '"na\\ud800me"');
    const before = await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member`);
    for (const [payload, url] of [
      [member, '/api/v1/members'],
      [org, '/api/v1/orgs'],
      [key, '/api/v1/members'],
    ] as const) {
      const res = await c(payload, url);
      expect(res.statusCode, payload).toBe(400);
      expectChinese(res, '输入包含无效的字符编码');
    }
    expect(await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from member`)).toEqual(before);
    // Over HTTP a query string or path cannot carry a lone surrogate: its UTF-8 form (CESU-8 bytes)
    // does not decode. A query keeps it as literal text; a path that does not decode is a 400 in Chinese.
    for (const url of ['/api/v1/members?q=%ED%A0%80', '/api/v1/orgs?q=%ED%A0%80%E6%94%AF']) {
      const res = await h.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect(res.statusCode, url).toBe(200);
    }
    const path = await h.app.inject({ method: 'GET', url: '/api/v1/orgs/%ED%A0%80', headers: { cookie: admin.cookie } });
    expect(path.statusCode).toBe(400);
    expectChinese(path, '无效的字符编码');
    // The check itself covers query and params, should a decoder ever let one through.
    for (const req of [
      { body: undefined, query: { q: '\ud800' }, params: {} },
      { body: undefined, query: {}, params: { id: 'x\udc00' } },
    ]) {
      await expect(refuseBadInput(req as never)).rejects.toThrow('输入包含无效的字符编码');
    }
    // A well-formed pair (an emoji) is fine.
    const emoji = await c(JSON.stringify(memberBody({ name: '张\ud83d\ude00三' })), '/api/v1/members');
    expect(emoji.statusCode).not.toBe(400);
  });
});

type Json = Record<string, unknown>;
const isIdName = (name: string) => name === 'id' || /Id$/.test(name);

/** Numeric variants of a schema (through anyOf/oneOf/allOf), the ones an id must bound. */
const numericVariants = (s: Json | undefined): Json[] => {
  if (!s) return [];
  const alts = [s.anyOf, s.oneOf, s.allOf].flatMap((a) => (Array.isArray(a) ? (a as Json[]) : []));
  const self = s.type === 'integer' || s.type === 'number' ? [s] : [];
  return [...self, ...alts.flatMap(numericVariants)];
};

/** Every id-like number in the document without an int4 maximum, as `where: name`. */
const unboundedIds = (doc: unknown): string[] => {
  const found: string[] = [];
  const check = (where: string, name: string, schema: Json | undefined) => {
    const target = /Ids$/.test(name) && schema?.type === 'array' ? (schema.items as Json) : isIdName(name) ? schema : undefined;
    for (const v of numericVariants(target)) {
      const max = typeof v.maximum === 'number' ? v.maximum : typeof v.exclusiveMaximum === 'number' ? v.exclusiveMaximum - 1 : Infinity;
      if (max > 2147483647) found.push(`${where}: ${name}`);
    }
  };
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, where);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (typeof o.name === 'string' && typeof o.in === 'string' && o.schema) check(where, o.name, o.schema as Json);
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, v] of Object.entries(o.properties as Json)) check(where, k, v as Json);
    }
    for (const v of Object.values(o)) walk(v, where);
  };
  const { paths, components } = doc as { paths: Record<string, Record<string, Json>>; components?: { schemas?: Json } };
  // Inputs only: parameters, request bodies, and the named schemas they use (`…Input`); answers may carry wider ids.
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) walk([op.parameters, op.requestBody], `${method.toUpperCase()} ${path}`);
  }
  for (const [name, schema] of Object.entries(components?.schemas ?? {})) if (name.endsWith('Input')) walk(schema, 'components');
  return found;
};

describe('ids beyond int4 are a 400 naming the field', () => {
  it('every integer id in the OpenAPI document has a maximum within int4', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(unboundedIds(doc)).toEqual([]);
  });

  it('2147483648 as an org id of a scheme, a committee leader and a query orgId', async () => {
    const c = client(h, admin.cookie);
    const cases: [Awaited<ReturnType<typeof c.get>>, string][] = [
      [await c.post('/api/v1/evaluation/schemes', { orgId: 2147483648, scheme: {} }), 'orgId'],
      [await c.post(`/api/v1/orgs/${t.branchA1}/groups`, { name: '第一党小组', leaderId: 2147483648 }), 'leaderId'],
      [await c.get('/api/v1/evaluation/compare?programme=red_flags&orgId=2147483648'), 'orgId'],
    ];
    for (const [res, field] of cases) {
      expect(res.status, field).toBe(400);
      expect(res.body.error.details.fields, field).toContainEqual({ field, message: '编号超出范围' });
    }
  });
});

describe('uploads', () => {
  const boundary = '----jishi-cut';
  const cut = (name: string, file: Buffer) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
      file.subarray(0, file.length / 2),
    ]);

  it('a body cut mid-file is 400 上传的文件不完整, on an attachment and on an import', async () => {
    const m = await newMeeting();
    for (const url of [`/api/v1/meetings/${m.id}/attachments`, '/api/v1/members/import', '/api/v1/members/import/annotate']) {
      const res = await h.app.inject({
        method: 'POST',
        url,
        headers: { cookie: branch.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: cut('a.png', PNG),
      });
      expect(res.statusCode, url).toBe(400);
      expectChinese(res, '上传的文件不完整，请重新上传');
    }
    expect((await client(h, branch.cookie).get(`/api/v1/meetings/${m.id}`)).body.files).toHaveLength(0);
    // No boundary at all, and a type the upload does not take.
    const url = `/api/v1/meetings/${m.id}/attachments`;
    const bare = await h.app.inject({
      method: 'POST',
      url,
      headers: { cookie: branch.cookie, 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(bare.statusCode).toBe(400);
    expectChinese(bare, '上传内容格式无效');
    const text = await h.app.inject({
      method: 'POST',
      url,
      headers: { cookie: branch.cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    expectChinese(text, 'multipart/form-data');
  });

  it('bidi and other invisible controls are stripped from a stored file name', async () => {
    const m = await newMeeting();
    const name = 'sign\u202Egnp.exe\u2066\u200E\u200F\u061C\u202A\u2069\u0007.png';
    const up = await client(h, branch.cookie).upload(`/api/v1/meetings/${m.id}/attachments`, PNG, name, 'image/png');
    expect(up.status).toBe(201);
    expect(up.body.fileName).toBe('signgnp.exe.png');
    const detail = await client(h, branch.cookie).get(`/api/v1/meetings/${m.id}`);
    expect(detail.body.files[0].fileName).toBe('signgnp.exe.png');
  });

  it('an oversized attachment speaks of attachments, an oversized import of imports', async () => {
    const m = await newMeeting();
    const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]);
    const att = await client(h, branch.cookie).upload(`/api/v1/meetings/${m.id}/attachments`, big, 'big.png', 'image/png');
    expect(att.status).toBe(413);
    expect(att.body.error.message).toBe(`附件不能超过${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024}MB`);
    const imp = await client(h, branch.cookie).upload('/api/v1/members/import', big, 'big.xlsx');
    expect(imp.status).toBe(413);
    expect(imp.body.error.message).toBe('文件超过10MB，请拆分后分批导入');
  });
});
