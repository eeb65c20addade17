/**
 * Pages keep their org, year and filters in the URL (`?orgId=&year=…`), so a view can be
 * bookmarked, shared or linked to from another page. A URL can be edited by hand, so every value
 * read from it is checked, and a bad one reads as absent.
 */
import { useSearchParams } from 'react-router';

/** `value` as a positive integer (an id, a year), or undefined when it is missing or anything else. */
export const positiveInt = (value: string | null | undefined): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** `value` when it is one of `allowed` (a hand-edited URL may carry anything), else undefined. */
export const oneOf = <T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** Values to merge into the URL's search params; undefined removes the key. */
export type UrlParamsPatch = Record<string, string | number | undefined>;

/** How one update is written to the browser history. */
export interface UrlParamsUpdateOptions {
  /**
   * Replace the current history entry (the default: tweaking a filter should not leave a trail
   * for Back to walk through); false pushes a new one.
   */
  replace?: boolean;
}

/**
 * The URL's search params, and `update(next)` that merges `next` into them (keeping every other
 * key) and writes the result. `onChange` runs after each update: a page that pages its table
 * locally passes `() => setPage(1)`, since a list filtered anew starts on its first page.
 */
export function useUrlParams({ onChange }: { onChange?: () => void } = {}) {
  const [params, setParams] = useSearchParams();
  const update = (next: UrlParamsPatch, { replace = true }: UrlParamsUpdateOptions = {}) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged, { replace });
    onChange?.();
  };
  return [params, update] as const;
}
