import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import {
  actorWith,
  buildTree,
  client,
  createHarness,
  createUser,
  type Harness,
  login,
  TEST_PASSWORD,
  type TestTree,
} from '../../test/harness.js';

let h: Harness;
let t: TestTree;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
});
afterAll(() => h.close());
afterEach(() => h.setNow(undefined as unknown as Date));

const attempt = (username: string, password: string) => client(h).post('/api/v1/auth/login', { username, password });

describe('login', () => {
  it('sets an HttpOnly SameSite=Strict cookie and answers with the user', async () => {
    const u = await createUser(h, [{ role: 'org_admin', orgId: t.townA1 }]);
    const res = await attempt(u.username, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: u.username, grants: [{ role: 'org_admin', orgId: t.townA1 }] });
    expect(res.body.user.abilities).toContain('org.manage');
    const setCookie = String(res.raw.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('gives a new session id at every login, and logout ends the session', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const a = await login(h, u.username);
    const b = await login(h, u.username);
    expect(a).not.toBe(b);
    expect((await client(h, a).get('/api/v1/auth/me')).status).toBe(200);
    expect((await client(h, a).post('/api/v1/auth/logout')).status).toBe(200);
    expect((await client(h, a).get('/api/v1/auth/me')).status).toBe(401);
    expect((await client(h, b).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('answers an unknown user exactly like a wrong password, and locks both after 5 failures', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    for (let i = 1; i <= 4; i++) {
      const known = await attempt(u.username, 'Wrong-password-1');
      const unknown = await attempt(`nobody_${u.username}`, 'Wrong-password-1');
      expect(known.status).toBe(401);
      expect(unknown.body).toEqual(known.body);
    }
    const fifth = await attempt(u.username, 'Wrong-password-1');
    const fifthUnknown = await attempt(`nobody_${u.username}`, 'Wrong-password-1');
    expect(fifth.status).toBe(423);
    expect(fifthUnknown.body).toEqual(fifth.body);
    // Locked: even the right password is refused for 30 minutes.
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(423);
    h.setNow(new Date(Date.now() + 29 * 60_000));
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(423);
    h.setNow(new Date(Date.now() + 31 * 60_000));
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('parallel wrong passwords are all counted: the account locks', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    await Promise.all(Array.from({ length: 12 }, () => attempt(u.username, 'Wrong-password-1')));
    expect((await attempt(u.username, TEST_PASSWORD)).status).toBe(423);
  });

  it('audits failed and successful logins without the password', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    await attempt(u.username, 'Wrong-password-1');
    await attempt(u.username, TEST_PASSWORD);
    const found = await rows<{ outcome: string; detail: unknown }>(
      h.deps.db,
      sql`select outcome, detail from audit_log where action = 'auth.login' and actor_name = ${u.username} order by id`,
    );
    expect(found.map((r) => r.outcome)).toEqual(['failure', 'success']);
    expect(JSON.stringify(found)).not.toContain('Wrong-password');
  });

  it('refuses a disabled account', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    await h.deps.db.execute(sql`update app_user set disabled = true where id = ${u.id}`);
    const res = await attempt(u.username, TEST_PASSWORD);
    expect(res.status).toBe(423);
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('limits login attempts per IP', async () => {
    const limited = await createHarness();
    limited.deps.config.loginRatePerMinute = 3;
    await limited.app.close();
    const { buildApp } = await import('../../app.js');
    const app = await buildApp(limited.deps);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
    }
    expect(codes.slice(0, 3).every((c) => c === 401)).toBe(true);
    expect(codes.slice(3)).toEqual([429, 429]);
    await app.close();
    await limited.database.close();
  });
});

describe('sessions', () => {
  it('a session ended straight in the database is refused at once, though this process has it cached', async () => {
    const u = await createUser(h, [{ role: 'org_admin', orgId: t.townA1 }]);
    const c = client(h, await login(h, u.username));
    expect((await c.get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    await h.deps.db.execute(sql`delete from session where user_id = ${u.id}`);
    expect((await c.get(`/api/v1/orgs/${t.townA1}`)).status).toBe(401);
  });

  it('expire after 30 idle minutes', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const start = Date.now();
    h.setNow(new Date(start));
    const c = client(h, await login(h, u.username));
    h.setNow(new Date(start + 29 * 60_000));
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    h.setNow(new Date(start + 58 * 60_000)); // 29 minutes after the last request
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    h.setNow(new Date(start + 89 * 60_000)); // 31 idle minutes
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expire after 12 hours however active', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const start = Date.now();
    h.setNow(new Date(start));
    const c = client(h, await login(h, u.username));
    for (let m = 20; m <= 720; m += 20) {
      h.setNow(new Date(start + m * 60_000));
      expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    }
    h.setNow(new Date(start + 721 * 60_000));
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('password change', () => {
  it('forces a change at first login: everything but me/password/logout is refused', async () => {
    const u = await createUser(h, [{ role: 'org_admin', orgId: t.townA1 }], { mustChangePassword: true });
    const c = client(h, await login(h, u.username));
    expect((await c.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await c.get(`/api/v1/orgs/${t.townA1}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.message).toContain('12');
    const wrong = await c.post('/api/v1/auth/password', { oldPassword: 'nope', newPassword: 'New-Password-2026' });
    expect(wrong.body.error.code).toBe('PASSWORD_WRONG');
    expect((await c.post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'New-Password-2026' })).status).toBe(200);
    expect((await c.get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    expect((await attempt(u.username, 'New-Password-2026')).status).toBe(200);
  });

  it('ends the other sessions of the account', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const a = client(h, await login(h, u.username));
    const b = client(h, await login(h, u.username));
    await a.post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2026' });
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('sessions across server processes (two apps over one database)', () => {
  const admin = async () => client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);

  it('logout on one process is a 401 on the other at once', async () => {
    const b = await h.twin();
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const cookie = await login(h, u.username);
    expect((await client(b, cookie).get('/api/v1/auth/me')).status).toBe(200); // now cached on B
    expect((await client(h, cookie).post('/api/v1/auth/logout')).status).toBe(200);
    expect((await client(b, cookie).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a password change on one process ends the other sessions on the other process at once', async () => {
    const b = await h.twin();
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const mine = await login(h, u.username);
    const stolen = await login(b, u.username);
    expect((await client(b, stolen).get('/api/v1/auth/me')).status).toBe(200);
    const changed = await client(h, mine).post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Changed-Pass-2026' });
    expect(changed.status).toBe(200);
    expect((await client(b, stolen).get('/api/v1/auth/me')).status).toBe(401);
    expect((await client(b, mine).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('disabling an account on one process shuts it out on the other at once', async () => {
    const b = await h.twin();
    const u = await createUser(h, [{ role: 'org_admin', orgId: t.townA1 }]);
    const cookie = await login(b, u.username);
    expect((await client(b, cookie).get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    expect((await (await admin()).patch(`/api/v1/users/${u.id}`, { disabled: true })).status).toBe(200);
    expect((await client(b, cookie).get(`/api/v1/orgs/${t.townA1}`)).status).toBe(401);
  });

  it('grants changed and a password reset on one process apply on the other at once', async () => {
    const b = await h.twin();
    const boss = await admin();
    const u = await createUser(h, [{ role: 'org_admin', orgId: t.townA1 }]);
    const cookie = await login(b, u.username);
    expect((await client(b, cookie).get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    expect((await boss.patch(`/api/v1/users/${u.id}`, { grants: [{ role: 'member', orgId: t.branchB1 }] })).status).toBe(200);
    const me = await client(b, cookie).get('/api/v1/auth/me');
    expect(me.body.user.grants).toMatchObject([{ role: 'member', orgId: t.branchB1 }]);
    expect((await client(b, cookie).get(`/api/v1/orgs/${t.townA1}`)).status).toBe(404);
    expect((await boss.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Reset-Pass-2026' })).status).toBe(200);
    expect((await client(b, cookie).get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted, so the login limit cannot be dodged', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-at-all', password: 'x' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '127.0.0.9',
    });
    expect(res.statusCode).toBe(401);
    const [row] = await rows<{ ip: string }>(h.deps.db, sql`select ip from audit_log where action = 'auth.login' order by id desc limit 1`);
    expect(row?.ip).toBe('127.0.0.9');
  });
});
