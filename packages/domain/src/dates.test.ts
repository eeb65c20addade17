import { describe, expect, it } from 'vitest';
import { addMonths, addYears, wholeYears } from './dates.js';

describe('date conventions C1–C3 (RULES.md)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 3, '2026-06-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
  ])('%s + %i months = %s', (d, n, r) => {
    expect(addMonths(d, n)).toBe(r);
  });
  it('29 Feb + 1 year is 28 Feb', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it.each([
    ['2008-11-26', '2026-11-26', 18], // the birthday itself counts
    ['2008-11-26', '2026-11-25', 17],
    ['2008-02-29', '2026-02-28', 18], // clamped anniversary
    ['2008-02-29', '2026-02-27', 17],
    ['2026-01-01', '2025-01-01', 0],
  ])('from %s to %s: %i whole years', (a, b, n) => {
    expect(wholeYears(a, b)).toBe(n);
  });
});
