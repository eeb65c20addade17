import { type BusinessCalendar, businessCalendar, type CalendarDay, CN_OFFICIAL_DAYS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * The business calendar the working-day deadlines count on: the State Council's years as the
 * domain ships them, with the days a system administrator added (a later year, a correction).
 */
export const loadCalendar = async (q: Q): Promise<BusinessCalendar> =>
  businessCalendar(await rows<CalendarDay>(q, sql`select to_char(date, 'YYYY-MM-DD') as date, kind from business_day order by date`));

export interface CalendarEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  /** Shipped with the product, or added by an administrator (which wins). */
  source: 'shipped' | 'added';
}

/** One year's holidays and 调休 working days, shipped and added, by date. */
export const calendarYear = async (q: Q, year: number) => {
  const shipped = CN_OFFICIAL_DAYS[String(year)];
  const added = await rows<Omit<CalendarEntry, 'source'>>(
    q,
    sql`select to_char(date, 'YYYY-MM-DD') as date, kind, name from business_day
        where date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date order by date`,
  );
  const addedOn = new Set(added.map((d) => d.date));
  const of = (kind: CalendarEntry['kind'], days: readonly string[] = []): CalendarEntry[] =>
    days.map((d) => ({ date: `${year}-${d}`, kind, name: null, source: 'shipped' }));
  const items: CalendarEntry[] = [
    ...[...of('holiday', shipped?.holidays), ...of('workday', shipped?.workdays)].filter((d) => !addedOn.has(d.date)),
    ...added.map((d) => ({ ...d, source: 'added' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { year, shipped: Boolean(shipped), items };
};

/** Sets a day as a holiday or a worked 调休 day (replacing what was there). */
export const setCalendarDay = (q: Q, day: { date: string; kind: 'holiday' | 'workday'; name: string }, userId: number) =>
  q.execute(
    sql`insert into business_day (date, kind, name, created_by) values (${day.date}::date, ${day.kind}, ${day.name}, ${userId})
        on conflict (date) do update set kind = excluded.kind, name = excluded.name, created_by = excluded.created_by`,
  );

/** Removes an added day; false when there was none. */
export const removeCalendarDay = async (q: Q, date: string) =>
  (await rows(q, sql`delete from business_day where date = ${date}::date returning date`)).length > 0;
