import {
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  COMMENDATION_TITLE_LABELS,
  COMMENDATION_TITLES,
  type CommendationLevel,
  type CommendationTitle,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from '../../platform/db/index.js';
import { defineIndicator, rootsArray } from '../../platform/indicators.js';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Per root, the rows of `from` (aliased with an org `s`) under it that satisfy `where`. */
const countUnder = async (q: Q, roots: string[], from: SQL, where: SQL) => {
  const found = await rows<{ root: string; value: number }>(
    q,
    sql`select r.root::text as root, count(x.id)::int as value
        from unnest(${rootsArray(roots)}) as r(root)
        left join (select c.id, s.path from ${from} where ${where}) x on x.path <@ r.root
        group by r.root`,
  );
  return new Map(found.map((f) => [f.root, f.value]));
};

// A member's honour counts where the member is now, an org's with the org.
const COMMENDATIONS = sql`commendation c left join member m on m.id = c.member_id join org s on s.id = coalesce(m.org_id, c.org_id)`;

const commendationCount = (title: CommendationTitle, level: CommendationLevel) =>
  defineIndicator({
    id: `honor.${title}.${level}`,
    name: `${COMMENDATION_LEVEL_LABELS[level]}${COMMENDATION_TITLE_LABELS[title]}`,
    unit: title === 'advanced_org' ? '个' : '名',
    group: 'honor',
    description: `统计日所在年度的${COMMENDATION_LEVEL_LABELS[level]}「${COMMENDATION_TITLE_LABELS[title]}」表彰（表彰日期不晚于统计日）`,
    compute: (q, roots, date) =>
      countUnder(
        q,
        roots,
        COMMENDATIONS,
        sql`c.title = ${title} and c.level = ${level} and c.year = ${yearOf(date)} and c.conferred_at <= ${date}::date`,
      ),
  });

for (const title of COMMENDATION_TITLES) for (const level of COMMENDATION_LEVELS) commendationCount(title, level);

defineIndicator({
  id: 'honor.medal50_awarded',
  name: '「光荣在党50年」纪念章已颁发',
  unit: '枚',
  group: 'honor',
  description: '统计日所在年度的纪念章申报中，已颁发（颁发日期不晚于统计日）的人数',
  compute: (q, roots, date) =>
    countUnder(
      q,
      roots,
      sql`medal50 c join member m on m.id = c.member_id join org s on s.id = m.org_id`,
      // 颁发 is step 3 of the case's log: awarded, and on which day.
      sql`c.year = ${yearOf(date)}
          and exists (select 1 from workflow_step w where w.kind = 'medal50' and w.subject_id = c.id and w.step = 3 and w.date <= ${date}::date)`,
    ),
});
