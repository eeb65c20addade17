import { ROLES } from '@jishi/domain';
import { z } from 'zod';
import { toDate, toIso } from '../../platform/db/index.js';
import { idOut, instantOut } from '../../platform/schemas.js';
import type { UserRow } from './user.repo.js';

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
  })
  .meta({ id: 'UserAccount' });

/** The API shape of an account. */
export const presentUser = (u: UserRow): z.infer<typeof userSchema> => ({
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
});
