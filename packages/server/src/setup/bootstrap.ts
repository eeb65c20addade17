import { randomBytes } from 'node:crypto';
import type { Role } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { insertOrgs, nextOrgIds } from '../modules/orgs/org.repo.js';
import { recordAudit } from '../platform/audit.js';
import { type Q, rows } from '../platform/db/index.js';
import type { Deps } from '../platform/http.js';
import { hashPassword } from '../platform/password.js';
import { pinyinKey } from '../platform/pinyin.js';

/** The four accounts an empty installation starts with (ARCHITECTURE.md). */
export const BOOTSTRAP_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '组织部管理员', role: 'org_admin' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor' },
];

/** A generated password meeting the policy: letters of both cases, digits and a symbol. */
export const generatePassword = (): string => `Jx${randomBytes(9).toString('base64url')}#7`;

export const isEmpty = async (q: Q): Promise<boolean> => (await rows(q, sql`select 1 from org limit 1`)).length === 0;

/** Creates the bootstrap accounts at the root org; each must change its password at first login. */
export const createBootstrapAccounts = async (q: Q, deps: Deps, rootId: number, password: string) => {
  const hash = await hashPassword(password);
  for (const a of BOOTSTRAP_ACCOUNTS) {
    const [u] = await rows<{ id: number }>(
      q,
      sql`insert into app_user (username, display_name, password_hash, home_org_id, must_change_password)
          values (${a.username}, ${a.displayName}, ${hash}, ${rootId}, true) returning id`,
    );
    await q.execute(sql`insert into user_grant (user_id, role, org_id) values (${u?.id}, ${a.role}, ${rootId})`);
  }
  await recordAudit(
    q,
    deps.keys.audit,
    { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null },
    { action: 'system.bootstrap', targetType: 'org', targetId: rootId, detail: { accounts: BOOTSTRAP_ACCOUNTS.map((a) => a.username) } },
    deps.now(),
  );
};

/** The root org of an installation without demo data. */
export const createRootOrg = async (q: Q, name = '中共通辽市委员会', code = 'TL', divisionCode = '150500'): Promise<number> => {
  const [id] = (await nextOrgIds(q, 1)) as [number];
  await insertOrgs(q, [
    { id, parentId: null, path: String(id), name, code, type: 'committee', domain: 'mixed', divisionCode, pinyin: pinyinKey(name) },
  ]);
  return id;
};
