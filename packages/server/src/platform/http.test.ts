import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditCount, createHarness, type Harness } from '../test/harness.js';
import { rows } from './db/index.js';
import { route } from './http.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({
    extra: (app) => {
      const thing = z.object({ id: z.number().int(), name: z.string(), day: z.iso.date().nullable() });
      route(app, {
        method: 'GET',
        url: '/api/v1/test/extra-field',
        permission: 'public',
        summary: 'test',
        response: thing,
        // A row with more than the contract names: what leaves is the schema's fields only.
        handler: async () => ({ id: 1, name: '甲', day: '2026-03-01', passwordHash: 'secret' }) as z.infer<typeof thing>,
      });
      route(app, {
        method: 'GET',
        url: '/api/v1/test/wrong-type',
        permission: 'public',
        summary: 'test',
        response: thing,
        handler: async () => ({ id: 1, name: '甲', day: '2026-02-30' }),
      });
      route(app, {
        method: 'POST',
        url: '/api/v1/test/undeclared-status',
        permission: 'public',
        auditAction: 'test.write',
        summary: 'test',
        response: thing,
        handler: async ({ q, reply, audit }) => {
          await q.execute(sql`insert into setting (key, value) values ('test.undeclared', '1')`);
          await audit({ targetType: 'test' });
          reply.status(201);
          return { id: 1, name: '甲', day: null };
        },
      });
      route(app, {
        method: 'POST',
        url: '/api/v1/test/broken-answer',
        permission: 'public',
        auditAction: 'test.write',
        summary: 'test',
        response: thing,
        handler: async ({ q, audit }) => {
          await q.execute(sql`insert into setting (key, value) values ('test.broken', '1')`);
          await audit({ targetType: 'test' });
          return { id: 1, name: '甲', day: '2026-02-30' };
        },
      });
    },
  });
});
afterAll(() => h.close());

describe('a route’s response schema', () => {
  it('is the allow-list of what leaves: fields it does not name are dropped', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/test/extra-field' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, name: '甲', day: '2026-03-01' });
  });

  it('refuses an answer that breaks it: a 500 in Chinese, not a wrong answer', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/test/wrong-type' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });

  it('a write answering a status it does not declare is a 500 and commits nothing', async () => {
    const before = await auditCount(h);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/undeclared-status', payload: {} });
    expect(res.statusCode).toBe(500);
    expect(await rows(h.deps.db, sql`select 1 from setting where key = 'test.undeclared'`)).toEqual([]);
    expect(await auditCount(h)).toBe(before);
  });

  it('a write whose answer breaks it is a 500 and commits nothing', async () => {
    const before = await auditCount(h);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/broken-answer', payload: {} });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(await rows(h.deps.db, sql`select 1 from setting where key = 'test.broken'`)).toEqual([]);
    expect(await auditCount(h)).toBe(before);
  });
});

describe('a refusal to a browser that opened an API address itself (an export link)', () => {
  it('is a page with the Chinese message, not JSON; the app’s own requests still get the error body', async () => {
    const page = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export',
      headers: { 'sec-fetch-mode': 'navigate', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('请先登录');
    expect(page.body).not.toContain('"error"');
    const app = await h.app.inject({ method: 'GET', url: '/api/v1/audit/export', headers: { accept: 'application/json' } });
    expect(app.statusCode).toBe(401);
    expect(app.json().error.code).toBe('UNAUTHENTICATED');
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/nothing/<b>', headers: { 'sec-fetch-mode': 'navigate' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('请求的接口不存在');
    expect(missing.body).not.toContain('<b>');
  });
});
