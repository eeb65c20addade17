// The entry of every worker thread: a worker does not inherit its parent's loader hooks, so the
// TypeScript module it runs (workerData.entry, a file URL) is loaded through tsx here.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
