import { type Actor, can, canAnywhere, ROLES } from '@jishi/domain';
import { z } from 'zod';
import { toDate, toIso } from '../../platform/db/index.js';
import { idOut, instantOut } from '../../platform/schemas.js';
import type { UserRow } from './user.repo.js';
import { accountRefusal, grantsRefusal } from './user.service.js';

/** An account as its administrators see it: never the password hash. */
export const userSchema = z
  .object({
    id: idOut,
    username: z.string(),
    displayName: z.string(),
    homeOrgId: idOut.nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: instantOut.nullable().meta({ description: '登录失败过多被锁定至此时刻' }),
    lastLoginAt: instantOut.nullable(),
    createdAt: instantOut,
    grants: z.array(z.object({ role: z.enum(ROLES), orgId: idOut, orgName: z.string() })),
    memberId: idOut.nullable().meta({ description: '本账号对应的党员（党员本人账号，可查看「我的党费」）' }),
    memberName: z.string().nullable(),
    abilities: z.object({
      canDisable: z.boolean().meta({ description: '可停用或启用（不含本人）' }),
      canUnlock: z.boolean().meta({ description: '已锁定且可解锁' }),
      canResetPassword: z.boolean(),
      canEditGrants: z.boolean(),
      canLinkMember: z.boolean().meta({ description: '可关联或解除关联党员' }),
    }),
  })
  .meta({ id: 'UserAccount' });

/** What `actor` may do to the account: the service's own refusals, asked in advance. */
const abilitiesOf = (actor: Actor, u: UserRow, now: Date) => {
  const manages = accountRefusal(actor, 'user.manage', u) === null;
  const self = u.id === actor.userId;
  return {
    canDisable: manages && !self,
    canUnlock: manages && u.lockedUntil !== null && toDate(u.lockedUntil) > now,
    canResetPassword: !self && accountRefusal(actor, 'user.manage', u, 'reset_password') === null,
    canEditGrants: can(actor, 'grant.manage', u) && grantsRefusal(actor, u) === null,
    // The member is picked from the roll.
    canLinkMember: manages && canAnywhere(actor, 'member.read'),
  };
};

/** The API shape of an account, with what `actor` may do to it. */
export const presentUser = (actor: Actor, u: UserRow, now = new Date()): z.infer<typeof userSchema> => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  homeOrgId: u.homeOrgId,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  lockedUntil: toIso(u.lockedUntil),
  lastLoginAt: toIso(u.lastLoginAt),
  createdAt: toDate(u.createdAt).toISOString(),
  grants: u.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
  memberId: u.memberId,
  memberName: u.memberName,
  abilities: abilitiesOf(actor, u, now),
});
