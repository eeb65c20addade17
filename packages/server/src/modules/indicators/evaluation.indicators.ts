import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from '../../platform/db/index.js';
import { defineIndicator, rootsArray, type Shared } from '../../platform/indicators.js';

/**
 * 评星定级 figures, from the published results of the rounds (DOMAIN.md §4): flags count every
 * round's named flags up to the date; levels and ratings are those of the programme's latest year
 * with published results under the org ("2021年评定最强党支部2480个"), orgs closed since included,
 * as the round recorded them. One pass per request computes them all.
 */
const FLAG_KEYS: [string, string][] = [
  ['party_building', '党建示范'],
  ['prosperity', '脱贫致富'],
  ['industry', '产业兴旺'],
  ['civility', '乡风文明'],
  ['governance', '社会治理'],
];

/** The six domains of the 2021 extension (seed), as the flags are counted by domain. */
const FLAG_DOMAINS: [string, string, string[]][] = [
  ['community', '社区', ['community']],
  ['organ', '机关', ['organ']],
  ['institution', '事业单位', ['institution', 'school', 'university']],
  ['soe', '国有企业', ['soe']],
  ['two_new', '“两新”组织', ['private_enterprise', 'social_org']],
];

const COLUMNS: Record<string, SQL> = {
  flags_named: sql`sum(cardinality(f.flags)) filter (where f.programme = 'red_flags')`,
  flags_village: sql`sum(cardinality(f.flags)) filter (where f.programme = 'red_flags' and f.domain = 'village')`,
  flag_villages: sql`count(distinct f.org_id) filter (where f.programme = 'red_flags' and f.domain = 'village' and cardinality(f.flags) > 0)`,
  flags_year: sql`sum(cardinality(f.flags)) filter (where f.programme = 'red_flags' and f.this_year)`,
  subsidy_fen: sql`sum(cardinality(f.flags) * f.per_flag) filter (where f.programme = 'red_flags')`,
  graded: sql`count(*) filter (where f.programme = 'branch_grading' and f.latest)`,
  strongest: sql`count(*) filter (where f.programme = 'branch_grading' and f.latest and f.level = f.top)`,
  grade_standard: sql`count(*) filter (where f.programme = 'branch_grading' and f.latest and f.level = 'standard')`,
  grade_qualified: sql`count(*) filter (where f.programme = 'branch_grading' and f.latest and f.level = 'qualified')`,
  grade_weak: sql`count(*) filter (where f.programme = 'branch_grading' and f.latest and f.level = 'weak')`,
  schools: sql`count(*) filter (where f.programme = 'school_grading' and f.latest)`,
  school_advanced: sql`count(*) filter (where f.programme = 'school_grading' and f.latest and f.level = 'advanced')`,
  school_average: sql`count(*) filter (where f.programme = 'school_grading' and f.latest and f.level = 'average')`,
  school_lagging: sql`count(*) filter (where f.programme = 'school_grading' and f.latest and f.level = 'lagging')`,
  happy: sql`count(*) filter (where f.programme = 'happy_community' and f.latest and f.level = f.top)`,
  review_good: sql`count(*) filter (where f.programme = 'secretary_review' and f.latest and f.rating = 'good')`,
  review_fairly_good: sql`count(*) filter (where f.programme = 'secretary_review' and f.latest and f.rating = 'fairly_good')`,
  review_average: sql`count(*) filter (where f.programme = 'secretary_review' and f.latest and f.rating = 'average')`,
  review_poor: sql`count(*) filter (where f.programme = 'secretary_review' and f.latest and f.rating = 'poor')`,
  ...Object.fromEntries(
    FLAG_KEYS.map(([k]) => [`flag_${k}`, sql`count(*) filter (where f.programme = 'red_flags' and ${k} = any(f.flags))`]),
  ),
  ...Object.fromEntries(
    FLAG_DOMAINS.map(([k, , domains]) => [
      `flags_${k}`,
      sql`sum(cardinality(f.flags)) filter (where f.programme = 'red_flags' and f.domain = any(${`{${domains.join(',')}}`}::text[]))`,
    ]),
  ),
};
const NAMES = Object.keys(COLUMNS);

const factsOf = (q: Q, roots: string[], date: string, shared: Shared) =>
  shared(`evaluation:${roots.join(',')}@${date}`, () =>
    rows<Record<string, unknown>>(
      q,
      // Scheme settings once per scheme (its definition is large: never read per entry); entries
      // reached through the org path index per root.
      sql`with sch as materialized (
            select s.id, s.programme, s.year, s.definition->'levels'->0->>'key' as top,
              coalesce((s.definition->>'subsidyPerFlagFen')::bigint, 0) as per_flag
            from scheme s),
          per as (
            select r.root, o.id as org_id, o.domain, sch.programme, sch.year, sch.top, sch.per_flag, e.level, e.rating, e.flags,
              extract(year from e.final_at)::int = ${Number(date.slice(0, 4))} as this_year
            from unnest(${rootsArray(roots)}) as r(root)
            join org o on o.path <@ r.root
            join round_entry e on e.org_id = o.id and e.final_at is not null and e.final_at <= ${date}::date
            join evaluation_round er on er.id = e.round_id join sch on sch.id = er.scheme_id),
          f as (select per.*, per.year = max(per.year) over (partition by per.root, per.programme) as latest from per)
          select r.root::text as root, ${sql.join(
            NAMES.map((n) => sql`coalesce(${COLUMNS[n]}, 0) as ${sql.raw(n)}`),
            sql`, `,
          )}
          from unnest(${rootsArray(roots)}) as r(root) left join f on f.root = r.root
          group by r.root`,
    ).then(
      (list) =>
        new Map(
          list.map((r) => [r.root as string, Object.fromEntries(NAMES.map((n) => [n, Number(r[n] ?? 0)])) as Record<string, number>]),
        ),
    ),
  );

