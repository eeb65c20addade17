import { addDays, TRANSFER_PROCESS } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from '../platform/db/index.js';
import type { DemoBranch } from './members.js';
import type { Random } from './random.js';

/** Where members come from and go to outside the system (other leagues and provinces). */
const OUTSIDE = [
  '中共赤峰市红山区委组织部',
  '中共呼和浩特市新城区委组织部',
  '中共包头市昆都仑区委组织部',
  '中共兴安盟乌兰浩特市委组织部',
  '中共沈阳市和平区委组织部',
  '中共长春市朝阳区委组织部',
  '中共北京市海淀区委组织部',
  '中共吉林省双辽市委组织部',
  '中共辽宁省彰武县委组织部',
];

/** Shares of the roll that moved in the last year, roughly as a city reports them. */
const INSIDE_SHARE = 0.008;
const OUT_SHARE = 0.002;
const IN_SHARE = 0.0015;
const PENDING = 30;

/**
 * A year of 组织关系转接 up to `today`, recorded as the API records them: moves between branches
 * (mostly within the county; the member is on the receiving roll), letters still pending, members
 * gone out of the system as 转出, and arrivals from outside with the letter's origin.
 */
export const generateTransfers = async (q: Q, r: Random, branches: DemoBranch[], today: string) => {
  const members = await rows<{ id: number; orgId: number; joinedAt: string }>(
    q,
    sql`select id, org_id as "orgId", to_char(joined_at, 'YYYY-MM-DD') as "joinedAt" from member where exit_type is null order by id`,
  );
  const byRegion = new Map<string, number[]>();
  const regionOfBranch = new Map<number, string>();
  for (const b of branches) {
    regionOfBranch.set(b.id, b.region);
    byRegion.set(b.region, [...(byRegion.get(b.region) ?? []), b.id]);
  }
  const allBranches = branches.map((b) => b.id);
  const used = new Set<number>();
  const pick = (window: [number, number]) => {
    for (;;) {
      const m = r.pick(members);
      if (used.has(m.id)) continue;
      const issuedAt = addDays(today, -r.int(window[0], window[1]));
      if (m.joinedAt > issuedAt) continue;
      used.add(m.id);
      return { ...m, issuedAt };
    }
  };
  let seq = 0;
  const letterNo = (date: string) => `通组转〔${date.slice(0, 4)}〕${++seq}号`;
  const transfers: SQL[] = [];
  const moves: SQL[] = [];
  const exits: SQL[] = [];
  const row = (t: {
    memberId: number;
    from: number | null;
    origin: string | null;
    to: number | null;
    destination: string | null;
    issuedAt: string;
    receivedAt: string | null;
    status: string;
  }) =>
    sql`(${t.memberId}::int, ${t.from}::int, ${t.origin}::text, ${t.to}::int, ${t.destination}::text, ${letterNo(t.issuedAt)}::text,
         ${t.issuedAt}::date, ${t.receivedAt}::date, ${t.status}::text)`;

  const target = (fromBranch: number) => {
    const sameCounty = byRegion.get(regionOfBranch.get(fromBranch) ?? '') ?? allBranches;
    for (;;) {
      const to = r.chance(0.8) ? r.pick(sameCounty) : r.pick(allBranches);
      if (to !== fromBranch) return to;
    }
  };
  const n = (share: number) => Math.max(1, Math.round(members.length * share));

  for (let i = 0; i < n(INSIDE_SHARE); i++) {
    const m = pick([25, 360]);
    const to = target(m.orgId);
    const receivedAt = addDays(m.issuedAt, r.int(2, 20));
    transfers.push(
      row({ memberId: m.id, from: m.orgId, origin: null, to, destination: null, issuedAt: m.issuedAt, receivedAt, status: 'received' }),
    );
    moves.push(sql`(${m.id}::int, ${to}::int)`);
  }
  for (let i = 0; i < Math.min(PENDING, n(INSIDE_SHARE)); i++) {
    const m = pick([0, 20]);
    transfers.push(
      row({
        memberId: m.id,
        from: m.orgId,
        origin: null,
        to: target(m.orgId),
        destination: null,
        issuedAt: m.issuedAt,
        receivedAt: null,
        status: 'pending',
      }),
    );
  }
  for (let i = 0; i < n(OUT_SHARE); i++) {
    const m = pick([0, 360]);
    const destination = r.pick(OUTSIDE);
    transfers.push(
      row({
        memberId: m.id,
        from: m.orgId,
        origin: null,
        to: null,
        destination,
        issuedAt: m.issuedAt,
        receivedAt: m.issuedAt,
        status: 'received',
      }),
    );
    exits.push(sql`(${m.id}::int, ${m.issuedAt}::date)`);
  }
  // Arrivals from outside: members already on the roll whose letter came in during the year.
  for (let i = 0; i < n(IN_SHARE); i++) {
    const m = pick([10, 360]);
    const receivedAt = addDays(m.issuedAt, r.int(3, 9));
    transfers.push(
      row({
        memberId: m.id,
        from: null,
        origin: r.pick(OUTSIDE),
        to: m.orgId,
        destination: null,
        issuedAt: m.issuedAt,
        receivedAt,
        status: 'received',
      }),
    );
  }

  // Each letter with its workflow instance: the state it reached, settled on the day it was received.
  for (let i = 0; i < transfers.length; i += 2000) {
    await q.execute(
      sql`with v(member_id, from_org_id, origin, to_org_id, destination, letter_no, issued_at, received_at, status) as (
            values ${sql.join(transfers.slice(i, i + 2000), sql`, `)}),
          t as (insert into member_transfer (member_id, from_org_id, origin, to_org_id, destination, letter_no, issued_at, received_at)
            select member_id, from_org_id, origin, to_org_id, destination, letter_no, issued_at, received_at from v
            returning id, letter_no, received_at, issued_at)
          insert into workflow_instance (kind, subject_id, state, seq, entered_on, closed_on)
          select ${TRANSFER_PROCESS.kind}, t.id, v.status, 0, coalesce(t.received_at, t.issued_at),
            case when v.status <> 'pending' then coalesce(t.received_at, t.issued_at) end
          from t join v on v.letter_no = t.letter_no`,
    );
  }
  if (moves.length > 0) {
    await q.execute(
      // The path with the org: the load runs with triggers off (bulkLoad), the one that keeps it included.
      sql`update member m set org_id = v.org_id, org_path = o.path
          from (values ${sql.join(moves, sql`, `)}) as v(id, org_id) join org o on o.id = v.org_id where m.id = v.id`,
    );
  }
  if (exits.length > 0) {
    await q.execute(
      sql`update member m set exit_type = 'transferred_out', exit_at = v.exit_at from (values ${sql.join(exits, sql`, `)}) as v(id, exit_at)
          where m.id = v.id`,
    );
  }
  return transfers.length;
};
