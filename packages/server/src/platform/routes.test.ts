import fc from 'fast-check';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { actorWith, buildTree, createHarness, type Harness } from '../test/harness.js';

let h: Harness;
const routes: RouteOptions[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  // A recorder in front, to walk every route the modules register.
  h = await createHarness({ onRoute: (r) => routes.push(r) });
  app = h.app;
});
afterAll(() => h.close());

const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');

describe('every route declares a permission', () => {
  it('registers the public API v1 paths of ARCHITECTURE.md', () => {
    const paths = apiRoutes().map((r) => `${r.method} ${r.url}`);
    for (const p of [
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/password',
      'GET /api/v1/auth/me',
      'GET /api/v1/orgs/:id',
      'GET /api/v1/orgs/:id/children',
      'POST /api/v1/orgs',
      'PATCH /api/v1/orgs/:id',
      'POST /api/v1/orgs/:id/move',
      'POST /api/v1/users',
      'GET /api/v1/indicators',
      'GET /api/v1/indicators/:id',
      'GET /api/v1/openapi.json',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('each one has a permission, and a non-public one answers 401 without a session', async () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
    for (const r of apiRoutes()) {
      const permission = r.config?.permission;
      expect(permission, `${r.method} ${r.url}`).toBeTruthy();
      if (permission === 'public') continue;
      const res = await app.inject({
        method: r.method as 'GET',
        url: r.url.replace(':id', '1'),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('an app with an undeclared route does not start', async () => {
    const bad = await buildApp(h.deps, {
      onRoute: () => {},
      extra: (a) => a.get('/api/v1/undeclared', async () => 'x'),
    }).catch((e: Error) => e);
    expect(bad).toBeInstanceOf(Error);
  });
});

describe('every route declares its response schema (ARCHITECTURE.md Contract)', () => {
  it('so the OpenAPI document, and the web types generated from it, describe every answer', () => {
    const undeclared = apiRoutes()
      .filter((r) => !(r.schema as { response?: unknown } | undefined)?.response)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'these routes declare no `response` schema (platform/http.ts, RouteSpec)').toEqual([]);
  });
});

describe('no malformed input gives a 5xx', () => {
  it('NUL characters, ids beyond int4 and year 0000 are refused in Chinese (review findings)', async () => {
    const t = await buildTree(h);
    const { cookie } = await actorWith(h, [{ role: 'org_admin', orgId: t.city }]);
    const cases: [string, string, unknown][] = [
      ['GET', '/api/v1/orgs?q=a%00b', undefined],
      ['POST', '/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' }],
      ['PATCH', `/api/v1/orgs/${t.townA1}`, { name: 'a\u0000b' }],
      ['POST', '/api/v1/orgs', { parentId: 3000000000, name: 'x', code: 'X1', type: 'branch', domain: 'village' }],
      ['POST', `/api/v1/orgs/${t.townA1}/move`, { parentId: 3000000000 }],
      ['POST', '/api/v1/users', { username: 'abc', displayName: 'x', password: 'x', grants: [{ role: 'member', orgId: 3000000000 }] }],
      ['GET', '/api/v1/indicators?date=0000-01-01', undefined],
    ];
    for (const [method, url, payload] of cases) {
      const res = await app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('random bodies, query strings and ids on every route', async () => {
    const t = await buildTree(h);
    const { cookie } = await actorWith(h, [{ role: 'org_admin', orgId: t.city }]);
    const targets = apiRoutes().filter((r) => !r.url.endsWith('/logout') && !r.url.endsWith('/password'));
    const json = fc.jsonValue({ maxDepth: 3 });
    const idLike = fc.oneof(fc.integer().map(String), fc.string(), fc.constant(String(t.townA1)), fc.constant('9999999999999'));
    const bodyFor = fc.oneof(
      json,
      fc.record(
        {
          parentId: fc.oneof(fc.integer(), fc.constant(t.townA1), fc.string()),
          name: fc.string(),
          code: fc.string(),
          type: fc.constantFrom('branch', 'committee', 'x'),
          domain: fc.constantFrom('village', 'mixed', ''),
          foundedAt: fc.oneof(fc.string(), fc.constant('2020-02-30'), fc.constant('2020-01-01')),
          grants: fc.array(fc.record({ role: fc.string(), orgId: fc.integer() }), { maxLength: 2 }),
          username: fc.string(),
          password: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    const query = fc.dictionary(
      fc.constantFrom('q', 'page', 'pageSize', 'orgId', 'date', 'by', 'includeClosed', 'from', 'outcome', 'parent'),
      fc.string(),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), idLike, bodyFor, query, fc.boolean(), async (r, id, body, q, rawText) => {
        const url = `${r.url.replace(':id', encodeURIComponent(id))}?${new URLSearchParams(q)}`;
        const res = await app.inject({
          method: r.method as 'POST',
          url,
          headers: { cookie, ...(rawText ? { 'content-type': 'application/json' } : {}) },
          ...(r.method === 'GET' ? {} : rawText ? { payload: JSON.stringify(body).slice(0, -1) || '{' } : { payload: body as never }),
        });
        expect(res.statusCode, `${r.method} ${url} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 400, seed: 20211 },
    );
  }, 240_000);
});
