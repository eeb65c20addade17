import { ACTIONS, abilitiesOf, ROLES } from '@jishi/domain';
import { z } from 'zod';
import type { SessionActor } from '../../platform/http.js';
import { idOut } from '../../platform/schemas.js';

/** The signed-in user as the web app sees it: who, where, and every action they hold somewhere. */
export const meSchema = z
  .object({
    id: idOut,
    username: z.string(),
    displayName: z.string(),
    homeOrgId: idOut.nullable(),
    memberId: idOut.nullable().meta({ description: '本账号对应的党员（本人账号），未关联为 null' }),
    grants: z.array(
      z.object({
        role: z.enum(ROLES),
        orgId: idOut,
        orgName: z.string(),
        orgPath: z.string(),
      }),
    ),
    abilities: z.array(z.enum(ACTIONS)).meta({ description: '在某处持有的全部操作权限，菜单据此显示' }),
  })
  .meta({ id: 'Me' });

/** What login and `/auth/me` answer. */
export const sessionSchema = z.object({ user: meSchema, mustChangePassword: z.boolean() }).meta({ id: 'Session' });

/** The session of a signed-in actor. */
export const presentSession = (actor: SessionActor): z.infer<typeof sessionSchema> => ({
  user: {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    homeOrgId: actor.homeOrgId,
    memberId: actor.memberId,
    grants: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName, orgPath: g.orgPath })),
    abilities: abilitiesOf(actor),
  },
  mustChangePassword: actor.mustChangePassword,
});
