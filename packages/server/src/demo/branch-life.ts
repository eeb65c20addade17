import {
  COMMITTEE_REQUIRED_FROM,
  type CommitteePost,
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  type DuesCategory,
  type MeetingType,
  monthIndex,
  monthOf,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { scanAndStore } from '../modules/meetings/compliance.js';
import { withIndexesDeferred } from '../platform/db/bulk.js';
import { groupBy, insertColumns, type Q, rows } from '../platform/db/index.js';
import type { DemoBranch } from './members.js';
import type { Random } from './random.js';

const pad = (n: number) => String(n).padStart(2, '0');
const TOPICS: Record<MeetingType, string> = {
  general_assembly: '讨论发展党员和年度重点工作',
  committee: '研究本月支部工作安排',
  group: '学习党章党规，交流思想',
  lecture: '书记讲党课：践行全心全意为人民服务的根本宗旨',
  theme_day: '主题党日：学习贯彻党的二十届四中全会精神',
  life_meeting: '年度组织生活会',
  appraisal: '民主评议党员',
  talk: '支委与党员谈心谈话',
};
/** The columns of a demo payment row, in the order the generator lists them (the bench loads the same). */
export const PAYMENT_COLUMNS: [string, string][] = [
  ['member_id', 'int'],
  ['org_id', 'int'],
  ['from_month', 'date'],
  ['to_month', 'date'],
  ['amount_fen', 'int'],
  ['paid_at', 'date'],
  ['method', 'text'],
];
const COMMITTEE_POSTS: CommitteePost[] = ['secretary', 'organization', 'propaganda', 'discipline', 'deputy_secretary'];

/**
 * The branches' year as the department would find it: committees elected in the 2021 village
 * round (5-year terms, now due or overdue) or later, 党小组 in large branches, this year's meetings
 * with realistic gaps (a few weak branches miss many), and dues assessed in January with payments
 * by quarter or half-year and some members in arrears. Ends with the compliance snapshot.
 */
export const generateBranchLife = async (q: Q, r: Random, branches: DemoBranch[], today: string) => {
  const members = await rows<{ id: number; orgId: number; full: boolean; occupation: string | null; joinedAt: string }>(
    q,
    sql`select id, org_id as "orgId", full_member_at is not null as full, occupation, to_char(joined_at, 'YYYY-MM-DD') as "joinedAt"
        from member where exit_type is null order by id`,
  );
  const roll = groupBy(members, (m) => m.orgId);
  const year = Number(today.slice(0, 4));
  const committees: unknown[][] = [];
  const posts: unknown[][] = [];
  const groups: unknown[][] = [];
  const [next] = await rows<{ id: number }>(q, sql`select coalesce(max(id), 0)::int + 1 as id from committee`);
  let committeeId = next?.id ?? 1;
  const committeeSize = new Map<number, number>();
  for (const b of branches) {
    const list = roll.get(b.id) ?? [];
    const full = list.filter((m) => m.full);
    if (full.length === 0 || r.chance(0.02)) continue; // a few never recorded
    const kind = full.length >= COMMITTEE_REQUIRED_FROM ? 'committee' : 'secretary';
    const village = b.domain === 'village' || b.domain === 'community';
    // Villages: the 2021 round, a few late; others: 3-year terms from 2022 on (some overdue).
    const electedAt = village
      ? `${r.chance(0.85) ? 2021 : r.int(2022, 2025)}-${pad(r.int(1, 6))}-${pad(r.int(1, 28))}`
      : `${r.int(2022, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    if (electedAt > today) continue;
    committees.push([committeeId, b.id, kind, electedAt]);
    const size = kind === 'committee' ? r.int(3, 5) : r.chance(0.3) && full.length > 1 ? 2 : 1;
    const seated = full.slice(0, size);
    seated.forEach((m, i) => {
      posts.push([committeeId, m.id, kind === 'secretary' ? (i === 0 ? 'secretary' : 'deputy_secretary') : COMMITTEE_POSTS[i]]);
    });
    if (kind === 'committee') committeeSize.set(b.id, size);
    committeeId++;
    if (list.length > 30)
      for (let g = 1; g <= (list.length > 45 ? 3 : 2); g++)
        groups.push([b.id, `第${'一二三'[g - 1]}党小组`, `${electedAt}T00:00:00+08:00`]);
  }
  await insertColumns(
    q,
    'committee',
    [
      ['id', 'int'],
      ['org_id', 'int'],
      ['kind', 'text'],
      ['elected_at', 'date'],
    ],
    committees,
  );
  await q.execute(sql`select setval('committee_id_seq', (select coalesce(max(id), 1) from committee))`);
  await insertColumns(
    q,
    'committee_member',
    [
      ['committee_id', 'int'],
      ['member_id', 'int'],
      ['post', 'text'],
    ],
    posts,
  );
  await insertColumns(
    q,
    'party_group',
    [
      ['org_id', 'int'],
      ['name', 'text'],
      ['created_at', 'timestamptz'],
    ],
    groups,
  );
  const groupIds = groupBy(
    await rows<{ id: number; orgId: number }>(q, sql`select id, org_id as "orgId" from party_group`),
    (g) => g.orgId,
  );

  // This year's meetings up to yesterday; a weak branch (4%) misses often.
  const meetings: unknown[][] = [];
  const lastMonth = Number(today.slice(5, 7));
  for (const b of branches) {
    const list = roll.get(b.id) ?? [];
    if (list.length === 0) continue;
    const weak = r.chance(0.04);
    const miss = (p: number) => r.chance(weak ? 0.45 : p);
    const fullCount = list.filter((m) => m.full).length;
    const add = (type: MeetingType, month: number, groupId: number | null = null) => {
      const date = `${year}-${pad(month)}-${pad(r.int(1, 28))}`;
      if (date >= today) return;
      const should = Math.max(
        1,
        type === 'general_assembly' ? fullCount : type === 'committee' ? (committeeSize.get(b.id) ?? 3) : list.length,
      );
      const present = Math.min(should, Math.ceil(should * (0.55 + r.next() * 0.45)));
      meetings.push([b.id, type, 'held', date, TOPICS[type], present, should, groupId]);
    };
    for (let m = 1; m <= lastMonth; m++) {
      if (!miss(0.01)) add('theme_day', m);
      if (committeeSize.has(b.id) && !miss(0.02)) add('committee', m);
      for (const g of groupIds.get(b.id) ?? []) if (!miss(0.02)) add('group', m, g.id);
      if (m % 3 === 2) {
        if (!miss(0.02)) add('general_assembly', m);
        if (!miss(0.03)) add('lecture', m);
      }
    }
    if (!miss(0.05)) add('talk', r.int(1, lastMonth));
  }
  await withIndexesDeferred(q, 'meeting', () =>
    insertColumns(
      q,
      'meeting',
      [
        ['org_id', 'int'],
        ['type', 'text'],
        ['status', 'text'],
        ['date', 'date'],
        ['topic', 'text'],
        ['present', 'int'],
        ['should_attend', 'int'],
        ['group_id', 'int'],
      ],
      meetings,
    ),
  );

  // Dues: assessed from January (or the month of joining), paid by quarter or half-year.
  const assessments: unknown[][] = [];
  const payments: unknown[][] = [];
  const start = `${year}-01`;
  const last = monthOf(monthIndex(today.slice(0, 7)) - 1);
  for (const m of members) {
    const category: DuesCategory =
      m.occupation === 'farmer_herder'
        ? 'farmer'
        : m.occupation === 'retired'
          ? 'retired'
          : m.occupation === 'student'
            ? 'student'
            : 'employed';
    const baseFen = category === 'employed' ? r.int(2500, 9000) * 100 : category === 'retired' ? r.int(2800, 6500) * 100 : null;
    const due = calculateDues(category, baseFen ?? 0, DEFAULT_DUES_SETTINGS);
    const from = m.joinedAt.slice(0, 7) > start ? m.joinedAt.slice(0, 7) : start;
    if (from > last) continue;
    assessments.push([m.id, `${from}-01`, category, baseFen, due.amountFen, due.amountFen, due.basis]);
    // Most pay up to date; some stop 3–5 months ago, a few 6 or more.
    const stop = r.chance(0.9) ? 0 : r.chance(0.7) ? r.int(1, 2) : r.chance(0.7) ? r.int(3, 5) : r.int(6, 9);
    const paidTo = monthIndex(last) - stop;
    const step = category === 'farmer' ? 6 : 3;
    for (let i = monthIndex(from); i <= paidTo; i += step) {
      const to = Math.min(i + step - 1, paidTo);
      const paidAt = `${monthOf(Math.min(i + 2, to))}-${pad(r.int(5, 25))}`;
      payments.push([
        m.id,
        m.orgId,
        `${monthOf(i)}-01`,
        `${monthOf(to)}-01`,
        due.amountFen * (to - i + 1),
        paidAt,
        r.pick(['cash', 'wechat', 'wechat', 'bank']),
      ]);
    }
  }
  await withIndexesDeferred(q, 'dues_assessment', () =>
    insertColumns(
      q,
      'dues_assessment',
      [
        ['member_id', 'int'],
        ['effective_from', 'date'],
        ['category', 'text'],
        ['base_fen', 'bigint'],
        ['calculated_fen', 'int'],
        ['amount_fen', 'int'],
        ['basis', 'text'],
      ],
      assessments,
    ),
  );
  await withIndexesDeferred(q, 'dues_payment', () => insertColumns(q, 'dues_payment', PAYMENT_COLUMNS, payments));
  // Statistics before the first scan: on fresh tables the planner would walk them member by member.
  await q.execute(sql`analyze`);
  const scan = await scanAndStore(q, year, today, sql`true`);
  return {
    committees: committees.length,
    meetings: meetings.length,
    payments: payments.length,
    behind: scan.filter((s) => s.meetingsOwed > 0).length,
  };
};
