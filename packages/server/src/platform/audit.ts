import { maskPersonalData } from '@jishi/domain';
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
  /** Gap-free position in the chain. The chain's links already fix the order, so it is not hashed. */
  seq: number;
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
export const linkHash = (key: Buffer, row: Omit<AuditRow, 'id' | 'seq' | 'hash'>): string =>
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
 * A detail as it is stored: plain JSON (what jsonb keeps, so the hash is over what is read back), with
 * every ID number and phone number masked, whichever route put it there.
 */
const storedDetail = (detail: AuditEntry['detail']): Record<string, unknown> | null =>
  detail === undefined ? null : (maskPersonalData(JSON.parse(JSON.stringify(detail))) as Record<string, unknown>);

/**
 * Appends one audit row inside the caller's transaction. An advisory transaction lock orders
 * writers; each row takes its sequence number and its link from the last head in audit_head and
 * appends the new head there. Both tables are append-only, so a row deleted from the end of the log
 * is not taken back by the next write: the next row's number leaves a gap.
 */
export const recordAudit = async (tx: Q, key: Buffer, ctx: AuditContext, entry: AuditEntry, now = new Date()) => {
  await tx.execute(sql`select pg_advisory_xact_lock(7355602)`);
  const [head] = await rows<{ seq: number; hash: string }>(tx, sql`select seq, hash from audit_head order by seq desc limit 1`);
  const seq = Number(head?.seq ?? 0) + 1;
  const row = {
    ...ctx,
    at: now,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome ?? 'success',
    detail: storedDetail(entry.detail),
    prevHash: head?.hash ?? GENESIS,
  };
  const hash = linkHash(key, row);
  await tx.insert(schema.auditLog).values({ ...row, seq, hash });
  await tx.insert(schema.auditHead).values({ seq, hash, at: now });
};

/** What the verifier found. */
export interface ChainCheck {
  ok: boolean;
  /** Rows whose links held, in sequence order. */
  checked: number;
  /** The sequence number (序号) of the first row that does not hold, or of the first one missing. */
  brokenAt?: number;
  /** The break is rows missing (deleted), not a row altered. */
  missing?: boolean;
}

/** The log must end where the last head says; a head past the last row means a deleted tail. */
const checkHead = async (q: Q, lastSeq: number, lastHash: string, checked: number): Promise<ChainCheck> => {
  const [head] = await rows<{ seq: number; hash: string }>(q, sql`select seq, hash from audit_head order by seq desc limit 1`);
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq > lastSeq || (!head && checked > 0)) return { ok: false, checked, brokenAt: lastSeq + 1, missing: true };
  // Rows beyond the head were not written by recordAudit.
  if (headSeq < lastSeq) return { ok: false, checked, brokenAt: headSeq + 1 };
  if (head && head.hash !== lastHash) return { ok: false, checked, brokenAt: lastSeq };
  return { ok: true, checked };
};

/**
 * Walks the chain in sequence order in batches and returns the first break: a number skipped (rows
 * deleted), an edited row (its own hash), a link that does not hold (prev_hash), or a log that stops
 * short of its last head (the newest rows deleted).
 */
export const verifyAuditChain = async (q: Q, key: Buffer): Promise<ChainCheck> => {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await rows<Record<string, unknown>>(
      q,
      sql`select seq, at, actor_id, actor_name, actor_role, actor_org_id, action, target_type, target_id,
                 outcome, request_id, ip, detail, prev_hash, hash
          from audit_log where seq > ${lastSeq} order by seq limit 5000`,
    );
    if (batch.length === 0) return checkHead(q, lastSeq, prev, checked);
    for (const r of batch) {
      const seq = Number(r.seq);
      if (seq !== lastSeq + 1) return { ok: false, checked, brokenAt: lastSeq + 1, missing: true };
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
      if (row.prevHash !== prev || linkHash(key, row) !== r.hash) return { ok: false, checked, brokenAt: seq };
      prev = r.hash as string;
      lastSeq = seq;
      checked++;
    }
  }
};
