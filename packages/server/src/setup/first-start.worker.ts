/**
 * The first start's demo load on a worker thread (setup/first-start.ts): the database opened,
 * migrated and filled here, the jobs run once, its progress posted to the main thread, then closed
 * for the server.
 */
import { parentPort } from 'node:worker_threads';
import { JOBS } from '../app.js';
import { DEMO_STAGES } from '../demo/tongliao.js';
import { openDeps } from '../platform/deps.js';
import { runJob } from '../platform/jobs.js';
import { Preparation } from '../platform/preparation.js';
import { setUpEmptyDatabase } from './setup.js';

const port = parentPort;
if (!port) throw new Error('first-start.worker runs on a worker thread');
const deps = await openDeps();
const preparation = new Preparation(DEMO_STAGES, undefined, (progress) => port.postMessage({ progress }));
const firstRun = await setUpEmptyDatabase(deps, undefined, preparation);
// The jobs' first runs (the demo's reminders, the compliance figures) here too: the server then
// starts with nothing due, and its first requests are the users'.
await preparation.stage(
  'jobs',
  async () => {
    for (const job of JOBS) await runJob(deps, job);
  },
  () => `${JOBS.length} 项后台任务`,
);
preparation.finish();
await deps.database.close();
port.postMessage({ done: firstRun?.lines ?? [] });
