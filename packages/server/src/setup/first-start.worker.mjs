// A worker thread does not inherit the loader hooks of its parent: TypeScript needs tsx's own here.
import { tsImport } from 'tsx/esm/api';

await tsImport('./first-start.worker.ts', import.meta.url);
