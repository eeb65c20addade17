import { fenToYuan } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * One aggregate over the orgs or the members of a subtree as of a date: an SQL expression over
 * alias `o` (orgs existing on the date) or `m` (members on the roll; `o` is their org), such as
 * `count(*) filter (where o.type = 'branch')`. All aggregates of one source run in a single pass.
 */
export interface Aggregate {
  source: 'org' | 'member';
  expr: (date: string) => SQL;
}

/**
 * A figure the department reports, defined once: either an aggregate (batched with its siblings)
 * or its own `compute` over several subtree roots. Nothing stores the result: every screen, export
 * and report computes it from the records.
 */
export interface IndicatorDef {
  id: string;
  name: string;
  unit: string;
  /**
   * `money`: computed in integer fen (unit 元) and presented as a yuan decimal string ("30.00"),
   * so no sum ever passes through a binary float; else a plain number.
   */
  kind?: 'money';
  /** The dashboard shows indicators of one group together (`org_type`, `member_age` …). */
  group?: string;
  description: string;
  aggregate?: Aggregate;
  compute?: (q: Q, roots: string[], date: string, shared: Shared) => Promise<Map<string, number>>;
}

/**
 * One computation's cache: indicators computed together share one pass over the records (the
 * compliance scan, the dues facts). It lives for one `computeIndicators` call, so no figure
 * outlives the request that asked for it.
 */
export type Shared = <T>(key: string, load: () => Promise<T>) => Promise<T>;

const sharedCache = (): Shared => {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    let found = cache.get(key) as Promise<T> | undefined;
    if (!found) {
      found = load();
      cache.set(key, found);
    }
    return found;
  };
};

const registry = new Map<string, IndicatorDef>();

/** An indicator's value as the API presents it, with its kind: money as a yuan decimal string, else the number. */
export type Figure = { kind: 'number'; value: number } | { kind: 'money'; value: string };

/** Whether an indicator is money or a plain number. */
export const figureKind = (def: IndicatorDef): Figure['kind'] => def.kind ?? 'number';

/** The figure of a computed value (money is computed in fen). */
export const presentFigure = (def: IndicatorDef, value: number | undefined): Figure =>
  def.kind === 'money' ? { kind: 'money', value: fenToYuan(value ?? 0) } : { kind: 'number', value: value ?? 0 };

/** Registers an indicator; ids are unique across modules. */
export const defineIndicator = (def: IndicatorDef): IndicatorDef => {
  if (registry.has(def.id)) throw new Error(`indicator ${def.id} defined twice`);
  if (!def.aggregate === !def.compute) throw new Error(`indicator ${def.id} needs exactly one of aggregate or compute`);
  if ((def.kind === 'money') !== (def.unit === '元')) throw new Error(`indicator ${def.id}: money is in 元 and kind 'money'`);
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

/** A member on the roll on `date`: admitted by then and not yet gone. */
export const memberOnRoll = (alias: SQL, date: string): SQL =>
  sql`${alias}.joined_at <= ${date}::date and (${alias}.exit_at is null or ${alias}.exit_at > ${date}::date)`;

/** Counts orgs matching `where` (alias `o`). */
export const countOrgs = (where: SQL): Aggregate => ({ source: 'org', expr: () => sql`count(o.id) filter (where ${where})` });

/** Counts members matching `where` (alias `m`, their org `o`), which may depend on the date. */
export const countMembers = (where: (date: string) => SQL = () => sql`true`): Aggregate => ({
  source: 'member',
  expr: (date) => sql`count(m.id) filter (where ${where(date)})`,
});

/** Any other aggregate over members (an average, a share). */
export const memberAggregate = (expr: (date: string) => SQL): Aggregate => ({ source: 'member', expr });

const FROM: Record<Aggregate['source'], (date: string) => SQL> = {
  org: (date) => sql`left join org o on o.path <@ r.root and ${orgExistsOn(sql`o`, date)}`,
  member: (date) => sql`left join (member m join org o on o.id = m.org_id) on o.path <@ r.root and ${memberOnRoll(sql`m`, date)}`,
};

/**
 * Computes indicators for several subtree roots: the aggregates of each source in one query,
 * the rest one by one. Returns id → root path → value.
 */
export const computeIndicators = async (
  q: Q,
  defs: IndicatorDef[],
  roots: string[],
  date: string,
): Promise<Map<string, Map<string, number>>> => {
  const out = new Map<string, Map<string, number>>();
  for (const source of ['org', 'member'] as const) {
    const batch = defs.filter((d) => d.aggregate?.source === source);
    if (batch.length === 0) continue;
    const found = await rows<Record<string, unknown>>(
      q,
      sql`select r.root::text as root, ${sql.join(
        batch.map((d, i) => sql`${(d.aggregate as Aggregate).expr(date)} as ${sql.raw(`v${i}`)}`),
        sql`, `,
      )}
          from unnest(${rootsArray(roots)}) as r(root) ${FROM[source](date)}
          group by r.root`,
    );
    batch.forEach((d, i) => {
      out.set(d.id, new Map(found.map((f) => [f.root as string, f[`v${i}`] === null ? 0 : Number(f[`v${i}`])])));
    });
  }
  const shared = sharedCache();
  for (const d of defs) if (d.compute) out.set(d.id, await d.compute(q, roots, date, shared));
  return out;
};
