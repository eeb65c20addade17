import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export { schema };

// biome-ignore lint/suspicious/noExplicitAny: the two drivers differ only in their result type.
export type Db = PgDatabase<any, typeof schema>;
/** A transaction handle; every repo function takes `Q` so it runs inside the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Q = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PGlite instance (embedded mode only), for dumps in tests. */
  pglite?: PGlite;
  /** The pool (server mode only). */
  pool?: pg.Pool;
}

// int8 and numeric come back as strings from node-postgres; counts and ids here fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the embedded database in `dataDir` (created when missing), or a loaded data dir dump. */
export const openPglite = async (opts: { dataDir?: string; loadDataDir?: Blob | File }): Promise<Database> => {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { ltree, pg_trgm },
    // Minimal WAL (nothing reads it: no replicas, no archive): a bulk load into a table emptied in
    // its own transaction then writes no WAL at all (see bulkLoad).
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'],
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', pglite: client, close: () => client.close() };
};

/** Opens a pool on a real PostgreSQL server. */
export const openPostgres = async (url: string, max = 10): Promise<Database> => {
  // UTC sessions, as PGlite's: timestamps read back the same on both engines.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=UTC' });
  // An idle connection the server drops (restart, failover) must not crash the process: the pool
  // discards it and opens a new one on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL idle connection lost: ${(err as { code?: string }).code ?? err.message}`));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return { db, engine: 'postgres', pool, close: () => pool.end() };
};

/** Opens whichever engine the configuration names. */
export const openDatabase = (cfg: { databaseUrl?: string; dataDir: string }): Promise<Database> =>
  cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite({ dataDir: path.join(cfg.dataDir, 'pglite') });

/**
 * Applies the migrations folder (another folder only in tests of a migration). On PostgreSQL an
 * advisory lock makes concurrent start-ups of several server processes wait for one another instead of racing.
 */
export const migrateDatabase = async (database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> => {
  if (database.engine === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its own driver type.
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  // Session-level lock: it must be taken and released on one connection.
  const lockClient = await (database.pool as pg.Pool).connect();
  await lockClient.query('select pg_advisory_lock(7355601)');
  try {
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    await migrateNodePg(database.db as any, { migrationsFolder });
  } catch (err) {
    // The application's own role does not own the tables (docs/deploy.md): say what to do instead.
    const cause = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
    if ((cause.code ?? cause.cause?.code) === '42501') {
      throw new Error(
        '数据库有待执行的迁移，但当前账号不是表的属主：请用属主账号运行 npm run db:migrate，再为应用账号执行 sql/app-role.sql（见 docs/deploy.md）。' +
          ` / pending migrations need the tables' owner role: run npm run db:migrate as the owner, then sql/app-role.sql. (${cause.cause?.message ?? cause.message})`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    await lockClient.query('select pg_advisory_unlock(7355601)');
    lockClient.release();
  }
};

/** `text` with LIKE's wildcards and escape character escaped, for a pattern built around it. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Runs raw SQL and returns its rows, the same shape on both engines. */
export const rows = async <T>(q: Q, query: SQL): Promise<T[]> => {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

/**
 * A timestamp from a raw query as a Date. Drizzle hands raw timestamptz values back as text
 * (`2026-01-01 08:00:00.123+00`) on both engines; this reads that form and Dates alike.
 */
export const toDate = (v: unknown): Date => {
  if (v instanceof Date) return v;
  const s = String(v)
    .replace(' ', 'T')
    .replace(/([+-]\d{2})$/, '$1:00');
  return new Date(s);
};

/** The same as an ISO string, or null. */
export const toIso = (v: unknown): string | null => (v === null || v === undefined ? null : toDate(v).toISOString());

/** Rows grouped by a key, in their order (Map.groupBy arrives with Node 21). */
export const groupBy = <T, K>(list: readonly T[], key: (x: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const x of list) {
    const k = key(x);
    const bucket = out.get(k);
    if (bucket) bucket.push(x);
    else out.set(k, [x]);
  }
  return out;
};

/**
 * Loads rows in bulk: on PGlite one COPY per call (`COPY … FROM '/dev/blob'`, the rows in COPY's
 * text format), elsewhere one array per column through `unnest` (a parameter per column, not per
 * value), 5,000 rows a statement. `columns` are `[name, element type]`; each row lists values in
 * that order. No ids come back.
 */
export const insertColumns = async (q: Q, table: string, columns: [string, string][], data: readonly (readonly unknown[])[]) => {
  if (data.length === 0) return;
  const width = data.find((row) => row.length !== columns.length);
  if (width) throw new Error(`insertColumns(${table}): a row of ${width.length} values for ${columns.length} columns`);
  const pglite = pgliteOf(q);
  if (pglite) {
    await pglite.query(`copy ${table} (${columns.map(([name]) => name).join(', ')}) from '/dev/blob'`, [], { blob: copyBlob(data) });
    return;
  }
  for (let i = 0; i < data.length; i += 5000) {
    const chunk = data.slice(i, i + 5000);
    const arrays = columns.map(([, type], c) => sql`${sql.param(chunk.map((row) => row[c]))}::${sql.raw(type)}[]`);
    await q.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(columns.map(([name]) => name).join(', '))}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
};

/** One value in COPY's text format: `\N` for null, backslash escapes for the separators. */
const copyField = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // An instant (timestamptz); a date column takes its YYYY-MM-DD string.
  if (v instanceof Date) return v.toISOString();
  // COPY would take JSON's `[…]` for an array column: the caller gives PostgreSQL's `{…}` text.
  if (Array.isArray(v)) throw new Error('insertColumns: give an array value as its PostgreSQL text ({a,b})');
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : s;
};
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows as COPY's text format (tab-separated, one line each). */
const copyBlob = (data: readonly (readonly unknown[])[]): Blob => {
  const lines = new Array<string>(data.length);
  for (let i = 0; i < data.length; i++) lines[i] = (data[i] as readonly unknown[]).map(copyField).join('\t');
  return new Blob([lines.join('\n'), '\n']);
};

/** The PGlite session under a drizzle handle (the database or a transaction), when the engine is PGlite. */
export const pgliteOf = (q: Q): PGlite | Transaction | undefined => {
  const client = (q as unknown as { session?: { client?: { exec?: unknown } } }).session?.client;
  // node-postgres pools and clients have no `exec`; PGlite and its transactions do.
  return client && typeof client.exec === 'function' ? (client as unknown as PGlite | Transaction) : undefined;
};

/**
 * `column = any($1::int[])`: one parameter for any number of ids (drizzle's `inArray` binds one per
 * id), for the typed statements over hundreds of rows at once.
 */
export const idIn = (column: SQLWrapper, ids: readonly number[]): SQL => sql`${column} = any(${`{${ids.join(',')}}`}::int[])`;
