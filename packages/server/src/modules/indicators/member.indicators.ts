import { MIN_FULL_MEMBERS_PER_BRANCH, medal50Cutoff } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/index.js';
import { aggregateMembers, defineIndicator, memberOnRoll, orgExistsOn, rootsArray } from '../../platform/indicators.js';

const count = sql`count(m.id)::int`;
// Status as of the date: a member is full from the 转正日期 on.
const fullOn = (date: string) => sql`m.full_member_at is not null and m.full_member_at <= ${date}::date`;

/** Member figures (DOMAIN.md §1–2), all counted from the roll as of the date. */
defineIndicator({
  id: 'member.total',
  name: '党员总数',
  unit: '名',
  group: 'member',
  description: '统计日在册党员（含预备党员）',
  compute: aggregateMembers(count),
});

defineIndicator({
  id: 'member.full',
  name: '正式党员数',
  unit: '名',
  group: 'member',
  description: '统计日已转正的党员',
  compute: (q, roots, date) => aggregateMembers(count, fullOn(date))(q, roots, date),
});

defineIndicator({
  id: 'member.probationary',
  name: '预备党员数',
  unit: '名',
  group: 'member',
  description: '统计日尚在预备期的党员',
  compute: (q, roots, date) => aggregateMembers(count, sql`not (${fullOn(date)})`)(q, roots, date),
});

defineIndicator({
  id: 'member.female',
  name: '女党员数',
  unit: '名',
  group: 'member',
  description: '在册女党员',
  compute: aggregateMembers(count, sql`m.gender = 'female'`),
});

defineIndicator({
  id: 'member.minority',
  name: '少数民族党员数',
  unit: '名',
  group: 'member',
  description: '在册少数民族党员',
  compute: aggregateMembers(count, sql`m.ethnicity <> '汉族'`),
});

defineIndicator({
  id: 'member.mongolian',
  name: '蒙古族党员数',
  unit: '名',
  group: 'member',
  description: '在册蒙古族党员',
  compute: aggregateMembers(count, sql`m.ethnicity = '蒙古族'`),
});

defineIndicator({
  id: 'member.avg_age',
  name: '党员平均年龄',
  unit: '岁',
  group: 'member',
  description: '在册党员于统计日的平均年龄（保留一位小数）',
  compute: (q, roots, date) =>
    aggregateMembers(sql`round(avg(extract(year from age(${date}::date, m.birth_date)))::numeric, 1)::float8`)(q, roots, date),
});

defineIndicator({
  id: 'member.medal50_eligible',
  name: '「光荣在党50年」应颁发人数',
  unit: '名',
  group: 'member',
  description: '统计日所在年度7月1日党龄满50年的健在党员（转正日期不晚于该年减50年的7月1日）',
  compute: (q, roots, date) => aggregateMembers(count, fullOn(medal50Cutoff(Number(date.slice(0, 4)))))(q, roots, date),
});

defineIndicator({
  id: 'org.branch_few_full_members',
  name: '正式党员不足3人的党支部',
  unit: '个',
  group: 'org_problem',
  description: '统计日正式党员少于3名的党支部（《中国共产党支部工作条例（试行）》第五条：正式党员3人以上的，应当成立党支部）',
  compute: async (q, roots, date) => {
    const found = await rows<{ root: string; value: number }>(
      q,
      sql`select r.root::text as root, count(b.id)::int as value
          from unnest(${rootsArray(roots)}) as r(root)
          left join org b on b.path <@ r.root and b.type in ('branch', 'joint_branch') and ${orgExistsOn(sql`b`, date)}
            and (select count(*) from member m where m.org_id = b.id and ${memberOnRoll(sql`m`, date)} and ${fullOn(date)}) < ${MIN_FULL_MEMBERS_PER_BRANCH}
          group by r.root`,
    );
    return new Map(found.map((f) => [f.root, f.value]));
  },
});
