/**
 * Business-date arithmetic on `YYYY-MM-DD` strings (RULES.md conventions C1–C3): "N months/years
 * later" is the same day of the month, clamped to the month's last day (2026-01-31 + 1 month =
 * 2026-02-28; 29 Feb + 1 year = 28 Feb). A deadline day itself is on time.
 */

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fmt = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `date` plus `n` calendar months, clamped to the end of the month (C1). */
export const addMonths = (date: string, n: number): string => {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysIn(ny, nm)));
};

/** `date` plus `n` years (C2: "满一年" is reached on this day). */
export const addYears = (date: string, n: number): string => addMonths(date, n * 12);

/** `date` plus `n` days. */
export const addDays = (date: string, n: number): string => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/** Whole years from `from` to `on`: the anniversary day counts (C2/C3). */
export const wholeYears = (from: string, on: string): number => {
  if (on < from) return 0;
  const [fy] = parts(from);
  const [oy] = parts(on);
  let years = oy - fy;
  if (addYears(from, years) > on) years--;
  return years;
};
