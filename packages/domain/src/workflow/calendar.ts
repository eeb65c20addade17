import { addDays, addMonths } from '../dates.js';
import { CN_OFFICIAL_DAYS } from './calendar.data.js';

/**
 * The business calendar for working-day deadlines: Saturdays and Sundays off, except the State
 * Council's 调休 make-up days (worked), plus its public holidays (off). Kept as data: the shipped
 * years and whatever an administrator added for later years.
 */
export interface BusinessCalendar {
  /** Days off that fall on a weekday (or any day) — holidays, `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are worked (调休). */
  workdays: ReadonlySet<string>;
}

/** One day an administrator adds to the calendar. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
}

/** The shipped calendar, with `extra` days laid over it (an added day replaces a shipped one). */
export const businessCalendar = (extra: readonly CalendarDay[] = []): BusinessCalendar => {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const [year, days] of Object.entries(CN_OFFICIAL_DAYS)) {
    for (const d of days.holidays) holidays.add(`${year}-${d}`);
    for (const d of days.workdays) workdays.add(`${year}-${d}`);
  }
  for (const d of extra) {
    (d.kind === 'holiday' ? workdays : holidays).delete(d.date);
    (d.kind === 'holiday' ? holidays : workdays).add(d.date);
  }
  return { holidays, workdays };
};

/** The shipped calendar alone (tests, and processes before the server has read its additions). */
export const DEFAULT_CALENDAR = businessCalendar();

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Is `date` a working day: a weekday that is no holiday, or a 调休 weekend day? */
export const isWorkingDay = (cal: BusinessCalendar, date: string): boolean => {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
};

/**
 * The `n`th working day after `date` (n ≥ 1): "within 5 working days" of a Friday before 国庆 ends
 * on the 5th working day after the holiday. `date` itself does not count.
 */
export const addWorkingDays = (cal: BusinessCalendar, date: string, n: number): string => {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
};

/** A time limit as the regulations state it. */
export type Span = { days: number } | { workingDays: number } | { months: number };

/** The last day of a span that starts on `from` (a deadline day itself is on time). */
export const spanEnd = (cal: BusinessCalendar, from: string, span: Span): string => {
  if ('days' in span) return addDays(from, span.days);
  if ('workingDays' in span) return addWorkingDays(cal, from, span.workingDays);
  return addMonths(from, span.months);
};

/** The span in Chinese: 「5个工作日」, 「3个月」. */
export const spanLabel = (span: Span): string => {
  if ('days' in span) return `${span.days}天`;
  if ('workingDays' in span) return `${span.workingDays}个工作日`;
  return `${span.months}个月`;
};
