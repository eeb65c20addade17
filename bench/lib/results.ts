import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR } from './proc.js';

export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

/** Writes one benchmark's result as bench/results/<name>.json. */
export const writeResult = (name: string, result: { machine?: object; [field: string]: unknown }) => {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  if (result.machine) Object.assign(result.machine, { loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  → ${path.relative(path.dirname(BENCH_DIR), file)}`);
};

/** Every result file, by name. */
export const readResults = (): Record<string, Record<string, unknown>> => {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    out[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8'));
  }
  return out;
};
