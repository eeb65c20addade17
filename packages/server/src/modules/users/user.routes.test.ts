import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  auditCount,
  buildTree,
  client,
  createHarness,
  createUser,
  type Harness,
  login,
  type TestTree,
} from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let county: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  county = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.countyA }])).cookie);
});
afterAll(() => h.close());

let n = 0;
const account = (grants: { role: string; orgId: number }[], patch: Record<string, unknown> = {}) => ({
  username: `acct_${process.pid}_${++n}`,
  displayName: '张三',
  password: 'Initial-Pass-2026',
  grants,
  ...patch,
});

describe('accounts', () => {
  it('a county admin creates a township account that sees only its township', async () => {
    const res = await county.post('/api/v1/users', account([{ role: 'org_admin', orgId: t.townA1 }]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mustChangePassword: true, grants: [{ role: 'org_admin', orgId: t.townA1 }] });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_hash|Initial-Pass/);
    const cookie = await login(h, res.body.username, 'Initial-Pass-2026');
    const c = client(h, cookie);
    await c.post('/api/v1/auth/password', { oldPassword: 'Initial-Pass-2026', newPassword: 'Township-Pass-2026' });
    expect((await c.get(`/api/v1/orgs/${t.townA1}`)).status).toBe(200);
    expect((await c.get(`/api/v1/orgs/${t.townA2}`)).status).toBe(404);
  });

  it('cannot grant outside its own subtree: 404, nothing written', async () => {
    const before = await auditCount(h);
    const res = await county.post('/api/v1/users', account([{ role: 'org_admin', orgId: t.townB1 }]));
    expect(res.status).toBe(404);
    const list = await county.get('/api/v1/users?pageSize=200');
    expect(list.body.items.some((u: { grants: { orgId: number }[] }) => u.grants.some((g) => g.orgId === t.townB1))).toBe(false);
    expect(await auditCount(h)).toBe(before + 1); // the denied attempt
  });

  it('cannot hand out officer roles', async () => {
    const res = await county.post('/api/v1/users', account([{ role: 'auditor', orgId: t.countyA }]));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('审计管理员');
  });

  it('refuses a weak password and a taken username, naming the field', async () => {
    const weak = await county.post('/api/v1/users', account([{ role: 'member', orgId: t.branchA1 }], { password: 'abcdefghijkl' }));
    expect(weak.status).toBe(422);
    expect(weak.body.error.details.field).toBe('password');
    const first = await county.post('/api/v1/users', account([{ role: 'member', orgId: t.branchA1 }]));
    const again = await county.post(
      '/api/v1/users',
      account([{ role: 'member', orgId: t.branchA1 }], { username: first.body.username.toUpperCase() }),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.details.field).toBe('username');
  });

  it('lists only accounts in scope', async () => {
    const outside = await createUser(h, [{ role: 'member', orgId: t.branchB1 }]);
    const list = await county.get('/api/v1/users?pageSize=200');
    expect(list.body.items.map((u: { id: number }) => u.id)).not.toContain(outside.id);
    expect((await county.patch(`/api/v1/users/${outside.id}`, { disabled: true })).status).toBe(404);
  });

  it('disables an account and ends its sessions; cannot disable itself', async () => {
    const u = await createUser(h, [{ role: 'branch_admin', orgId: t.branchA1 }]);
    const c = client(h, await login(h, u.username));
    expect((await county.patch(`/api/v1/users/${u.id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const self = await actorWith(h, [{ role: 'org_admin', orgId: t.townA2 }]);
    expect((await client(h, self.cookie).patch(`/api/v1/users/${self.id}`, { disabled: true })).status).toBe(403);
  });

  it('unlocks a locked account and resets a password (forcing a change)', async () => {
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    for (let i = 0; i < 5; i++) await client(h).post('/api/v1/auth/login', { username: u.username, password: 'Bad-password-1' });
    const listed = await county.get(`/api/v1/users?q=${u.username}`);
    expect(listed.body.items[0].lockedUntil).not.toBeNull();
    expect((await county.post(`/api/v1/users/${u.id}/unlock`)).status).toBe(200);
    const reset = await county.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Reset-Pass-2026' });
    expect(reset.body.mustChangePassword).toBe(true);
    expect((await client(h).post('/api/v1/auth/login', { username: u.username, password: 'Reset-Pass-2026' })).status).toBe(200);
  });
});

describe('三员分立', () => {
  it('sysadmin creates accounts but cannot grant, and reads no Party organizations', async () => {
    const sys = client(h, (await actorWith(h, [{ role: 'sysadmin', orgId: t.city }])).cookie);
    const plain = await sys.post('/api/v1/users', account([], { homeOrgId: t.city }));
    expect(plain.status).toBe(201);
    const withGrant = await sys.post('/api/v1/users', account([{ role: 'member', orgId: t.branchA1 }]));
    expect(withGrant.status).toBe(403);
    expect((await sys.get(`/api/v1/orgs/${t.city}`)).status).toBe(403);
  });

  it('secadmin grants roles, including officer roles, but never two officer roles together', async () => {
    const sec = client(h, (await actorWith(h, [{ role: 'secadmin', orgId: t.city }])).cookie);
    const target = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    const ok = await sec.patch(`/api/v1/users/${target.id}`, { grants: [{ role: 'auditor', orgId: t.city }] });
    expect(ok.status).toBe(200);
    const both = await sec.patch(`/api/v1/users/${target.id}`, {
      grants: [
        { role: 'auditor', orgId: t.city },
        { role: 'sysadmin', orgId: t.city },
      ],
    });
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe('GRANT_ROLES_CONFLICT');
  });

  it('an org admin cannot touch an officer account even at the root', async () => {
    const root = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
    const auditor = await createUser(h, [{ role: 'auditor', orgId: t.city }]);
    const res = await root.patch(`/api/v1/users/${auditor.id}`, { disabled: true });
    expect(res.status).toBe(403);
  });

  it('the auditor reads the audit log and nothing else', async () => {
    const aud = client(h, (await actorWith(h, [{ role: 'auditor', orgId: t.city }])).cookie);
    expect((await aud.get('/api/v1/audit')).status).toBe(200);
    expect((await aud.get('/api/v1/users')).status).toBe(403);
    expect((await aud.get(`/api/v1/orgs/${t.city}`)).status).toBe(403);
    expect((await county.get('/api/v1/audit')).status).toBe(403);
  });
});

describe('account takeover guards (review findings)', () => {
  it('a township admin cannot reset or rename an account whose grants reach beyond its township', async () => {
    const town = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }])).cookie);
    const big = await createUser(h, [
      { role: 'branch_admin', orgId: t.branchA1 },
      { role: 'org_admin', orgId: t.city },
    ]);
    const reset = await town.post(`/api/v1/users/${big.id}/reset-password`, { password: 'Takeover-Pass-2026' });
    expect(reset.status).toBe(403);
    expect((await town.patch(`/api/v1/users/${big.id}`, { displayName: '改名' })).status).toBe(403);
    expect((await town.patch(`/api/v1/users/${big.id}`, { disabled: true })).status).toBe(403);
  });

  it("no officer resets another officer's password in the application", async () => {
    const sys = client(h, (await actorWith(h, [{ role: 'sysadmin', orgId: t.city }])).cookie);
    const sec = await createUser(h, [{ role: 'secadmin', orgId: t.city }]);
    const res = await sys.post(`/api/v1/users/${sec.id}/reset-password`, { password: 'Takeover-Pass-2026' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('account:reset');
  });
});

describe('abilities per account', () => {
  const abilitiesOf = async (c: ReturnType<typeof client>, username: string) =>
    (await c.get(`/api/v1/users?q=${username}`)).body.items.find((u: { username: string }) => u.username === username)?.abilities;

  it('offer exactly what the server then allows', async () => {
    const town = await actorWith(h, [{ role: 'org_admin', orgId: t.townA1 }]);
    const c = client(h, town.cookie);
    const own = await createUser(h, [{ role: 'branch_admin', orgId: t.branchA1 }]);
    const big = await createUser(h, [
      { role: 'branch_admin', orgId: t.branchA1 },
      { role: 'org_admin', orgId: t.countyA },
    ]);

    expect(await abilitiesOf(c, own.username)).toEqual({
      canDisable: true,
      canUnlock: false,
      canResetPassword: true,
      canEditGrants: true,
      canLinkMember: true,
    });
    // Grants reaching beyond the township: seen, not managed — and the server refuses each.
    expect(await abilitiesOf(c, big.username)).toEqual({
      canDisable: false,
      canUnlock: false,
      canResetPassword: false,
      canEditGrants: false,
      canLinkMember: false,
    });
    expect((await c.patch(`/api/v1/users/${big.id}`, { disabled: true })).status).toBe(403);
    expect((await c.patch(`/api/v1/users/${big.id}`, { grants: [] })).status).toBe(403);
    // Oneself: nothing but linking to a member.
    expect(await abilitiesOf(c, town.username)).toMatchObject({ canDisable: false, canResetPassword: false, canEditGrants: false });
    expect((await c.patch(`/api/v1/users/${town.id}`, { disabled: true })).status).toBe(403);

    for (let i = 0; i < 5; i++) await client(h).post('/api/v1/auth/login', { username: own.username, password: 'Bad-password-1' });
    expect(await abilitiesOf(c, own.username)).toMatchObject({ canUnlock: true });
  });

  it('a sysadmin manages accounts but edits no grants', async () => {
    const sys = client(h, (await actorWith(h, [{ role: 'sysadmin', orgId: t.city }])).cookie);
    const u = await createUser(h, [{ role: 'member', orgId: t.branchA1 }]);
    expect(await abilitiesOf(sys, u.username)).toMatchObject({ canDisable: true, canEditGrants: false, canLinkMember: false });
  });
});
