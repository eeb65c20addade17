import { AGE_BANDS, bandStartRange, EDUCATIONS, MIN_FULL_MEMBERS_PER_BRANCH, medal50Cutoff, STANDING_BRANCH_TYPES } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/index.js';
import { countMembers, defineIndicator, memberAggregate, memberOnRoll, orgExistsOn, rootsArray } from '../../platform/indicators.js';
import { stateOf } from '../../platform/workflow.js';
import { dateIn } from '../members/member.repo.js';
import { orgTypeIn } from '../orgs/org.repo.js';

// Status as of the date: a member is full from the 转正日期 on.
const fullOn = (date: string) => sql`m.full_member_at is not null and m.full_member_at <= ${date}::date`;

/** Member figures (DOMAIN.md §1–2), all counted from the roll as of the date. */
defineIndicator({
  id: 'member.total',
  name: '党员总数',
  unit: '名',
  group: 'member',
  description: '统计日在册党员（含预备党员）',
  aggregate: countMembers(),
});

defineIndicator({
  id: 'member.full',
  name: '正式党员数',
  unit: '名',
  group: 'member',
  description: '统计日已转正的党员',
  aggregate: countMembers(fullOn),
});

defineIndicator({
  id: 'member.probationary',
  name: '预备党员数',
  unit: '名',
  group: 'member',
  description: '统计日尚在预备期的党员',
  aggregate: countMembers((date) => sql`not (${fullOn(date)})`),
});

defineIndicator({
  id: 'member.female',
  name: '女党员数',
  unit: '名',
  group: 'member',
  description: '在册女党员',
  aggregate: countMembers(() => sql`m.gender = 'female'`),
});

defineIndicator({
  id: 'member.minority',
  name: '少数民族党员数',
  unit: '名',
  group: 'member',
  description: '在册少数民族党员',
  aggregate: countMembers(() => sql`m.ethnicity <> '汉族'`),
});

defineIndicator({
  id: 'member.mongolian',
  name: '蒙古族党员数',
  unit: '名',
  group: 'member',
  description: '在册蒙古族党员',
  aggregate: countMembers(() => sql`m.ethnicity = '蒙古族'`),
});

defineIndicator({
  id: 'member.avg_age',
  name: '党员平均年龄',
  unit: '岁',
  group: 'member',
  description: '在册党员于统计日的平均年龄（保留一位小数）',
  aggregate: memberAggregate((date) => sql`round(avg(extract(year from age(${date}::date, m.birth_date)))::numeric, 1)::float8`),
});

defineIndicator({
  id: 'member.medal50_eligible',
  name: '「光荣在党50年」应颁发人数',
  unit: '名',
  group: 'member',
  description: '统计日所在年度7月1日党龄满50年的健在党员（转正日期不晚于该年减50年的7月1日），往年已颁发的除外',
  aggregate: countMembers((date) => {
    const year = Number(date.slice(0, 4));
    // The medal is for life: members awarded in an earlier year are not on this year's list.
    return sql`${fullOn(medal50Cutoff(year))}
      and not exists (select 1 from medal50 x where x.member_id = m.id and ${stateOf('medal50', sql`x.id`)} = 'awarded' and x.year < ${year})`;
  }),
});

defineIndicator({
  id: 'org.branch_few_full_members',
  name: `正式党员不足${MIN_FULL_MEMBERS_PER_BRANCH}人的党支部`,
  unit: '个',
  group: 'org_problem',
  description: `统计日正式党员少于${MIN_FULL_MEMBERS_PER_BRANCH}名的党支部（不含临时党支部；《中国共产党支部工作条例（试行）》第五条：正式党员${MIN_FULL_MEMBERS_PER_BRANCH}人以上的，应当成立党支部）`,
  compute: async (q, roots, date) => {
    const found = await rows<{ root: string; value: number }>(
      q,
      sql`select r.root::text as root, count(b.id)::int as value
          from unnest(${rootsArray(roots)}) as r(root)
          left join org b on b.path <@ r.root and ${orgTypeIn(sql`b`, STANDING_BRANCH_TYPES)} and ${orgExistsOn(sql`b`, date)}
            and (select count(*) from member m where m.org_id = b.id and ${memberOnRoll(sql`m`, date)} and ${fullOn(date)}) < ${MIN_FULL_MEMBERS_PER_BRANCH}
          group by r.root`,
    );
    return new Map(found.map((f) => [f.root, f.value]));
  },
});

// Age bands of the 党内统计 (one definition in the domain, shared with the roll's filter).
for (const band of AGE_BANDS) {
  defineIndicator({
    id: `member.age.${band.id}`,
    name: `${band.label}党员数`,
    unit: '名',
    group: 'member_age',
    description: `统计日年龄在${band.label}的在册党员`,
    aggregate: countMembers((date) => dateIn(sql`m.birth_date`, bandStartRange(band, date))),
  });
}

for (const education of EDUCATIONS) {
  defineIndicator({
    id: `member.edu.${EDUCATIONS.indexOf(education)}`,
    name: `${education}学历党员数`,
    unit: '名',
    group: 'member_education',
    description: `学历为「${education}」的在册党员`,
    aggregate: countMembers(() => sql`m.education = ${education}`),
  });
}

// New members: admitted (支部大会 date) in the date's year up to the date.
const newIn = (date: string) => sql`m.joined_at >= ${`${date.slice(0, 4)}-01-01`}::date`;

defineIndicator({
  id: 'member.new',
  name: '本年发展党员数',
  unit: '名',
  group: 'member_new',
  description: '统计日所在年度1月1日至统计日，经支部大会接收为预备党员的人数',
  aggregate: countMembers(newIn),
});

/**
 * The seed's focus groups among new members (DOMAIN.md §2), as shares of all new members.
 * 青年农牧民: farmers and herders aged 35 or under when admitted.
 */
const FOCUS_GROUPS: [string, string, ReturnType<typeof sql>][] = [
  ['worker', '产业工人', sql`m.occupation = 'worker'`],
  ['young_farmer', '青年农牧民', sql`m.occupation = 'farmer_herder' and extract(year from age(m.joined_at, m.birth_date)) <= 35`],
  ['highly_educated', '高知识群体', sql`(m.education = '研究生' or m.occupation = 'professional')`],
  ['student', '大学生', sql`m.occupation = 'student'`],
  ['private_sector', '非公有制经济组织和社会组织从业人员', sql`m.occupation = 'private_sector'`],
];
for (const [id, label, where] of FOCUS_GROUPS) {
  defineIndicator({
    id: `member.new.share.${id}`,
    name: `新发展党员中${label}占比`,
    unit: '%',
    group: 'member_new',
    description: `本年发展党员中${label}所占百分比（保留一位小数）`,
    aggregate: memberAggregate((date) => {
      const isNew = newIn(date);
      return sql`case when count(m.id) filter (where ${isNew}) = 0 then 0
        else round(100.0 * count(m.id) filter (where ${isNew} and ${where}) / count(m.id) filter (where ${isNew}), 1)::float8 end`;
    }),
  });
}
