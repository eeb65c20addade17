import { listEntries } from '@jishi/server/src/modules/evaluations/evaluation.read.ts';
import '@jishi/server/src/modules/indicators/indicator.routes.ts';
import { businessDate } from '@jishi/server/src/platform/dates.ts';
import { openPostgres, type Q, rows } from '@jishi/server/src/platform/db/index.ts';
import { allIndicators, computeIndicators } from '@jishi/server/src/platform/indicators.ts';
import { sql } from 'drizzle-orm';
import { CITY_DB, ensureCityDataset } from '../lib/city-db.js';
import { machineInfo } from '../lib/machine.js';
import { dbUrl, serverVersion } from '../lib/pgdb.js';
import { removeTempDir, tempDir } from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { quantile, round } from '../lib/stats.js';

const WARMUP = 3;
/** Fewest measured samples per kind, even past the budget. */
const MIN_SAMPLES = 5;

export interface EvaluationOptions {
  requests: number;
  budgetSeconds: number;
}

const stats = (xs: number[]) => ({ n: xs.length, p50Ms: round(quantile(xs, 0.5), 2), p95Ms: round(quantile(xs, 0.95), 2) });

/** Runs `fn` after a warm-up until `requests` samples or the budget, alternating with its bare baseline. */
const measure = async (o: EvaluationOptions, real: () => Promise<unknown>, bare: () => Promise<unknown>) => {
  for (let i = 0; i < WARMUP; i++) {
    await real();
    await bare();
  }
  const r: number[] = [];
  const b: number[] = [];
  const t0 = performance.now();
  while (r.length < o.requests && (performance.now() - t0 < o.budgetSeconds * 1000 || r.length < MIN_SAMPLES)) {
    let t = performance.now();
    await real();
    r.push(performance.now() - t);
    t = performance.now();
    await bare();
    b.push(performance.now() - t);
  }
  return { real: stats(r), bare: stats(b) };
};

/**
 * 评星定级 at city scale on PostgreSQL, in process: the dashboard's 评星定级 figures for the city and
 * its children (the drill-down), and the round's ranked entry list (first page and page 300). Each
 * against a bare query that reads the same rows without scope, latest-year or ranking logic.
 */
export const runEvaluations = async (o: EvaluationOptions) => {
  const work = tempDir('jishi-bench-eval-');
  try {
    const dataset = await ensureCityDataset(work);
    const database = await openPostgres(dbUrl(CITY_DB, 'jishi_bench_evaluations'), 4);
    const q: Q = database.db;
    try {
      const [root] = await rows<{ id: number; path: string }>(q, sql`select id, path::text as path from org where parent_id is null`);
      if (!root) throw new Error('the city database has no root org');
      const children = await rows<{ path: string }>(
        q,
        sql`select path::text as path from org where parent_id = ${root.id} and closed_at is null order by path`,
      );
      const roots = [root.path, ...children.map((c) => c.path)];
      const date = businessDate(new Date());
      const defs = allIndicators().filter((d) => d.id.startsWith('eval.'));
      const [grading] = await rows<{ id: number; year: number; entries: number }>(
        q,
        sql`select r.id, s.year, (select count(*)::int from round_entry e where e.round_id = r.id) as entries
            from evaluation_round r join scheme s on s.id = r.scheme_id where s.programme = 'branch_grading' order by s.year desc limit 1`,
      );
      if (!grading) throw new Error('the city database has no 分类定级 round');
      const actor = { userId: 0, username: 'bench', grants: [{ role: 'org_admin' as const, orgId: root.id, orgPath: root.path }] };
      const lastPage = Math.max(0, Math.floor((grading.entries - 1) / 20) - 1) * 20;

      console.log(
        `    ${defs.length} indicators × ${roots.length} roots; round ${grading.id} (${grading.year}) with ${grading.entries} entries`,
      );
      const figures = await measure(
        o,
        () => computeIndicators(q, defs, roots, date),
        () =>
          rows(
            q,
            sql`select e.level, count(*) from round_entry e join evaluation_round r on r.id = e.round_id
                where e.final_at is not null group by e.level`,
          ),
      );
      console.log(`    figures: real p50 ${figures.real.p50Ms} p95 ${figures.real.p95Ms} ms · bare p50 ${figures.bare.p50Ms} ms`);
      const page = (offset: number) =>
        measure(
          o,
          () => listEntries(q, actor, grading.id, { limit: 20, offset }, date),
          () =>
            rows(
              q,
              sql`select e.id, o.name, e.score_tenths from round_entry e join org o on o.id = e.org_id
                  where e.round_id = ${grading.id} order by o.path limit 20 offset ${offset}`,
            ),
        );
      const first = await page(0);
      console.log(`    entries page 1: real p50 ${first.real.p50Ms} p95 ${first.real.p95Ms} ms · bare p50 ${first.bare.p50Ms} ms`);
      const deep = await page(lastPage);
      console.log(
        `    entries page ${lastPage / 20 + 1}: real p50 ${deep.real.p50Ms} p95 ${deep.real.p95Ms} ms · bare p50 ${deep.bare.p50Ms} ms`,
      );
      writeResult('evaluations', {
        date: new Date().toISOString(),
        machine: machineInfo(),
        engine: `PostgreSQL ${await serverVersion()}`,
        dataset: { ...dataset, roots: roots.length, indicators: defs.length, round: grading },
        figures,
        entriesFirstPage: first,
        entriesDeepPage: { page: lastPage / 20 + 1, ...deep },
      });
    } finally {
      await database.close();
    }
  } finally {
    removeTempDir(work);
  }
};
