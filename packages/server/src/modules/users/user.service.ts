import {
  type Actor,
  can,
  DomainError,
  grantConflict,
  isWithin,
  mayGrant,
  notFound,
  officerAccountRefusal,
  passwordWeakness,
  ROLE_LABELS,
  type Role,
  type UserCreate,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { hashPassword } from '../../platform/password.js';
import { throttleKey } from '../auth/auth.service.js';
import { findOrg, type OrgRow } from '../orgs/org.repo.js';
import { findUser, type UserRow } from './user.repo.js';

type GrantInput = { role: Role; orgId: number };

const rolesOf = (actor: Actor) => actor.grants.map((g) => g.role);

type AccountAction = 'user.read' | 'user.manage' | 'grant.manage';

/**
 * Why the actor may not act on an account it can see, or null: for a change every grant the
 * account holds must be within the actor's reach too (else a township admin could take over a county
 * account whose home happens to be a village), and officers are managed only by officers.
 */
export const accountRefusal = (
  actor: Actor,
  action: AccountAction,
  u: UserRow,
  op: 'manage' | 'reset_password' = 'manage',
): string | null => {
  if (!can(actor, action, u)) return '无权管理该账号';
  if (action === 'user.read') return null;
  const beyond = u.grants.find((g) => !can(actor, action, { orgPath: g.orgPath }));
  if (beyond) return `该账号在「${beyond.orgName}」的权限超出您的管辖范围，不能由您管理`;
  return officerAccountRefusal(
    rolesOf(actor),
    u.grants.map((g) => g.role),
    op,
  );
};

/** Why the actor may not change the account's grants, or null: nobody changes their own, and grants taken away must be within reach. */
export const grantsRefusal = (actor: Actor, u: UserRow): string | null => {
  if (u.id === actor.userId) return '不能修改自己的权限';
  const out = u.grants.find((g) => !mayGrant(actor, g.role, g.orgPath));
  return out ? `无权收回「${out.orgName}」的「${ROLE_LABELS[out.role]}」角色` : accountRefusal(actor, 'grant.manage', u);
};

/** Loads an account the actor may act on (see {@link accountRefusal}); out of scope it is a 404. */
export const getUserFor = async (
  q: Q,
  actor: Actor,
  action: AccountAction,
  id: number,
  op: 'manage' | 'reset_password' = 'manage',
): Promise<UserRow> => {
  const u = await findUser(q, id);
  authorize(actor, action, u, '账号');
  const refusal = accountRefusal(actor, action, u, op);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
  return u;
};

/** Checks a new set of grants: each org exists and is open, the actor may grant each role there, and the roles may go together. */
const checkGrants = async (q: Q, actor: Actor, grants: GrantInput[]): Promise<OrgRow[]> => {
  const conflict = grantConflict(grants.map((g) => g.role));
  if (conflict) throw new DomainError('GRANT_ROLES_CONFLICT', conflict, { field: 'grants' });
  const orgs: OrgRow[] = [];
  for (const g of grants) {
    const o = await findOrg(q, g.orgId);
    if (!o || !actor.grants.some((a) => isWithin(a.orgPath, o.orgPath))) throw notFound('党组织');
    if (!mayGrant(actor, g.role, o.orgPath)) {
      throw new DomainError('FORBIDDEN', `无权在「${o.name}」授予「${ROLE_LABELS[g.role]}」角色`, { field: 'grants' });
    }
    if (o.closedAt) throw new DomainError('ORG_CLOSED', `「${o.name}」已撤销，不能授予角色`, { field: 'grants' });
    orgs.push(o);
  }
  return orgs;
};

/** Ends every session of an account; every process's cache sees the rows gone at the next request. */
const endSessionsOf = async (q: Q, userId: number) => {
  await q.execute(sql`delete from session where user_id = ${userId}`);
};

const writeGrants = async (q: Q, userId: number, grants: GrantInput[]) => {
  await q.execute(sql`delete from user_grant where user_id = ${userId}`);
  const unique = [...new Map(grants.map((g) => [`${g.role}@${g.orgId}`, g])).values()];
  for (const g of unique) await q.execute(sql`insert into user_grant (user_id, role, org_id) values (${userId}, ${g.role}, ${g.orgId})`);
};

/**
 * Links an account to the member it is: a member on the roll in the actor's reach, not linked to
 * another account. Null unlinks.
 */
const linkMember = async (q: Q, actor: Actor, userId: number, memberId: number | null) => {
  if (memberId !== null) {
    const [m] = await rows<{ orgPath: string; exitType: string | null; linkedTo: string | null }>(
      q,
      sql`select o.path::text as "orgPath", m.exit_type as "exitType",
            (select u.username from app_user u where u.member_id = m.id and u.id <> ${userId}) as "linkedTo"
          from member m join org o on o.id = m.org_id where m.id = ${memberId}`,
    );
    if (!m || !can(actor, 'member.read', m))
      throw new DomainError('INVALID_INPUT', '所选党员不存在或不在您的管理范围内', { field: 'memberId' });
    if (m.exitType) throw new DomainError('INVALID_INPUT', '该党员已不在党员名册中', { field: 'memberId' });
    if (m.linkedTo) throw new DomainError('CONFLICT', `该党员已关联账号「${m.linkedTo}」`, { field: 'memberId' });
  }
  await q.execute(sql`update app_user set member_id = ${memberId} where id = ${userId}`);
};

/**
 * Creates an account with its grants; it belongs to `homeOrgId`, else its first grant's org, else the
 * creator's own org. The password must be changed at first login.
 */
export const createUser = async (q: Q, actor: Actor & { homeOrgId: number | null }, input: UserCreate): Promise<UserRow> => {
  const homeOrgId = input.homeOrgId ?? input.grants[0]?.orgId ?? actor.homeOrgId;
  if (!homeOrgId) throw new DomainError('INVALID_INPUT', '请指定账号所属党组织', { field: 'homeOrgId' });
  const home = await findOrg(q, homeOrgId);
  authorize(actor, 'user.manage', home, '党组织');
  if (input.grants.length > 0) await checkGrants(q, actor, input.grants);
  const refusal = officerAccountRefusal(
    rolesOf(actor),
    input.grants.map((g) => g.role),
    'manage',
  );
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
  const weak = passwordWeakness(input.password, input.username);
  if (weak) throw new DomainError('PASSWORD_WEAK', weak, { field: 'password' });
  const [taken] = await rows(q, sql`select 1 from app_user where lower(username) = lower(${input.username})`);
  if (taken) throw new DomainError('USERNAME_TAKEN', `用户名「${input.username}」已被使用`, { field: 'username' });
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into app_user (username, display_name, password_hash, home_org_id, must_change_password)
        values (${input.username}, ${input.displayName}, ${await hashPassword(input.password)}, ${home.id}, true) returning id`,
  );
  const id = (created as { id: number }).id;
  await writeGrants(q, id, input.grants);
  if (input.memberId) await linkMember(q, actor, id, input.memberId);
  return (await findUser(q, id)) as UserRow;
};

/** Changes name, state or grants. Nobody changes their own state or grants. */
export const updateUser = async (
  q: Q,
  actor: Actor,
  id: number,
  patch: { displayName?: string; disabled?: boolean; grants?: GrantInput[]; memberId?: number | null },
): Promise<UserRow> => {
  const needsGrant = patch.grants !== undefined;
  const u = await getUserFor(
    q,
    actor,
    needsGrant && patch.disabled === undefined && !patch.displayName ? 'grant.manage' : 'user.manage',
    id,
  );
  if (u.id === actor.userId && (patch.disabled !== undefined || needsGrant)) {
    throw new DomainError('FORBIDDEN', '不能停用自己的账号或修改自己的权限');
  }
  if (needsGrant) {
    const refusal = grantsRefusal(actor, u);
    if (refusal) throw new DomainError('FORBIDDEN', refusal);
    await checkGrants(q, actor, patch.grants ?? []);
    await writeGrants(q, u.id, patch.grants ?? []);
  }
  if (patch.memberId !== undefined) await linkMember(q, actor, u.id, patch.memberId);
  if (patch.displayName !== undefined) await q.execute(sql`update app_user set display_name = ${patch.displayName} where id = ${u.id}`);
  if (patch.disabled !== undefined) {
    await q.execute(sql`update app_user set disabled = ${patch.disabled} where id = ${u.id}`);
    if (patch.disabled) await endSessionsOf(q, u.id);
  }
  return (await findUser(q, u.id)) as UserRow;
};

/** Lifts a login lock. */
export const unlockUser = async (q: Q, actor: Actor, id: number): Promise<UserRow> => {
  const u = await getUserFor(q, actor, 'user.manage', id);
  await q.execute(sql`delete from login_throttle where username_key = ${throttleKey(u.username)}`);
  return (await findUser(q, u.id)) as UserRow;
};

/** Sets a new initial password; the user must change it at next login and all sessions end. */
export const resetPassword = async (q: Q, actor: Actor, id: number, password: string): Promise<UserRow> => {
  const u = await getUserFor(q, actor, 'user.manage', id, 'reset_password');
  if (u.id === actor.userId) throw new DomainError('FORBIDDEN', '请在「修改密码」中修改自己的密码');
  const weak = passwordWeakness(password, u.username);
  if (weak) throw new DomainError('PASSWORD_WEAK', weak, { field: 'password' });
  await q.execute(sql`update app_user set password_hash = ${await hashPassword(password)}, must_change_password = true where id = ${u.id}`);
  await endSessionsOf(q, u.id);
  await q.execute(sql`delete from login_throttle where username_key = ${throttleKey(u.username)}`);
  return (await findUser(q, u.id)) as UserRow;
};
