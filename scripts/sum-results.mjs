// Adds up vitest JSON reports and prints the closing line CI reads: "N passed, N failed".
// Arguments: report.json=exitCode, one per step; a step that exited non-zero with no failed test
// (an unhandled error, a crashed setup) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const arg of process.argv.slice(2)) {
  const [file, code = '0'] = arg.split('=');
  if (!existsSync(file)) {
    console.log(`${file}: no report (the run did not finish)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  const unhandled = code !== '0' && r.numFailedTests === 0 && !r.numFailedTestSuites ? 1 : 0;
  failed += unhandled;
  console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${unhandled ? `, and the step exited with ${code} (an error outside the tests)` : ''}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
