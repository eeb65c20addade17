import { pinyin } from 'pinyin-pro';

/**
 * Search and sort key for a Chinese name: full pinyin, then initials (`keerqinqu klqq`), so that
 * ordering by it follows pinyin order and a search for "klqq" finds 科尔沁区. PGlite has no ICU
 * collation, so the key is stored rather than computed by the database.
 */
export const pinyinKey = (name: string): string => {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  return `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`;
};
