/** Reads of the audit log: the auditor's scope is the log itself, not an org subtree. */
import { type SQL, sql } from 'drizzle-orm';
import type { OUTCOMES } from '../../platform/audit.js';
import { type Q, rows, toDate } from '../../platform/db/index.js';
import type { AuditListRow } from './audit.presenter.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: (typeof OUTCOMES)[number];
}

const whereOf = (f: AuditFilter): SQL => {
  const conds: SQL[] = [sql`true`];
  // Business dates are Asia/Shanghai days.
  if (f.from) conds.push(sql`a.at >= (${f.from}::date::timestamp at time zone 'Asia/Shanghai')`);
  if (f.to) conds.push(sql`a.at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
  if (f.actor) conds.push(sql`a.actor_name = ${f.actor}`);
  if (f.action) conds.push(sql`a.action = ${f.action}`);
  if (f.outcome) conds.push(sql`a.outcome = ${f.outcome}`);
  return sql.join(conds, sql` and `);
};

const isUnfiltered = (f: AuditFilter) => !f.from && !f.to && !f.actor && !f.action && !f.outcome;

const SELECT = sql`select a.id, a.seq, a.at, a.actor_id as "actorId", a.actor_name as "actorName", a.actor_role as "actorRole",
  a.actor_org_id as "actorOrgId", (select o.name from org o where o.id = a.actor_org_id) as "actorOrgName", a.action, a.target_type as "targetType", a.target_id as "targetId", a.outcome,
  a.request_id as "requestId", a.ip, a.detail from audit_log a`;

/**
 * One page of the log, newest first. Unfiltered, the page is found by its sequence numbers, which
 * have no gaps (the verifier checks it): any page as fast as the first, however long the log.
 */
export const findAudit = async (q: Q, f: AuditFilter, limit: number, offset: number): Promise<AuditListRow[]> => {
  const page = isUnfiltered(f)
    ? sql`${SELECT} where a.seq <= (select max(seq) from audit_log) - ${offset} order by a.seq desc limit ${limit}`
    : sql`${SELECT} where ${whereOf(f)} order by a.seq desc limit ${limit} offset ${offset}`;
  return (await rows<AuditListRow>(q, page)).map((r) => ({ ...r, at: toDate(r.at) }));
};

/** How many entries the filter selects (unfiltered: the last sequence number, with no count over the whole log). */
export const countAudit = async (q: Q, f: AuditFilter): Promise<number> => {
  const [count] = await rows<{ total: number }>(
    q,
    isUnfiltered(f)
      ? sql`select coalesce(max(seq), 0)::int as total from audit_log`
      : sql`select count(*)::int as total from audit_log a where ${whereOf(f)}`,
  );
  return count?.total ?? 0;
};

/** The actions the log holds. */
export const auditActions = async (q: Q): Promise<string[]> =>
  (await rows<{ action: string }>(q, sql`select distinct action from audit_log order by action`)).map((r) => r.action);
