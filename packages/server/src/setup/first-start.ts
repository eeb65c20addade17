/**
 * A first start on the embedded database: the demo loads on a worker thread (it holds PGlite, which
 * runs on its thread, busy for half a minute) while this thread serves the web app and the load's
 * progress at once. The server proper opens the database when the worker has closed it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildPreparingApp } from '../app.js';
import type { Config } from '../platform/config.js';
import type { PreparationProgress } from '../platform/preparation.js';
import { startWorker } from '../platform/workers.js';

/** On PGlite, with the demo, on a data dir that holds no database yet. */
export const isFirstStart = (config: Config): boolean =>
  !config.databaseUrl && config.demo === 'tongliao' && !existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'));

type WorkerMessage = { progress: PreparationProgress } | { done: string[] };

/** Loads the demo on a worker thread, serving its progress meanwhile; resolves with the lines to print once. */
export const firstStart = async (config: Config): Promise<string[]> => {
  // Until the worker's first stage: it opens and migrates the database.
  const preparing = { progress: { percent: 0, stage: '数据库' } as PreparationProgress };
  const app = await buildPreparingApp(config, preparing);
  await app.listen({ port: config.port, host: config.host });
  console.log(`\n首次启动，正在装入通辽市演示数据；可先打开 http://${config.host}:${config.port} 查看进度\n`);
  try {
    // The worker shares this process's environment, so it reads the same config.
    const worker = startWorker(new URL('./first-start.worker.ts', import.meta.url));
    // Done when the worker has gone, its database closed, not merely when it says so.
    return await new Promise<string[]>((resolve, reject) => {
      let lines: string[] | undefined;
      worker.on('message', (m: WorkerMessage) => {
        if ('progress' in m) preparing.progress = m.progress;
        else lines = m.done;
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        lines && code === 0 ? resolve(lines) : reject(new Error(`演示数据装入失败（工作线程退出，代码 ${code}）`)),
      );
    });
  } finally {
    await app.close();
  }
};
