import {
  ARREARS_FOLLOW_UP_MONTHS,
  ARREARS_LAPSE_MONTHS,
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
    if (owing?.lapsed) {
      const names = typeof owing.names === 'string' ? owing.names.replace(/^\{|\}$/g, '').split(',') : (owing.names ?? []);
      findings.push({
        code: 'dues.lapse_warning',
        period: String(year),
        count: owing.lapsed,
        message: `${owing.lapsed}名党员连续6个月以上未交纳党费（${names.join('、')}${owing.lapsed > names.length ? '等' : ''}）：没有正当理由的按自行脱党处理，须由支部了解情况、支部大会讨论决定（《中国共产党章程》第九条；中组发〔2008〕3号第十三条）`,
      });
    }
    if (owing?.behind) {
      findings.push({
        code: 'dues.arrears',
        period: String(year),
        count: owing.behind,
        message: `${owing.behind}名党员连续3至5个月未交纳党费，请支部及时提醒（中组发〔2008〕3号第十二条）`,
      });
    }
    const term = committee ? termStatus(o, committee.electedAt, asOf, committee.adjustmentMonths) : null;
    if (term?.finding) findings.push({ ...term.finding, period: String(year) });
    return { orgId: o.orgId, findings, meetingsRequired, meetingsOwed, termEndsAt: term?.endsAt ?? null };
  });
};

/** Stores scan results as the orgs' snapshot for `year` (the roll-ups and indicators read these). */
export const storeSnapshots = async (q: Q, year: number, asOf: string, results: OrgCompliance[]) => {
  for (let i = 0; i < results.length; i += 500) {
    const chunk = results.slice(i, i + 500);
    await q.execute(
      sql`insert into compliance_snapshot (org_id, year, as_of, findings, meetings_required, meetings_owed)
          values ${sql.join(
            chunk.map(
              (r) =>
                sql`(${r.orgId}, ${year}, ${asOf}::date, ${JSON.stringify(r.findings)}::jsonb, ${r.meetingsRequired}, ${r.meetingsOwed})`,
            ),
            sql`, `,
          )}
          on conflict (org_id, year) do update set as_of = excluded.as_of, findings = excluded.findings,
            meetings_required = excluded.meetings_required, meetings_owed = excluded.meetings_owed, computed_at = now()`,
    );
  }
};

/** Rescans one org after a change (a meeting, an election), so the township table is current at once. */
export const refreshSnapshot = async (q: Q, orgId: number, year: number, asOf: string) =>
  storeSnapshots(q, year, asOf, await scanCompliance(q, year, asOf, sql`o.id = ${orgId}`));

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
      const results = await scanCompliance(q, y, today, sql`true`);
      await storeSnapshots(q, y, today, results);
      orgs += results.length;
      findings += results.reduce((n, r) => n + r.findings.length, 0);
      if (y === year) reminders = await raiseTermReminders(q, today, results);
    }
    return { orgs, findings, ...reminders };
  },
});
