import { AuthLimits, DomainError, lockUntilAfterFailure, passwordWeakness } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit.js';
import { randomToken, sm3 } from '../../platform/crypto.js';
import { type Q, rows, toDate } from '../../platform/db/index.js';
import type { Deps, SessionActor } from '../../platform/http.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/password.js';

/** The login-throttle key of a username (SM3, so the table holds no usernames). */
export const throttleKey = (username: string) => sm3(`login:${username.trim().toLowerCase()}`);

/**
 * Checks a login. Failures are counted per username whether or not the account exists, and an
 * unknown user is verified against a dummy hash, so neither the answer nor its timing tells which
 * usernames exist. Returns the new session token.
 */
export const login = async (
  deps: Deps,
  ctx: AuditContext,
  username: string,
  password: string,
): Promise<{ token: string; userId: number }> => {
  const now = deps.now();
  const key = throttleKey(username);
  const [throttle] = await rows<{ failed_count: number; locked_until: Date | null }>(
    deps.db,
    sql`select failed_count, locked_until from login_throttle where username_key = ${key}`,
  );
  // A name that is no account is not stored (people type passwords into it); its throttle key
  // prefix still lets an auditor see repeated attempts on one name.
  const audit = (
    outcome: 'success' | 'failure' | 'denied',
    user: { id: number; username: string } | undefined,
    detail: Record<string, unknown>,
  ) =>
    deps.db.transaction((tx) =>
      recordAudit(
        tx,
        deps.keys.audit,
        { ...ctx, actorId: user?.id ?? null, actorName: user?.username ?? null },
        { action: 'auth.login', outcome, detail: user ? detail : { ...detail, unknownName: key.slice(0, 12) } },
        now,
      ),
    );
  const findUser = async () =>
    (
      await rows<{ id: number; username: string; password_hash: string; disabled: boolean }>(
        deps.db,
        sql`select id, username, password_hash, disabled from app_user where lower(username) = lower(${username.trim()})`,
      )
    )[0];

  if (throttle?.locked_until && toDate(throttle.locked_until) > now) {
    await audit('denied', await findUser(), { reason: 'locked' });
    throw new DomainError(
      'ACCOUNT_LOCKED',
      `连续登录失败${AuthLimits.maxFailedLogins}次，账号已锁定${AuthLimits.lockMinutes}分钟，请稍后再试或联系管理员解锁`,
    );
  }

  const user = await findUser();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !ok) {
    // Counted in one atomic statement, so parallel attempts cannot overwrite each other's count;
    // a lock that has run out starts a fresh count.
    const [counted] = await rows<{ failed_count: number }>(
      deps.db,
      sql`insert into login_throttle (username_key, failed_count, locked_until, updated_at) values (${key}, 1, null, ${now})
          on conflict (username_key) do update set
            failed_count = case when login_throttle.locked_until is not null and login_throttle.locked_until <= ${now}
                                then 1 else login_throttle.failed_count + 1 end,
            locked_until = case when login_throttle.locked_until is not null and login_throttle.locked_until <= ${now}
                                then null else login_throttle.locked_until end,
            updated_at = ${now}
          returning failed_count`,
    );
    const failed = counted?.failed_count ?? 1;
    const lockedUntil = lockUntilAfterFailure(failed, now);
    if (lockedUntil)
      await deps.db.execute(
        sql`update login_throttle set locked_until = ${lockedUntil} where username_key = ${key} and locked_until is null`,
      );
    await audit('failure', user, { failed });
    if (lockedUntil) {
      throw new DomainError(
        'ACCOUNT_LOCKED',
        `连续登录失败${AuthLimits.maxFailedLogins}次，账号已锁定${AuthLimits.lockMinutes}分钟，请稍后再试或联系管理员解锁`,
      );
    }
    throw new DomainError(
      'LOGIN_FAILED',
      `用户名或密码错误，再失败${AuthLimits.maxFailedLogins - failed}次账号将被锁定${AuthLimits.lockMinutes}分钟`,
    );
  }
  if (user.disabled) {
    await audit('denied', user, { reason: 'disabled' });
    throw new DomainError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
  }

  const token = randomToken();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`delete from login_throttle where username_key = ${key}`);
    // A fresh session id at every login (no fixation); stale sessions of this user are cleared.
    await tx.execute(
      sql`delete from session where user_id = ${user.id} and (last_seen_at < ${new Date(now.getTime() - AuthLimits.idleMinutes * 60_000)}
          or created_at < ${new Date(now.getTime() - AuthLimits.absoluteHours * 3_600_000)})`,
    );
    await tx.execute(
      sql`insert into session (id, user_id, created_at, last_seen_at, ip) values (${sm3(token)}, ${user.id}, ${now}, ${now}, ${ctx.ip})`,
    );
    await tx.execute(sql`update app_user set last_login_at = ${now} where id = ${user.id}`);
    await recordAudit(
      tx,
      deps.keys.audit,
      { ...ctx, actorId: user.id, actorName: user.username },
      { action: 'auth.login', outcome: 'success' },
      now,
    );
  });
  return { token, userId: user.id };
};

/** Changes the actor's own password after checking the old one and the policy. */
/** Ends one session; every process's cache sees it gone at its next request. */
export const logout = async (q: Q, sessionId: string) => {
  await q.execute(sql`delete from session where id = ${sessionId}`);
};

export const changePassword = async (deps: Deps, tx: Q, actor: SessionActor, oldPassword: string, newPassword: string) => {
  const [user] = await rows<{ password_hash: string }>(tx, sql`select password_hash from app_user where id = ${actor.userId}`);
  if (!user || !(await verifyPassword(user.password_hash, oldPassword))) {
    throw new DomainError('PASSWORD_WRONG', '原密码不正确', { field: 'oldPassword' });
  }
  const weak = passwordWeakness(newPassword, actor.username);
  if (weak) throw new DomainError('PASSWORD_WEAK', weak, { field: 'newPassword' });
  if (oldPassword === newPassword) throw new DomainError('PASSWORD_WEAK', '新密码不能与原密码相同', { field: 'newPassword' });
  await tx.execute(
    sql`update app_user set password_hash = ${await hashPassword(newPassword)}, must_change_password = false, password_changed_at = ${deps.now()}
        where id = ${actor.userId}`,
  );
  // Other sessions of this account end: whoever knew the old password is out.
  await tx.execute(sql`delete from session where user_id = ${actor.userId} and id <> ${actor.sessionId}`);
};
