/**
 * 基石 benchmarks. `npm run bench` runs all of them; `npm run bench -w bench -- --only startup,children`
 * runs some. Flags: --only startup|demo-load|children|children-pglite|import|search|compliance|evaluations (comma-separated),
 * --runs N (start-ups and imports, default 3), --duration S (load, default 15), --warmup S (default 3),
 * --rounds N (default 2), --connections N (default 50), --requests N and --budget S (per search,
 * single-branch and roll-up kind), --scans N (whole-city compliance scans, default 10), --profile
 * (import, compliance); or the same as BENCH_ONLY, BENCH_RUNS… in the environment (npm at the
 * root would take `--only` as its own flag). Results go to bench/results/<name>.json and the table in
 * bench/README.md is rebuilt from every result file there.
 */
import { parseArgs } from 'node:util';
import { installCleanup } from './lib/proc.js';
import { updateReadme } from './lib/readme.js';
import { runChildren } from './suites/children.js';
import { runCompliance } from './suites/compliance.js';
import { runDemoLoad } from './suites/demo-load.js';
import { runEvaluations } from './suites/evaluations.js';
import { runImport } from './suites/import.js';
import { runSearch } from './suites/search.js';
import { runStartup } from './suites/startup.js';

const SUITES = ['startup', 'demo-load', 'children', 'children-pglite', 'import', 'search', 'compliance', 'evaluations'] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: process.env.BENCH_ONLY },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '15' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '3' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '2' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '50' },
    requests: { type: 'string', default: process.env.BENCH_REQUESTS ?? '200' },
    budget: { type: 'string', default: process.env.BENCH_BUDGET ?? '45' },
    scans: { type: 'string', default: process.env.BENCH_SCANS ?? '10' },
    profile: { type: 'boolean', default: process.env.BENCH_PROFILE === '1' },
  },
});

const positive = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
};

const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SUITES];
for (const s of only) if (!SUITES.includes(s as Suite)) throw new Error(`unknown benchmark "${s}"; known: ${SUITES.join(', ')}`);
const load = {
  connections: positive('connections', values.connections),
  warmupSeconds: positive('warmup', values.warmup),
  durationSeconds: positive('duration', values.duration),
  rounds: positive('rounds', values.rounds),
};

installCleanup();
const t0 = performance.now();
let failed = false;
for (const suite of only as Suite[]) {
  console.log(`\n▶ ${suite}`);
  try {
    if (suite === 'startup') await runStartup({ runs: positive('runs', values.runs) });
    else if (suite === 'demo-load') await runDemoLoad({ runs: positive('runs', values.runs) });
    if (suite === 'children') await runChildren({ engine: 'postgres', ...load });
    if (suite === 'children-pglite') await runChildren({ engine: 'pglite', ...load });
    if (suite === 'import') await runImport({ runs: positive('runs', values.runs), profile: values.profile ?? false });
    if (suite === 'search')
      await runSearch({ requests: positive('requests', values.requests), budgetSeconds: positive('budget', values.budget) });
    if (suite === 'compliance')
      await runCompliance({
        scans: positive('scans', values.scans),
        requests: positive('requests', values.requests),
        budgetSeconds: positive('budget', values.budget),
        profile: values.profile ?? false,
      });
    if (suite === 'evaluations')
      await runEvaluations({ requests: positive('requests', values.requests), budgetSeconds: positive('budget', values.budget) });
  } catch (err) {
    failed = true;
    console.error(`✗ ${suite} failed: ${err instanceof Error ? err.stack : err}`);
  }
}
updateReadme();
console.log(`\nbench finished in ${((performance.now() - t0) / 1000).toFixed(0)} s${failed ? ' (with failures)' : ''}`);
process.exit(failed ? 1 : 0);
