import { sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * A fixed-window counter of attempts per IP (logins, 测评 ballots), per process. Several processes behind a load
 * balancer each keep their own, so the effective limit is per process (docs/deploy.md).
 */
export const ipLimiter = (perMinute: number) => {
  const windows = new Map<string, { start: number; count: number }>();
  return (ip: string, now: number): boolean => {
    const w = windows.get(ip);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(ip, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= perMinute;
  };
};

/** The advisory lock namespace of per-account limits (the second key is the account id). */
const ACCOUNT_LIMIT_LOCK = 7355604;

/**
 * Whether an account may do an audited action once more this hour, counted from its successful audit
 * rows, for every server process alike. Call it inside the write's transaction, which then records
 * the action's audit row: the lock keyed on the account is held until that commits, so concurrent
 * requests of the account (on any process) are counted one after the other.
 */
export const withinHourlyLimit = async (tx: Q, action: string, userId: number, perHour: number, now: Date): Promise<boolean> => {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LIMIT_LOCK}, ${userId})`);
  const [used] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from audit_log where action = ${action} and outcome = 'success'
        and actor_id = ${userId} and at > ${new Date(now.getTime() - 3_600_000)}`,
  );
  return (used?.n ?? 0) < perHour;
};
