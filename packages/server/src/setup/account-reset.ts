/**
 * `npm run account:reset -- <username>`: sets a new one-time password for an account, run by an
 * operator on the server. This is the way back in for an officer account (三员), whose password
 * nobody may reset inside the application. Audited as done from the command line.
 */
import { sql } from 'drizzle-orm';
import { throttleKey } from '../modules/auth/auth.service.js';
import { recordAudit } from '../platform/audit.js';
import { rows } from '../platform/db/index.js';
import { openDeps } from '../platform/deps.js';
import { hashPassword } from '../platform/password.js';
import { generatePassword } from './bootstrap.js';

const username = process.argv[2];
if (!username) {
  console.error('用法 / usage: npm run account:reset -- <用户名 username>');
  process.exit(1);
}
const deps = await openDeps();
const password = generatePassword();
const found = await deps.db.transaction(async (tx) => {
  const [u] = await rows<{ id: number; username: string }>(
    tx,
    sql`select id, username from app_user where lower(username) = lower(${username})`,
  );
  if (!u) return undefined;
  await tx.execute(
    sql`update app_user set password_hash = ${await hashPassword(password)}, must_change_password = true, disabled = false where id = ${u.id}`,
  );
  await tx.execute(sql`delete from session where user_id = ${u.id}`);
  await tx.execute(sql`delete from login_throttle where username_key = ${throttleKey(u.username)}`);
  await recordAudit(
    tx,
    deps.keys.audit,
    { actorId: null, actorName: 'cli', actorRole: null, actorOrgId: null, requestId: null, ip: null },
    { action: 'user.reset_password_cli', targetType: 'user', targetId: u.id },
    deps.now(),
  );
  return u;
});
await deps.database.close();
if (!found) {
  console.error(`没有用户名为「${username}」的账号 / no such account`);
  process.exit(1);
}
console.log(`已重置「${found.username}」的密码（首次登录须修改）：${password}`);
