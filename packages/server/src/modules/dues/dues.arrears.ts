import { type SQL, sql } from 'drizzle-orm';

/** The last month owed on `date`: the month before (the month running is not owed yet). */
export const lastOwedMonth = (date: string) => sql`(date_trunc('month', ${date}::date) - interval '1 month')::date`;
const monthsOf = (d: SQL) => sql`(extract(year from ${d}) * 12 + extract(month from ${d}))`;

/**
 * Consecutive unpaid months ending with the last month owed, per member on the roll matching
 * `members` (alias `m`): the rule of the domain's `arrearsOf`, in SQL for a whole city; a test
 * keeps the two equal. Rows: `id`, `org_id`, `name`, `streak`.
 */
export const arrearsStreakSql = (date: string, members: SQL) => sql`
  select m.id, m.org_id, m.name, (${monthsOf(lastOwedMonth(date))} - ${monthsOf(sql`greatest(
      (select max(least(p.to_month, ${lastOwedMonth(date)})) from dues_payment p where p.member_id = m.id and p.from_month <= ${lastOwedMonth(date)}),
      (select min(a.effective_from) from dues_assessment a where a.member_id = m.id) - interval '1 month')`)})::int as streak
  from member m
  where m.exit_type is null and ${members} and exists (select 1 from dues_assessment a where a.member_id = m.id)`;
