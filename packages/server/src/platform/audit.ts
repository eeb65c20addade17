import { sql } from 'drizzle-orm';
import { hmacSm3 } from './crypto.js';
import { type Q, rows, schema, toDate } from './db/index.js';

/** The chain starts from this value; the first row's prev_hash. */
export const GENESIS = '0'.repeat(64);

/** How an audited request ended. */
export const OUTCOMES = ['success', 'denied', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  outcome?: Outcome;
  detail?: Record<string, unknown>;
}

/** Who and where: filled from the request by the route layer. */
export interface AuditContext {
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrgId: number | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditRow extends AuditContext {
  id: number;
  at: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detail: unknown;
  prevHash: string;
  hash: string;
}

/** Stable JSON: keys sorted at every depth, so jsonb's own key order never changes a hash. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

/** The HMAC-SM3 link: this row's content chained to the previous row's hash. */
export const linkHash = (key: Buffer, row: Omit<AuditRow, 'id' | 'hash'>): string =>
  hmacSm3(
    key,
    canonical([
      row.prevHash,
      row.at.toISOString(),
      row.actorId,
      row.actorName,
      row.actorRole,
      row.actorOrgId,
      row.action,
      row.targetType,
      row.targetId,
      row.outcome,
      row.requestId,
      row.ip,
      row.detail ?? null,
    ]),
  );

/**
 * Appends one audit row inside the caller's transaction. An advisory transaction lock orders
 * writers so that each row links to the one committed before it.
 */
export const recordAudit = async (tx: Q, key: Buffer, ctx: AuditContext, entry: AuditEntry, now = new Date()) => {
  await tx.execute(sql`select pg_advisory_xact_lock(7355602)`);
  const [last] = await rows<{ hash: string }>(tx, sql`select hash from audit_log order by id desc limit 1`);
  const row = {
    ...ctx,
    at: now,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome ?? 'success',
    detail: entry.detail ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  const hash = linkHash(key, row);
  const [inserted] = await tx
    .insert(schema.auditLog)
    .values({ ...row, hash })
    .returning({ id: schema.auditLog.id });
  // The head, sealed with the key: deleting the newest rows would otherwise leave a valid chain.
  const head = { id: inserted?.id, hash, mac: hmacSm3(key, `${inserted?.id}:${hash}`) };
  await tx.execute(
    sql`insert into setting (key, value, updated_at) values ('audit.head', ${JSON.stringify(head)}::jsonb, ${now})
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
};

/** The chain must end where the sealed head says; a missing tail shows as a break after the last row. */
const checkHead = async (q: Q, key: Buffer, lastId: number, lastHash: string, checked: number) => {
  const [row] = await rows<{ value: { id: number; hash: string; mac: string } | string }>(
    q,
    sql`select value from setting where key = 'audit.head'`,
  );
  if (!row) return { ok: checked === 0, checked, ...(checked === 0 ? {} : { brokenAt: lastId + 1 }) };
  const head = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
  const sealed = head.mac === hmacSm3(key, `${head.id}:${head.hash}`);
  if (sealed && Number(head.id) === lastId && head.hash === lastHash) return { ok: true, checked };
  return { ok: false, checked, brokenAt: lastId + 1 };
};

/**
 * Walks the chain in id order in batches and returns the first row whose link does not hold:
 * an edited row breaks its own hash, a deleted one breaks its successor's prev_hash, and deleted
 * newest rows no longer reach the sealed head.
 */
export const verifyAuditChain = async (q: Q, key: Buffer): Promise<{ ok: boolean; checked: number; brokenAt?: number }> => {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await rows<Record<string, unknown>>(
      q,
      sql`select id, at, actor_id, actor_name, actor_role, actor_org_id, action, target_type, target_id,
                 outcome, request_id, ip, detail, prev_hash, hash
          from audit_log where id > ${lastId} order by id limit 5000`,
    );
    if (batch.length === 0) return checkHead(q, key, lastId, prev, checked);
    for (const r of batch) {
      const row = {
        at: toDate(r.at),
        actorId: r.actor_id as number | null,
        actorName: r.actor_name as string | null,
        actorRole: r.actor_role as string | null,
        actorOrgId: r.actor_org_id as number | null,
        action: r.action as string,
        targetType: r.target_type as string | null,
        targetId: r.target_id as string | null,
        outcome: r.outcome as string,
        requestId: r.request_id as string | null,
        ip: r.ip as string | null,
        detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
        prevHash: r.prev_hash as string,
      };
      const id = Number(r.id);
      if (row.prevHash !== prev || linkHash(key, row) !== r.hash) return { ok: false, checked, brokenAt: id };
      prev = r.hash as string;
      lastId = id;
      checked++;
    }
  }
};
