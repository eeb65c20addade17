/** A seeded PRNG (mulberry32), so a demo data set is the same for the same seed. */
export const createRandom = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** An integer in [min, max]. */
    int,
    /** One element of a non-empty list. */
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** True with probability p. */
    chance: (p: number) => next() < p,
    /** A date between two years, as YYYY-MM-DD. */
    date: (fromYear: number, toYear: number) => {
      const y = int(fromYear, toYear);
      const m = int(1, 12);
      const d = int(1, 28);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    },
  };
};
export type Random = ReturnType<typeof createRandom>;
