import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * A figure the department reports, defined once. `compute` answers for several subtree roots in
 * one query, so a drill-down over a township's children costs one round trip. Nothing stores
 * the result: every screen, export and report calls this.
 */
export interface IndicatorDef {
  id: string;
  name: string;
  unit: string;
  /** Charts group indicators by this (`org_type`, `org_domain`). */
  group?: string;
  description: string;
  compute: (q: Q, roots: string[], date: string) => Promise<Map<string, number>>;
}

const registry = new Map<string, IndicatorDef>();

/** Registers an indicator; ids are unique across modules. */
export const defineIndicator = (def: IndicatorDef): IndicatorDef => {
  if (registry.has(def.id)) throw new Error(`indicator ${def.id} defined twice`);
  registry.set(def.id, def);
  return def;
};

export const allIndicators = (): IndicatorDef[] => [...registry.values()];
export const findIndicator = (id: string): IndicatorDef | undefined => registry.get(id);

/** `roots` as an ltree[] literal list for `unnest`. */
export const rootsArray = (roots: string[]): SQL =>
  sql`array[${sql.join(
    roots.map((r) => sql`${r}::ltree`),
    sql`, `,
  )}]`;

/** An org that existed on `date`: founded on or before it (or undated), not yet closed. */
export const orgExistsOn = (alias: SQL, date: string): SQL =>
  sql`(${alias}.founded_at is null or ${alias}.founded_at <= ${date}::date) and (${alias}.closed_at is null or ${alias}.closed_at > ${date}::date)`;

/** Counts orgs matching `where` (over alias `o`) in each subtree that existed on the date. */
export const countOrgs =
  (where: SQL) =>
  async (q: Q, roots: string[], date: string): Promise<Map<string, number>> => {
    const found = await rows<{ root: string; value: number }>(
      q,
      sql`select r.root::text as root, count(o.id)::int as value
          from unnest(${rootsArray(roots)}) as r(root)
          left join org o on o.path <@ r.root and ${orgExistsOn(sql`o`, date)} and ${where}
          group by r.root`,
    );
    return new Map(found.map((f) => [f.root, f.value]));
  };

/** A member on the roll on `date`: admitted by then and not yet gone. */
export const memberOnRoll = (alias: SQL, date: string): SQL =>
  sql`${alias}.joined_at <= ${date}::date and (${alias}.exit_at is null or ${alias}.exit_at > ${date}::date)`;

/**
 * Aggregates over members on the roll in each subtree on the date: `value` is an SQL expression
 * over alias `m` (count(m.id), avg(...)), `where` narrows the members.
 */
export const aggregateMembers =
  (value: SQL, where: SQL = sql`true`) =>
  async (q: Q, roots: string[], date: string): Promise<Map<string, number>> => {
    const found = await rows<{ root: string; value: number | null }>(
      q,
      sql`select r.root::text as root, ${value} as value
          from unnest(${rootsArray(roots)}) as r(root)
          left join (member m join org o on o.id = m.org_id)
            on o.path <@ r.root and ${memberOnRoll(sql`m`, date)} and ${where}
          group by r.root`,
    );
    return new Map(found.map((f) => [f.root, f.value === null ? 0 : Number(f.value)]));
  };
