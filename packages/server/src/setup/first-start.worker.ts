/**
 * The first start's demo load on a worker thread (setup/first-start.ts): the database opened,
 * migrated and filled here, its progress posted to the main thread, then closed for the server.
 */
import { parentPort } from 'node:worker_threads';
import { DEMO_STAGES } from '../demo/tongliao.js';
import { openDeps } from '../platform/deps.js';
import { Preparation } from '../platform/preparation.js';
import { setUpEmptyDatabase } from './setup.js';

const port = parentPort;
if (!port) throw new Error('first-start.worker runs on a worker thread');
const deps = await openDeps();
const preparation = new Preparation(DEMO_STAGES, undefined, (status) => port.postMessage({ status }));
const firstRun = await setUpEmptyDatabase(deps, undefined, preparation);
await deps.database.close();
port.postMessage({ done: firstRun?.lines ?? [] });
