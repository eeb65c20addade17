import { addDays, addYears, wholeYears } from '../dates.js';

/**
 * Bands of age and 党龄 as the 党内统计年报 groups them. A band [from, to] holds the whole years
 * `from` to `to` inclusive (the anniversary day counts, C3); `to` null is open-ended.
 */
export interface Band {
  id: string;
  label: string;
  from: number;
  to: number | null;
}

export const AGE_BANDS = [
  { id: '35', label: '35岁及以下', from: 0, to: 35 },
  { id: '36_45', label: '36至45岁', from: 36, to: 45 },
  { id: '46_55', label: '46至55岁', from: 46, to: 55 },
  { id: '56_60', label: '56至60岁', from: 56, to: 60 },
  { id: '61', label: '61岁及以上', from: 61, to: null },
] as const satisfies readonly Band[];

/** 党龄 bands; a 预备党员 has no 党龄 (党章 Art. 7) and falls in none of them. */
export const PARTY_AGE_BANDS = [
  { id: '5', label: '党龄5年及以下', from: 0, to: 5 },
  { id: '6_10', label: '党龄6至10年', from: 6, to: 10 },
  { id: '11_20', label: '党龄11至20年', from: 11, to: 20 },
  { id: '21_30', label: '党龄21至30年', from: 21, to: 30 },
  { id: '31_40', label: '党龄31至40年', from: 31, to: 40 },
  { id: '41_50', label: '党龄41至50年', from: 41, to: 50 },
  { id: '51', label: '党龄51年及以上', from: 51, to: null },
] as const satisfies readonly Band[];

export type AgeBandId = (typeof AGE_BANDS)[number]['id'];
export type PartyAgeBandId = (typeof PARTY_AGE_BANDS)[number]['id'];
export const AGE_BAND_IDS = AGE_BANDS.map((b) => b.id) as [AgeBandId, ...AgeBandId[]];
export const PARTY_AGE_BAND_IDS = PARTY_AGE_BANDS.map((b) => b.id) as [PartyAgeBandId, ...PartyAgeBandId[]];

/**
 * The latest start date that has reached `years` whole years on `on`. Usually `on` minus the
 * years; a 29 February start reaches its anniversary on 28 February (C2), one day later.
 */
export const latestStartFor = (years: number, on: string): string => {
  const start = addYears(on, -years);
  const next = addDays(start, 1);
  return wholeYears(next, on) >= years ? next : start;
};

/**
 * The start dates (birth date for age, 转正日期 for 党龄) whose whole years on `on` fall in the
 * band: `after` < start ≤ `onOrBefore`. Turning bands into date ranges keeps the query on an index.
 */
export const bandStartRange = (band: Band, on: string): { after: string | null; onOrBefore: string } => ({
  after: band.to === null ? null : latestStartFor(band.to + 1, on),
  onOrBefore: latestStartFor(band.from, on),
});

/** The band with this id (ids come from a validated enum). */
export const bandOf = <B extends Band>(bands: readonly B[], id: string): B => {
  const band = bands.find((b) => b.id === id);
  if (!band) throw new Error(`unknown band ${id}`);
  return band;
};
