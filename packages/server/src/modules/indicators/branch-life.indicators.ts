import {
  ARREARS_FOLLOW_UP_MONTHS,
  ARREARS_LAPSE_MONTHS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingType,
  TERM_REMINDER_MONTHS,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from '../../platform/db/index.js';
import { defineIndicator, rootsArray, type Shared } from '../../platform/indicators.js';
import { arrearsStreakSql, lastOwedMonth } from '../dues/dues.arrears.js';
import { freshenSnapshots, type OrgCompliance, scanCompliance, snapshotCurrent } from '../meetings/compliance.js';

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The scan of `date` for every open org under `roots`. When the day has snapshots (the nightly job
 * ran on it), those still current are read and only the orgs changed since, or missing, are scanned
 * again and stored (a write logs its org by trigger: migration 0023), so a figure is never stale and
 * a city reads 8,000 rows instead of scanning; a day without snapshots (a past date) is scanned now.
 * Either way the same computation over the same records; `live` says whether dues were left out.
 */
type Scanned = OrgCompliance & { path: string };
const scanOf = (q: Q, roots: string[], date: string, shared: Shared) =>
  shared(`scan:${roots.join(',')}@${date}`, async () => {
    const under = sql`o.path <@ any(${rootsArray(roots)})`;
    const year = yearOf(date);
    const read = () =>
      rows<{ orgId: number; path: string; findings: unknown; meetingsRequired: number; meetingsOwed: number; current: boolean }>(
        q,
        sql`select o.id as "orgId", o.path::text as path, s.findings, s.meetings_required as "meetingsRequired",
              s.meetings_owed as "meetingsOwed", coalesce(${snapshotCurrent(sql`s`, year, date)}, false) as current
            from org o left join compliance_snapshot s on s.org_id = o.id and s.year = ${year}
            where o.closed_at is null and ${under}`,
      );
    let stored = await read();
    if (stored.some((r) => r.current)) {
      const stale = stored.filter((r) => !r.current);
      if (stale.length > 0) {
        await freshenSnapshots(q, year, date, sql`o.id = any(${`{${stale.map((r) => r.orgId).join(',')}}`}::int[])`);
        stored = await read();
      }
      if (stored.every((r) => r.current)) {
        const list = stored.map((r) => ({
          ...r,
          findings: (typeof r.findings === 'string' ? JSON.parse(r.findings) : r.findings) as OrgCompliance['findings'],
          termEndsAt: null,
        }));
        return { live: false, list };
      }
    }
    const results = await scanCompliance(q, year, date, under, { dues: false });
    const paths = new Map(stored.map((r) => [r.orgId, r.path]));
    return { live: true, list: results.map((r) => ({ ...r, path: paths.get(r.orgId) ?? '' })) };
  });
const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const fromScan = (value: (list: Scanned[]) => number) => async (q: Q, roots: string[], date: string, shared: Shared) => {
  const all = (await scanOf(q, roots, date, shared)).list;
  return new Map(roots.map((root) => [root, value(all.filter((r) => under(r.path, root)))]));
};
const withCode = (code: string) => (list: OrgCompliance[]) => list.filter((r) => r.findings.some((f) => f.code === code)).length;

defineIndicator({
  id: 'life.completion_rate',
  name: '三会一课完成率',
  unit: '%',
  group: 'branch_life',
  description: '统计日所在年度已结束的月、季度、年度中，按规定应召开的会议里已有效召开（党员大会、支委会达到法定人数）的比例',
  compute: fromScan((list) => {
    const required = list.reduce((n, r) => n + r.meetingsRequired, 0);
    const owed = list.reduce((n, r) => n + r.meetingsOwed, 0);
    return required === 0 ? 100 : Math.round(((required - owed) / required) * 1000) / 10;
  }),
});
defineIndicator({
  id: 'life.branches_behind',
  name: '有应开未开会议的党支部',
  unit: '个',
  group: 'branch_life',
  description: '统计日所在年度已结束的周期内，有至少一次应开未开会议的党支部',
  compute: fromScan((list) => list.filter((r) => r.meetingsOwed > 0).length),
});
defineIndicator({
  id: 'life.terms_overdue',
  name: '换届逾期的党组织',
  unit: '个',
  group: 'branch_life',
  description: '任期届满（含经批准的提前、延期）仍未换届的党组织',
  compute: fromScan(withCode('term.overdue')),
});
defineIndicator({
  id: 'life.terms_due_soon',
  name: `${TERM_REMINDER_MONTHS}个月内任期届满的党组织`,
  unit: '个',
  group: 'branch_life',
  description: `任期将在${TERM_REMINDER_MONTHS}个月内届满、需要提醒换届的党组织`,
  compute: fromScan(withCode('term.due_soon')),
});

// Meetings held this year, counted per org and type in one grouped pass for all the types.
const heldCounts = (q: Q, roots: string[], date: string, shared: Shared) =>
  shared(`held:${roots.join(',')}@${date}`, () =>
    rows<{ path: string; type: MeetingType; n: number }>(
      q,
      sql`select o.path::text as path, g.type, g.n from org o
          join (select org_id, type, count(*)::int as n from meeting
                where status = 'held' and quorum_problem is null and date >= ${`${yearOf(date)}-01-01`}::date and date <= ${date}::date
                group by org_id, type) g on g.org_id = o.id
          where o.path <@ any(${rootsArray(roots)})`,
    ),
  );

const meetingsHeld = (type: MeetingType) =>
  defineIndicator({
    id: `life.meetings.${type}`,
    name: `召开${MEETING_TYPE_LABELS[type]}`,
    unit: '次',
    group: 'branch_life',
    description: `统计日所在年度截至统计日已召开的${MEETING_TYPE_LABELS[type]}（不含未达到法定人数的）`,
    compute: async (q, roots, date, shared) => {
      const counts = (await heldCounts(q, roots, date, shared)).filter((c) => c.type === type);
      return new Map(roots.map((root) => [root, counts.filter((c) => under(c.path, root)).reduce((n, c) => n + c.n, 0)]));
    },
  });
for (const type of MEETING_TYPES) meetingsHeld(type);

interface DuesFacts {
  path: string;
  paidFen: number;
  dueFen: number;
}

const months = (from: SQL, to: SQL) =>
  sql`((extract(year from ${to}) - extract(year from ${from})) * 12 + extract(month from ${to}) - extract(month from ${from}) + 1)`;

// Dues per org, in one grouped pass each: paid this year, and due January to last month (each
// assessment times the months it was in effect).
const duesFacts = (q: Q, roots: string[], date: string, shared: Shared) =>
  shared(`dues:${roots.join(',')}@${date}`, async () => {
    const start = sql`${`${yearOf(date)}-01-01`}::date`;
    const last = lastOwedMonth(date);
    const under = sql`o.path <@ any(${rootsArray(roots)})`;
    const members = sql`m.org_id in (select o.id from org o where ${under})`;
    const found = await rows<DuesFacts>(
      q,
      sql`select o.path::text as path, coalesce(p.paid, 0)::bigint as "paidFen", coalesce(d.due, 0)::bigint as "dueFen"
          from org o
          left join (select p.org_id, sum(p.amount_fen) as paid from dues_payment p
                     where p.paid_at >= ${start} and p.paid_at <= ${date}::date group by p.org_id) p on p.org_id = o.id
          left join (select m.org_id, sum(a.amount_fen * greatest(0, ${months(
            sql`greatest(a.effective_from, ${start}, date_trunc('month', m.joined_at))`,
            sql`least(coalesce(a.next_from - interval '1 month', ${last}), ${last})`,
          )})) as due
                     from (select a.*, lead(a.effective_from) over (partition by a.member_id order by a.effective_from) as next_from
                           from dues_assessment a) a
                     join member m on m.id = a.member_id and (m.exit_at is null or m.exit_at > ${date}::date)
                     where ${members} group by m.org_id) d on d.org_id = o.id
          where ${under} and (p.paid is not null or d.due is not null)`,
    );
    return found;
  });
const fromDues = (value: (f: DuesFacts) => number) => async (q: Q, roots: string[], date: string, shared: Shared) => {
  const facts = await duesFacts(q, roots, date, shared);
  return new Map(roots.map((root) => [root, facts.filter((f) => under(f.path, root)).reduce((n, f) => n + value(f), 0)]));
};

defineIndicator({
  id: 'dues.paid',
  name: '本年已收党费',
  unit: '元',
  kind: 'money',
  group: 'dues',
  description: '统计日所在年度截至统计日登记的党费交纳金额（不含自愿多交部分）',
  compute: fromDues((f) => f.paidFen),
});
defineIndicator({
  id: 'dues.due',
  name: '本年应收党费',
  unit: '元',
  kind: 'money',
  group: 'dues',
  description: '统计日所在年度1月至上月，名册中党员按核定标准每月应交党费之和',
  compute: fromDues((f) => f.dueFen),
});
/**
 * Members behind for the follow-up (3) and the lapse (6 or more) months, per org: from the day's snapshot findings (their counts)
 * when the snapshot is the day's, else the arrears rule over the roll now.
 */
const arrearsFacts = (q: Q, roots: string[], date: string, shared: Shared) =>
  shared(`arrears:${roots.join(',')}@${date}`, async () => {
    const scan = await scanOf(q, roots, date, shared);
    if (!scan.live) {
      const count = (r: Scanned, code: string) => r.findings.find((f) => f.code === code)?.count ?? 0;
      return scan.list.map((r) => {
        const behind6 = count(r, 'dues.lapse_warning');
        return { path: r.path, behind3: behind6 + count(r, 'dues.arrears'), behind6 };
      });
    }
    return rows<{ path: string; behind3: number; behind6: number }>(
      q,
      sql`select o.path::text as path, count(*) filter (where x.streak >= ${ARREARS_FOLLOW_UP_MONTHS})::int as behind3,
            count(*) filter (where x.streak >= ${ARREARS_LAPSE_MONTHS})::int as behind6
          from (${arrearsStreakSql(date, sql`m.org_id in (select o.id from org o where o.path <@ any(${rootsArray(roots)}))`)}) x
          join org o on o.id = x.org_id group by o.path`,
    );
  });
const fromArrears = (which: 'follow_up' | 'lapse') => async (q: Q, roots: string[], date: string, shared: Shared) => {
  const facts = await arrearsFacts(q, roots, date, shared);
  return new Map(
    roots.map((root) => [
      root,
      facts.filter((f) => under(f.path, root)).reduce((n, f) => n + (which === 'lapse' ? f.behind6 : f.behind3), 0),
    ]),
  );
};

defineIndicator({
  id: 'dues.arrears_3',
  name: `连续${ARREARS_FOLLOW_UP_MONTHS}个月以上未交党费的党员`,
  unit: '名',
  group: 'dues',
  description: `连续${ARREARS_FOLLOW_UP_MONTHS}个月以上未交纳党费、需要支部提醒的党员`,
  compute: fromArrears('follow_up'),
});
defineIndicator({
  id: 'dues.arrears_6',
  name: `连续${ARREARS_LAPSE_MONTHS}个月以上未交党费的党员`,
  unit: '名',
  group: 'dues',
  description: `连续${ARREARS_LAPSE_MONTHS}个月以上未交纳党费的党员（按党章第九条须由支部了解原因、支部大会讨论，系统只提醒不除名）`,
  compute: fromArrears('lapse'),
});
