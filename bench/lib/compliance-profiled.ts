/**
 * Run by the compliance bench under `node --cpu-prof` (with lib/profile-maps.ts preloaded): the
 * nightly job's work, BENCH_SCANS times over the whole city (scanAndStore over `true`: the scan, the
 * snapshots and the change log's clean-up), on DATABASE_URL for BENCH_YEAR as of BENCH_AS_OF. Prints one line per run.
 */
import { scanAndStore } from '@jishi/server/src/modules/meetings/compliance.ts';
import { openPostgres } from '@jishi/server/src/platform/db/index.ts';
import { sql } from 'drizzle-orm';

const url = process.env.DATABASE_URL;
const year = Number(process.env.BENCH_YEAR);
const asOf = process.env.BENCH_AS_OF ?? '';
const scans = Number(process.env.BENCH_SCANS ?? '3');
if (!url || !Number.isInteger(year) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
  throw new Error('DATABASE_URL, BENCH_YEAR and BENCH_AS_OF are needed');

const database = await openPostgres(url);
try {
  for (let i = 1; i <= scans; i++) {
    const t0 = performance.now();
    const results = await scanAndStore(database.db, year, asOf, sql`true`);
    console.log(`run ${i}: ${results.length} orgs, scan and store ${Math.round(performance.now() - t0)} ms`);
  }
} finally {
  await database.close();
}
