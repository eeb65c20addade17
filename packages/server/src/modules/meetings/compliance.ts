import {
  ARREARS_FOLLOW_UP_MONTHS,
  ARREARS_LAPSE_MONTHS,
  arrearsFindings,
  BRANCH_TYPES,
  COMMITTEE_REQUIRED_FROM,
  type ComplianceFinding,
  DEFAULT_MEETING_SETTINGS,
  type MeetingType,
  meetingCalendar,
  type OrgType,
  setupFindings,
  termStatus,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { groupBy, type Q, rows } from '../../platform/db/index.js';
import { defineJob } from '../../platform/jobs.js';
import { syncReminders } from '../../platform/reminders.js';
import { readSettings } from '../../platform/settings.js';
import { arrearsStreakSql } from '../dues/dues.arrears.js';

export interface OrgCompliance {
  orgId: number;
  findings: ComplianceFinding[];
  /** Meetings the calendar required in the periods ended so far, and how many of them are missing. */
  meetingsRequired: number;
  meetingsOwed: number;
  /** When the committee's term ends, when an election is recorded. */
  termEndsAt: string | null;
}

/**
 * Every rule finding of `year` as of `asOf` for the open orgs `orgs` selects (a condition on `o`):
 * meetings owed per the calendar, setup thresholds, the committee's term and dues arrears. One query per kind
 * of fact for the whole set, so a city scans in one pass (the nightly job, the township table and
 * `GET /orgs/:id/compliance` all read this).
 */
export const scanCompliance = async (
  q: Q,
  year: number,
  asOf: string,
  orgs: SQL,
  opts: { dues?: boolean } = {},
): Promise<OrgCompliance[]> => {
  const end = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const inScope = sql`(select o.id from org o where o.closed_at is null and ${orgs})`;
  // One after another: inside a transaction they share one connection anyway.
  const list = await rows<{ orgId: number; type: OrgType; domain: string; units: number | null }>(
    q,
    sql`select o.id as "orgId", o.type, o.domain, o.units_covered as units from org o where o.closed_at is null and ${orgs} order by o.id`,
  );
  const counts = await rows<{ orgId: number; members: number; full: number }>(
    q,
    sql`select org_id as "orgId", count(*)::int as members,
            count(*) filter (where full_member_at is not null and full_member_at <= ${end}::date)::int as full
          from member where org_id in ${inScope} and joined_at <= ${end}::date and (exit_at is null or exit_at > ${end}::date)
          group by org_id`,
  );
  const held = await rows<{ orgId: number; type: MeetingType; date: string; groupId: number | null }>(
    q,
    sql`select org_id as "orgId", type, to_char(date, 'YYYY-MM-DD') as date, group_id as "groupId" from meeting
          where status = 'held' and quorum_problem is null and date >= ${`${year}-01-01`}::date and date <= ${`${year}-12-31`}::date
            and org_id in ${inScope}`,
  );
  const committees = await rows<{ orgId: number; kind: string; electedAt: string; adjustmentMonths: number; size: number }>(
    q,
    sql`select c.org_id as "orgId", c.kind, to_char(c.elected_at, 'YYYY-MM-DD') as "electedAt", c.adjustment_months as "adjustmentMonths",
            (select count(*)::int from committee_member cm where cm.committee_id = c.id) as size
          from committee c where c.org_id in ${inScope} and c.elected_at <= ${end}::date and (c.ended_at is null or c.ended_at > ${end}::date)`,
  );
  const groups = await rows<{ orgId: number; id: number; name: string; since: string }>(
    q,
    sql`select org_id as "orgId", id, name, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as since
        from party_group where org_id in ${inScope} and closed_at is null order by id`,
  );
  const arrears =
    opts.dues === false
      ? []
      : await rows<{ orgId: number; lapsed: number; behind: number; names: string[] | string | null }>(
          q,
          sql`select org_id as "orgId", count(*) filter (where streak >= ${ARREARS_LAPSE_MONTHS})::int as lapsed,
            count(*) filter (where streak >= ${ARREARS_FOLLOW_UP_MONTHS} and streak < ${ARREARS_LAPSE_MONTHS})::int as behind,
            (array_agg(name order by streak desc) filter (where streak >= ${ARREARS_LAPSE_MONTHS}))[1:10] as names
          from (${arrearsStreakSql(end, sql`m.org_id in ${inScope}`)}) x
          where streak >= ${ARREARS_FOLLOW_UP_MONTHS} group by org_id`,
        );
  const settings = await readSettings(q, 'meetings', DEFAULT_MEETING_SETTINGS);
  const arrearsOf = new Map(arrears.map((a) => [a.orgId, a]));
  const countOf = new Map(counts.map((c) => [c.orgId, c]));
  const heldOf = groupBy(held, (m) => m.orgId);
  const committeeOf = new Map(committees.map((c) => [c.orgId, c]));
  const groupsOf = groupBy(groups, (g) => g.orgId);
  return list.map((o) => {
    const isBranch = (BRANCH_TYPES as readonly string[]).includes(o.type);
    const c = countOf.get(o.orgId);
    const committee = committeeOf.get(o.orgId);
    const findings: ComplianceFinding[] = [];
    let meetingsRequired = 0;
    let meetingsOwed = 0;
    if (isBranch) {
      // Before any election is recorded, a branch of 7 or more full members is taken to have a committee.
      const hasCommittee = committee ? committee.kind === 'committee' : (c?.full ?? 0) >= COMMITTEE_REQUIRED_FROM;
      const calendar = meetingCalendar(
        year,
        asOf,
        heldOf.get(o.orgId) ?? [],
        { hasCommittee, groups: groupsOf.get(o.orgId) ?? [] },
        settings,
      );
      findings.push(...calendar.findings);
      meetingsRequired = calendar.required;
      meetingsOwed = calendar.findings.length;
      const setup = setupFindings({
        type: o.type,
        domain: o.domain,
        fullMembers: c?.full ?? 0,
        members: c?.members ?? 0,
        committeeSize: committee ? (committee.kind === 'committee' ? committee.size : null) : undefined,
        units: o.units ?? undefined,
      });
      findings.push(...setup.map((f) => ({ ...f, period: String(year) })));
      if (!committee) {
        findings.push({
          code: 'term.unrecorded',
          period: String(year),
          message: '未登记支部委员会（书记）的选举信息，无法核对任期和换届时间（中办《关于党的基层组织任期的意见》）',
        });
      }
    }
    const owing = arrearsOf.get(o.orgId);
    if (owing) {
      const names = typeof owing.names === 'string' ? owing.names.replace(/^\{|\}$/g, '').split(',') : (owing.names ?? []);
      findings.push(...arrearsFindings({ lapsed: owing.lapsed, behind: owing.behind, names }, String(year)));
    }
    const term = committee ? termStatus(o, committee.electedAt, asOf, committee.adjustmentMonths) : null;
    if (term?.finding) findings.push({ ...term.finding, period: String(year) });
    return { orgId: o.orgId, findings, meetingsRequired, meetingsOwed, termEndsAt: term?.endsAt ?? null };
  });
};

/** Stores scan results as the orgs' snapshot for `year`, computed under the MVCC snapshot `seen`. */
const storeSnapshots = async (q: Q, year: number, asOf: string, results: OrgCompliance[], seen: string) => {
  for (let i = 0; i < results.length; i += 500) {
    const chunk = results.slice(i, i + 500);
    await q.execute(
      sql`insert into compliance_snapshot (org_id, year, as_of, findings, meetings_required, meetings_owed, seen)
          values ${sql.join(
            chunk.map(
              (r) =>
                sql`(${r.orgId}, ${year}, ${asOf}::date, ${JSON.stringify(r.findings)}::jsonb, ${r.meetingsRequired}, ${r.meetingsOwed}, ${seen}::pg_snapshot)`,
            ),
            sql`, `,
          )}
          on conflict (org_id, year) do update set as_of = excluded.as_of, findings = excluded.findings,
            meetings_required = excluded.meetings_required, meetings_owed = excluded.meetings_owed, seen = excluded.seen, computed_at = now()`,
    );
  }
};

const idList = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/**
 * Scans the open orgs `orgs` selects and stores the results as their snapshot of `year` as of
 * `asOf`, labelled with the MVCC snapshot taken before the first read: a change committed later
 * is not visible in it, so it makes the snapshot stale (`snapshotCurrent`) however the two
 * interleave. The logged changes every snapshot of an org has taken in are dropped.
 */
export const scanAndStore = async (q: Q, year: number, asOf: string, orgs: SQL): Promise<OrgCompliance[]> => {
  const [taken] = await rows<{ seen: string }>(q, sql`select pg_current_snapshot()::text as seen`);
  const results = await scanCompliance(q, year, asOf, orgs);
  await storeSnapshots(q, year, asOf, results, taken?.seen as string);
  const ids = results.map((r) => r.orgId);
  // This transaction's own changes (a demo load, a write that rescans) came before the scan, which
  // saw them; a snapshot never counts its own transaction as visible, so they are taken in here.
  // (A settings change of its own stays: it concerns orgs this scan may not have covered.)
  await q.execute(sql`delete from compliance_change c where c.org_id = any(${idList(ids)}) and c.xid = pg_current_xact_id_if_assigned()`);
  // A change is dropped once every snapshot of its org (of any year; every org for a null one) saw it.
  const unseenBy = (s: SQL) => sql`(${s}.seen is null or not pg_visible_in_snapshot(c.xid, ${s}.seen))`;
  await q.execute(
    sql`delete from compliance_change c where c.org_id = any(${idList(ids)})
          and not exists (select 1 from compliance_snapshot s where s.org_id = c.org_id and ${unseenBy(sql`s`)})`,
  );
  await q.execute(
    sql`delete from compliance_change c where c.org_id is null
          and not exists (select 1 from compliance_snapshot s where ${unseenBy(sql`s`)})`,
  );
  // A closed org is never scanned nor read again (no org is reopened): its changes are moot.
  await q.execute(sql`delete from compliance_change c using org o where o.id = c.org_id and o.closed_at is not null`);
  return results;
};

/**
 * True for a snapshot (alias `s`) of `year` whose figures stand on `today`: computed on that day
 * (a past year's once it had ended), and no change to its org logged since (migration 0023: every
 * write to a table the scan reads logs its org, by trigger).
 */
export const snapshotCurrent = (s: SQL, year: number, today: string): SQL => {
  const yearEnd = `${year}-12-31`;
  const day = yearEnd < today ? sql`${s}.as_of >= ${yearEnd}::date` : sql`${s}.as_of = ${today}::date`;
  const unseen = (which: SQL) =>
    sql`exists (select 1 from compliance_change c where ${which} and not pg_visible_in_snapshot(c.xid, ${s}.seen))`;
  return sql`(${day} and ${s}.seen is not null and not ${unseen(sql`c.org_id = ${s}.org_id`)} and not ${unseen(sql`c.org_id is null`)})`;
};

/**
 * Brings the snapshots of `year` of the open orgs `orgs` selects up to `today`: only those missing,
 * of another day or changed since are scanned again (a change touches one org: a few ms).
 */
export const freshenSnapshots = async (q: Q, year: number, today: string, orgs: SQL) => {
  const stale = await rows<{ id: number }>(
    q,
    sql`select o.id from org o left join compliance_snapshot s on s.org_id = o.id and s.year = ${year}
        where o.closed_at is null and ${orgs} and (s.org_id is null or not ${snapshotCurrent(sql`s`, year, today)})`,
  );
  if (stale.length > 0) await scanAndStore(q, year, today, sql`o.id = any(${idList(stale.map((r) => r.id))})`);
};

/**
 * Logs that the compliance figures of `orgIds` may have changed, for a write to a table the
 * triggers of migration 0023 do not watch (a new table the scan comes to read). Writes to the
 * watched tables (org, member, meeting, committee, committee_member, party_group, dues_assessment,
 * dues_payment, setting) need no call.
 */
export const figuresChanged = async (q: Q, orgIds: number[]) => {
  if (orgIds.length > 0) await q.execute(sql`insert into compliance_change (org_id) select unnest(${idList(orgIds)})`);
};

export const TERM_REMINDER_KIND = 'term';

/**
 * 换届 reminders (RULES.md §2: the 上级 reminds 6 months ahead): one per org and term end while the
 * term is due soon or overdue, seen by the org and everyone above it; resolved when a new election
 * (or an approved delay) moves the end.
 */
const raiseTermReminders = (q: Q, today: string, results: OrgCompliance[]) =>
  syncReminders(
    q,
    TERM_REMINDER_KIND,
    results
      .filter((r) => r.findings.some((f) => f.code === 'term.due_soon' || f.code === 'term.overdue'))
      .map((r) => ({
        subjectId: r.orgId,
        orgId: r.orgId,
        step: 0,
        dueDate: r.termEndsAt as string,
        title: `任期将于${r.termEndsAt}届满，请按期换届`,
      })),
    today,
  );

/** Nightly: the whole tree for this year (and last year's final state in January), and the 换届 reminders. */
export const complianceScan = defineJob({
  name: 'compliance-scan',
  cron: '0 2 * * *',
  summary: '组织生活合规扫描与换届提醒',
  run: async (q, _deps, today) => {
    const year = Number(today.slice(0, 4));
    const years = today.slice(5, 7) === '01' ? [year - 1, year] : [year];
    let orgs = 0;
    let findings = 0;
    let reminders = { raised: 0, resolved: 0 };
    for (const y of years) {
      const results = await scanAndStore(q, y, today, sql`true`);
      orgs += results.length;
      findings += results.reduce((n, r) => n + r.findings.length, 0);
      if (y === year) reminders = await raiseTermReminders(q, today, results);
    }
    return { orgs, findings, ...reminders };
  },
});
