/**
 * A bulk load into an empty database (the demo's first start), inside the caller's transaction.
 * On PGlite: every empty table is truncated first, so it gets a new file that this transaction
 * alone writes — under `wal_level=minimal` (openPglite) such a table's rows write no WAL — and
 * triggers, foreign-key checks included, are off while `load` runs: its rows come complete (a
 * member's org path given with its org, also when it moves; no change log needed before the first
 * snapshot), and setup/first-start.test.ts checks them against every foreign key and every path. On PostgreSQL, which needs the tables' owner
 * for either, `load` runs as it is. On both the statistics are taken afterwards.
 */
import { sql } from 'drizzle-orm';
import { pgliteOf, type Q, rows } from './index.js';

/** Tables never emptied: the audit chain refuses TRUNCATE, and the migrator's own bookkeeping. */
const KEPT = /^(audit_|__drizzle)/;

export const bulkLoad = async <T>(q: Q, load: () => Promise<T>): Promise<T> => {
  const embedded = pgliteOf(q) !== undefined;
  if (embedded) {
    const tables = await rows<{ name: string }>(
      q,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    const empty: string[] = [];
    for (const { name } of tables) {
      if (KEPT.test(name)) continue;
      const [row] = await rows(q, sql.raw(`select 1 from "${name}" limit 1`));
      if (!row) empty.push(`"${name}"`);
    }
    if (empty.length > 0) await q.execute(sql.raw(`truncate ${empty.join(', ')}`));
    await q.execute(sql`set local session_replication_role = replica`);
  }
  const result = await load();
  if (embedded) await q.execute(sql`set local session_replication_role = origin`);
  // Fresh statistics: without them the planner takes a table of 500,000 rows for a handful.
  await q.execute(sql`analyze`);
  return result;
};

/**
 * Runs `load` into `table` with its secondary indexes dropped and built again afterwards: one
 * sorted build costs far less than keeping them up row by row (a million payments: 3.6 s instead of
 * 5.5 s). Only where the table is its own (PGlite) and only for a load that does not read it.
 */
export const withIndexesDeferred = async <T>(q: Q, table: string, load: () => Promise<T>): Promise<T> => {
  if (!pgliteOf(q)) return load();
  const indexes = await rows<{ name: string; definition: string }>(
    q,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename = ${table} and i.indexdef not like 'CREATE UNIQUE%'
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of indexes) await q.execute(sql.raw(`drop index "${i.name}"`));
  const result = await load();
  for (const i of indexes) await q.execute(sql.raw(i.definition));
  return result;
};