const from = (value: (f: Record<string, number>) => number) => async (q: Q, roots: string[], date: string, shared: Shared) => {
  const facts = await factsOf(q, roots, date, shared);
  return new Map(roots.map((root) => [root, value(facts.get(root) ?? {})]));
};
const col = (name: string) => from((f) => f[name] ?? 0);

const define = (id: string, name: string, unit: string, group: string, description: string, compute: ReturnType<typeof from>) =>
  defineIndicator({ id, name, unit, ...(unit === '元' ? { kind: 'money' as const } : {}), group, description, compute });

define(
  'eval.flags_named',
  '命名红旗（累计）',
  '面',
  'red_flags',
  '截至统计日已公示命名的「五面红旗」面数，各领域、各年度合计',
  col('flags_named'),
);
define('eval.flags_village', '嘎查村命名红旗（累计）', '面', 'red_flags', '嘎查村领域累计命名的红旗面数', col('flags_village'));
define('eval.flag_villages', '红旗嘎查村', '个', 'red_flags', '至少获得一面红旗的嘎查村（累计，不重复计数）', col('flag_villages'));
define('eval.flags_year', '本年命名红旗', '面', 'red_flags', '统计日所在年度公示命名的红旗面数', col('flags_year'));
define(
  'eval.flag_subsidy',
  '红旗工作补贴资金（累计）',
  '元',
  'red_flags',
  '已命名红旗按各轮方案每面补贴标准计算的补贴资金合计',
  col('subsidy_fen'),
);
for (const [k, name] of FLAG_DOMAINS)
  define(`eval.flags_${k}`, `${name}命名红旗（累计）`, '面', 'red_flags', `${name}领域累计命名的红旗面数（2021年起）`, col(`flags_${k}`));
for (const [k, name] of FLAG_KEYS)
  define(`eval.flag.${k}`, `「${name}」红旗`, '面', 'red_flags', `累计命名的「${name}」红旗面数`, col(`flag_${k}`));

define('eval.graded', '分类定级党支部', '个', 'grading', '最近一年已发布的党支部分类定级中评定的党支部（含此后撤销的）', col('graded'));
define('eval.strongest', '最强党支部', '个', 'grading', '最近一年已发布的分类定级中评为最高等次（最强党支部）的党支部', col('strongest'));
define(
  'eval.strongest_share',
  '最强党支部比例',
  '%',
  'grading',
  '最强党支部占已定级党支部的比例',
  from((f) => (f.graded ? Math.round(((f.strongest ?? 0) / f.graded) * 1000) / 10 : 0)),
);
define('eval.grade_standard', '标准党支部', '个', 'grading', '最近一次分类定级为「标准党支部」的党支部', col('grade_standard'));
define('eval.grade_qualified', '合格党支部', '个', 'grading', '最近一次分类定级为「合格党支部」的党支部', col('grade_qualified'));
define('eval.grade_weak', '后进党支部', '个', 'grading', '最近一次分类定级为「后进党支部」的党支部', col('grade_weak'));

define('eval.schools_graded', '定级学校党组织', '个', 'evaluation', '最近一次学校党组织定级已发布结果的学校党组织', col('schools'));
define('eval.school_advanced', '学校党组织「先进」', '个', 'evaluation', '最近一次定级为「先进」的学校党组织', col('school_advanced'));
define('eval.school_average', '学校党组织「一般」', '个', 'evaluation', '最近一次定级为「一般」的学校党组织', col('school_average'));
define('eval.school_lagging', '学校党组织「后进」', '个', 'evaluation', '最近一次定级为「后进」的学校党组织', col('school_lagging'));
define('eval.happy_communities', '幸福社区', '个', 'evaluation', '最近一次「幸福社区」评选结果为命名的社区', col('happy'));
define('eval.review_good', '述职评议「好」', '个', 'evaluation', '最近一次书记抓基层党建述职评议综合评价为「好」', col('review_good'));
define('eval.review_fairly_good', '述职评议「较好」', '个', 'evaluation', '综合评价为「较好」', col('review_fairly_good'));
define('eval.review_average', '述职评议「一般」', '个', 'evaluation', '综合评价为「一般」', col('review_average'));
define('eval.review_poor', '述职评议「差」', '个', 'evaluation', '综合评价为「差」', col('review_poor'));
