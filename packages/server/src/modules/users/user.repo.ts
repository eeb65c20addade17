import type { Role } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, type Q, rows } from '../../platform/db/index.js';
import { throttleKey } from '../auth/auth.service.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  homeOrgId: number | null;
  orgPath: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  lockedUntil: Date | null;
  grants: { role: Role; orgId: number; orgName: string; orgPath: string }[];
  memberId: number | null;
  memberName: string | null;
}

const COLUMNS = sql`u.id, u.username, u.display_name as "displayName", u.home_org_id as "homeOrgId",
  coalesce(h.path::text, '') as "orgPath", u.disabled, u.must_change_password as "mustChangePassword",
  u.last_login_at as "lastLoginAt", u.created_at as "createdAt", u.member_id as "memberId",
  (select m.name from member m where m.id = u.member_id) as "memberName",
  coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name, 'orgPath', o.path::text) order by g.id)
    from user_grant g join org o on o.id = g.org_id where g.user_id = u.id), '[]') as grants`;

const FROM = sql`app_user u left join org h on h.id = u.home_org_id`;

const parse = (r: UserRow): UserRow => ({ ...r, grants: typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants });

/** One account by id. */
export const findUser = async (q: Q, id: number): Promise<UserRow | undefined> => {
  const [r] = await rows<UserRow>(q, sql`select ${COLUMNS} from ${FROM} where u.id = ${id}`);
  return r ? withLock(q, parse(r)) : undefined;
};

/** Adds the login lock, which is kept by username so unknown names lock alike. */
const withLock = async (q: Q, u: UserRow): Promise<UserRow> => {
  const [t] = await rows<{ locked_until: Date }>(
    q,
    sql`select locked_until from login_throttle where username_key = ${throttleKey(u.username)} and locked_until > now()`,
  );
  return { ...u, lockedUntil: t?.locked_until ?? null };
};

/** Accounts whose home org lies in scope, newest first. */
export const searchUsers = async (
  q: Q,
  s: { scope: SQL; q?: string; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> => {
  const like = s.q ? `%${escapeLike(s.q)}%` : undefined;
  const where = sql.join(
    [s.scope, like ? sql`(u.username ilike ${like} or u.display_name ilike ${like})` : undefined].filter((c): c is SQL => !!c),
    sql` and `,
  );
  const [count] = await rows<{ total: number }>(q, sql`select count(*)::int as total from ${FROM} where ${where}`);
  const found = await rows<UserRow>(
    q,
    sql`select ${COLUMNS} from ${FROM} where ${where} order by u.id desc limit ${s.limit} offset ${s.offset}`,
  );
  return { items: await Promise.all(found.map((r) => withLock(q, parse(r)))), total: count?.total ?? 0 };
};
