/** Worker threads running this code base's TypeScript modules (through platform/ts-worker.mjs). */
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./ts-worker.mjs', import.meta.url);

/** Starts `entry` (a module's URL, e.g. `new URL('./x.worker.ts', import.meta.url)`) on a worker thread. */
export const startWorker = (entry: URL, data: Record<string, unknown> = {}): Worker =>
  new Worker(BOOTSTRAP, { workerData: { ...data, entry: entry.href } });
