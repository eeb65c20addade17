import { type SQL, sql } from 'drizzle-orm';

/** The last month owed on `date`: the month before (the month running is not owed yet). */
export const lastOwedMonth = (date: string) => sql`(date_trunc('month', ${date}::date) - interval '1 month')::date`;
const monthsOf = (d: SQL) => sql`(extract(year from ${d}) * 12 + extract(month from ${d}))`;

/**
 * Consecutive unpaid months ending with the last month owed, per member on the roll matching
 * `members` (alias `m`): the rule of the domain's `arrearsOf`, in SQL for a whole city; a test
 * keeps the two equal. Payments and assessments are grouped per member first, then joined (one
 * pass each instead of lookups per member). Rows: `id`, `org_id`, `name`, `streak`.
 */
export const arrearsStreakSql = (date: string, members: SQL) => {
  const last = lastOwedMonth(date);
  const ids = sql`(select m.id from member m where m.exit_type is null and ${members})`;
  return sql`
    select m.id, m.org_id, m.name, (${monthsOf(last)} - ${monthsOf(sql`greatest(p.paid_to, a.first - interval '1 month')`)})::int as streak
    from member m
    join (select member_id, min(effective_from) as first from dues_assessment where member_id in ${ids} group by member_id) a on a.member_id = m.id
    left join (select member_id, max(least(to_month, ${last})) as paid_to from dues_payment
               where from_month <= ${last} and member_id in ${ids} group by member_id) p on p.member_id = m.id
    where m.exit_type is null and ${members}`;
};
