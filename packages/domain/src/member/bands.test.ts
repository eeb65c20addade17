import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, wholeYears } from '../dates.js';
import { AGE_BANDS, bandStartRange, latestStartFor, PARTY_AGE_BANDS } from './bands.js';

const inRange = (start: string, r: { after: string | null; onOrBefore: string }) =>
  (r.after === null || start > r.after) && start <= r.onOrBefore;

const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

describe('age and 党龄 bands (党内统计; whole years, the anniversary counts: C2/C3)', () => {
  it('the latest start reaching N years is N years back, the anniversary day included', () => {
    expect(latestStartFor(35, '2026-11-26')).toBe('1991-11-26');
    expect(wholeYears('1991-11-26', '2026-11-26')).toBe(35);
    expect(wholeYears('1991-11-27', '2026-11-26')).toBe(34);
  });

  it('a 29 February birthday has its anniversary on 28 February (C2)', () => {
    expect(latestStartFor(1, '2025-02-28')).toBe('2024-02-29');
    expect(latestStartFor(4, '2028-02-29')).toBe('2024-02-29');
  });

  it('boundary: 35 on the day is in 35岁及以下, the day after the 36th birthday is not', () => {
    const r = bandStartRange(AGE_BANDS[0], '2026-11-26');
    expect(inRange('1990-11-27', r)).toBe(true); // 35 years, 364 days
    expect(inRange('1990-11-26', r)).toBe(false); // 36 today
    expect(inRange('2026-11-26', r)).toBe(true); // open at the bottom
  });

  it('the open-ended top band has no lower start bound', () => {
    expect(bandStartRange(PARTY_AGE_BANDS[6], '2026-11-26')).toEqual({ after: null, onOrBefore: '1975-11-26' });
  });

  it('every start date falls in exactly the band of its whole years', () => {
    fc.assert(
      fc.property(isoDate('1920-01-01', '2026-12-31'), isoDate('1990-01-01', '2030-12-31'), (start, on) => {
        fc.pre(start <= on);
        const years = wholeYears(start, on);
        for (const bands of [AGE_BANDS, PARTY_AGE_BANDS]) {
          const hits = bands.filter((b) => inRange(start, bandStartRange(b, on)));
          const expected = bands.filter((b) => years >= b.from && (b.to === null || years <= b.to));
          expect(hits.map((b) => b.id)).toEqual(expected.map((b) => b.id));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('addDays crosses months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
