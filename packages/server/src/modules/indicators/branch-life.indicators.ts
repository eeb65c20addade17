import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from '../../platform/db/index.js';
import { defineIndicator, rootsArray } from '../../platform/indicators.js';
import { arrearsStreakSql, lastOwedMonth } from '../dues/dues.arrears.js';
import { type OrgCompliance, scanCompliance } from '../meetings/compliance.js';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Per root, `value` summed over the rows of `from` (with an org path `s.path`) under it. */
const sumUnder = async (q: Q, roots: string[], from: SQL, value: SQL) => {
  const found = await rows<{ root: string; value: number }>(
    q,
    sql`select r.root::text as root, coalesce(sum(x.value), 0)::float8 as value
        from unnest(${rootsArray(roots)}) as r(root)
        left join (select s.path, ${value} as value from ${from}) x on x.path <@ r.root
        group by r.root`,
  );
  return new Map(found.map((f) => [f.root, f.value]));
};

// One compliance scan per request for the indicators that share it (the scan covers all roots at once).
type Scanned = OrgCompliance & { path: string };
const scans = new WeakMap<Q, Map<string, Promise<Scanned[]>>>();
const scanOf = (q: Q, roots: string[], date: string): Promise<Scanned[]> => {
  const key = `${roots.join(',')}@${date}`;
  const byQ = scans.get(q) ?? new Map<string, Promise<Scanned[]>>();
  scans.set(q, byQ);
  let found = byQ.get(key);
  if (!found) {
    found = (async () => {
      const results = await scanCompliance(q, yearOf(date), date, sql`o.path <@ any(${rootsArray(roots)})`);
      const paths = new Map(
        (
          await rows<{ id: number; path: string }>(q, sql`select id, path::text as path from org where path <@ any(${rootsArray(roots)})`)
        ).map((o) => [o.id, o.path]),
      );
      return results.map((r) => ({ ...r, path: paths.get(r.orgId) ?? '' }));
    })();
    byQ.set(key, found);
  }
  return found;
};
const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const fromScan = (value: (list: Scanned[]) => number) => async (q: Q, roots: string[], date: string) => {
  const all = await scanOf(q, roots, date);
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
  name: '半年内任期届满的党组织',
  unit: '个',
  group: 'branch_life',
  description: '任期将在6个月内届满、需要提醒换届的党组织',
  compute: fromScan(withCode('term.due_soon')),
});

const meetingsHeld = (type: MeetingType) =>
  defineIndicator({
    id: `life.meetings.${type}`,
    name: `召开${MEETING_TYPE_LABELS[type]}`,
    unit: '次',
    group: 'branch_life',
    description: `统计日所在年度截至统计日已召开的${MEETING_TYPE_LABELS[type]}（不含未达到法定人数的）`,
    compute: (q, roots, date) =>
      sumUnder(
        q,
        roots,
        sql`meeting g join org s on s.id = g.org_id where g.type = ${type} and g.status = 'held' and g.quorum_problem is null
              and g.date >= ${`${yearOf(date)}-01-01`}::date and g.date <= ${date}::date`,
        sql`1`,
      ),
  });
for (const type of MEETING_TYPES) meetingsHeld(type);

defineIndicator({
  id: 'dues.paid',
  name: '本年已收党费',
  unit: '元',
  group: 'dues',
  description: '统计日所在年度截至统计日登记的党费交纳金额（不含自愿多交部分）',
  compute: (q, roots, date) =>
    sumUnder(
      q,
      roots,
      sql`dues_payment p join org s on s.id = p.org_id where p.paid_at >= ${`${yearOf(date)}-01-01`}::date and p.paid_at <= ${date}::date`,
      sql`p.amount_fen / 100.0`,
    ),
});
defineIndicator({
  id: 'dues.due',
  name: '本年应收党费',
  unit: '元',
  group: 'dues',
  description: '统计日所在年度1月至上月，名册中党员按核定标准每月应交党费之和',
  compute: (q, roots, date) =>
    sumUnder(
      q,
      roots,
      sql`generate_series(${`${yearOf(date)}-01-01`}::date, ${lastOwedMonth(date)}, interval '1 month') mo
          join member m on date_trunc('month', m.joined_at) <= mo and (m.exit_at is null or m.exit_at > ${date}::date)
          join org s on s.id = m.org_id
          cross join lateral (select a.amount_fen from dues_assessment a where a.member_id = m.id and a.effective_from <= mo
                              order by a.effective_from desc limit 1) a`,
      sql`a.amount_fen / 100.0`,
    ),
});

const inArrears = (months: number) =>
  defineIndicator({
    id: `dues.arrears_${months}`,
    name: `连续${months}个月以上未交党费的党员`,
    unit: '名',
    group: 'dues',
    description:
      months >= 6
        ? '连续6个月以上未交纳党费的党员（按党章第九条须由支部了解原因、支部大会讨论，系统只提醒不除名）'
        : `连续${months}个月以上未交纳党费、需要支部提醒的党员`,
    compute: (q, roots, date) =>
      sumUnder(q, roots, sql`(${arrearsStreakSql(date, sql`true`)}) x join org s on s.id = x.org_id where x.streak >= ${months}`, sql`1`),
  });
inArrears(3);
inArrears(6);
