import { sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * A rule whose reading is uncertain lives as a setting (RULES.md confidence below high): the
 * domain's default unless the `setting` row for `key` overrides some of its fields.
 */
export const readSettings = async <T extends object>(q: Q, key: string, defaults: T): Promise<T> => {
  const [row] = await rows<{ value: Partial<T> }>(q, sql`select value from setting where key = ${key}`);
  return { ...defaults, ...(row?.value ?? {}) };
};
