import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decryptField, deriveKeys } from '@jishi/server/src/platform/crypto.ts';
import { MIGRATIONS_DIR } from '@jishi/server/src/platform/db/index.ts';
import pg from 'pg';
import { databaseExists, dbUrl, recreateDatabase } from './pgdb.js';
import { cleanEnv, logTail, REPO_ROOT, spawnLogged } from './proc.js';
import { secondsSince } from './stats.js';

/** Kept between bench runs, like the province database of the search bench; about a minute to generate. */
export const CITY_DB = 'jishi_bench_city';
/** The bootstrap admin's password when the demo was generated (the first login must change it). */
export const CITY_ADMIN_PASSWORD = 'Bench-Admin-Password-2026';
/**
 * A fixed key for the cached database (as for the province one): sessions, the audit chain and the
 * sealed ID numbers depend on it, and a later run must be able to go on with them. Synthetic data only.
 */
export const CITY_MASTER_KEY = createHash('sha256').update('jishi bench city').digest('hex');
/** The city demo holds about 235,000 meetings of its year; fewer means an older or broken load. */
const MIN_MEETINGS = 100_000;

export interface CityDataset {
  reused: boolean;
  /** Why a present database was not reused (null when reused or absent). */
  rebuiltBecause: string | null;
  generateSeconds: number | null;
  /** `vacuum analyze` after generating, or on reuse when the scan's tables were never analysed or changed much since (else null). */
  vacuumSeconds: number | null;
  /** The newest migration the database has (drizzle's journal tag). */
  migration: string;
  /** How the cached database was made (a comment on the database, written when it was generated). */
  generated: unknown;
}

interface JournalEntry {
  when: number;
  tag: string;
}

/** The newest migration in the server's migrations folder. */
const latestMigration = (): JournalEntry => {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('the migrations journal is empty');
  return last;
};

const generatedNote = async (db: pg.Client): Promise<unknown> => {
  const c = (await db.query(`select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`, [CITY_DB])).rows[0]
    ?.c as string | null;
  try {
    return c ? JSON.parse(c) : null;
  } catch {
    return c;
  }
};

/**
 * Why the cached database cannot be reused, or null when it can: it must be migrated to the newest
 * migration (an older one lacks the branch-life tables or their data; regenerating takes about a
 * minute, so it is rebuilt rather than migrated), hold the demo's meetings, and be sealed with this key.
 */
const unusable = async (): Promise<string | null> => {
  if (!(await databaseExists(CITY_DB))) return 'absent';
  const db = new pg.Client({ connectionString: dbUrl(CITY_DB) });
  await db.connect();
  try {
    if ((await db.query(`select to_regclass('drizzle.__drizzle_migrations') as t`)).rows[0].t === null) return 'not migrated';
    const applied = Number((await db.query('select max(created_at) as w from drizzle.__drizzle_migrations')).rows[0].w);
    const latest = latestMigration();
    if (applied !== latest.when) return `migrated to an older migration than ${latest.tag}`;
    const meetings = Number((await db.query('select count(*) as n from meeting')).rows[0].n);
    if (meetings < MIN_MEETINGS) return `${meetings} meetings (fewer than ${MIN_MEETINGS}): not the city demo`;
    const sample = (await db.query('select id_number_enc from member order by id limit 1')).rows[0]?.id_number_enc as string | undefined;
    if (!sample) return 'no members';
    try {
      decryptField(deriveKeys(Buffer.from(CITY_MASTER_KEY, 'hex')), sample);
    } catch {
      return 'sealed under another key';
    }
    return null;
  } finally {
    await db.end();
  }
};

/**
 * Vacuums and analyses when a table of 1,000 rows or more never was, or when a fifth of one changed
 * since (the bench's own snapshot writes, a new migration): as autovacuum would, in time (it is off
 * on the bench server). A bulk-loaded table without statistics gets other plans: the single-branch
 * scan read the whole year's meetings (250–400 ms instead of a few).
 */
const vacuumIfNeeded = async (db: pg.Client): Promise<number | null> => {
  const stale = (
    await db.query(
      `select relname from pg_stat_user_tables
        where n_live_tup + n_mod_since_analyze >= 1000
          and (coalesce(last_analyze, last_autoanalyze) is null or n_mod_since_analyze > n_live_tup / 5)`,
    )
  ).rows;
  if (stale.length === 0) return null;
  const t = performance.now();
  await db.query('vacuum analyze');
  return secondsSince(t);
};

/**
 * Reuses the cached city database, or (re)generates it with the demo command into an empty database
 * (`npm run demo -- --scale city`, about a minute on PostgreSQL here), then `vacuum analyze`.
 */
export const ensureCityDataset = async (work: string): Promise<CityDataset> => {
  const latest = latestMigration();
  const why = await unusable();
  if (why === null) {
    const db = new pg.Client({ connectionString: dbUrl(CITY_DB) });
    await db.connect();
    try {
      const vacuumSeconds = await vacuumIfNeeded(db);
      if (vacuumSeconds !== null) console.log(`    ${CITY_DB}: vacuum analyze ${vacuumSeconds} s`);
      return {
        reused: true,
        rebuiltBecause: null,
        generateSeconds: null,
        vacuumSeconds,
        migration: latest.tag,
        generated: await generatedNote(db),
      };
    } finally {
      await db.end();
    }
  }
  console.log(`    ${CITY_DB}: ${why}; generating the city demo (about a minute)`);
  await recreateDatabase(CITY_DB);
  const t0 = performance.now();
  const gen = spawnLogged(
    'demo --scale city',
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/demo/cli.ts', '--scale', 'city'],
    {
      cwd: REPO_ROOT,
      env: cleanEnv({
        DATABASE_URL: dbUrl(CITY_DB),
        JISHI_MASTER_KEY: CITY_MASTER_KEY,
        JISHI_ADMIN_PASSWORD: CITY_ADMIN_PASSWORD,
        JISHI_DATA_DIR: path.join(work, 'gen-data'),
      }),
      logFile: path.join(work, 'generate.log'),
    },
  );
  const { code } = await gen.exited;
  if (code !== 0) throw new Error(`the demo command failed (${code}):\n${logTail(gen)}`);
  const generateSeconds = secondsSince(t0);
  const db = new pg.Client({ connectionString: dbUrl(CITY_DB) });
  await db.connect();
  try {
    const v0 = performance.now();
    await db.query('vacuum analyze');
    const vacuumSeconds = secondsSince(v0);
    const note = JSON.stringify({
      date: new Date().toISOString(),
      command: 'npm run demo -- --scale city',
      migration: latest.tag,
      generateSeconds,
      vacuumSeconds,
    });
    await db.query(`comment on database ${CITY_DB} is '${note.replaceAll("'", "''")}'`);
    const still = await unusable();
    if (still !== null) throw new Error(`the generated city demo in ${CITY_DB} cannot be used: ${still}`);
    console.log(`    generated in ${generateSeconds} s, vacuum analyze ${vacuumSeconds} s`);
    return {
      reused: false,
      rebuiltBecause: why === 'absent' ? null : why,
      generateSeconds,
      vacuumSeconds,
      migration: latest.tag,
      generated: await generatedNote(db),
    };
  } finally {
    await db.end();
  }
};
