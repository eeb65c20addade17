import { buildApp, JOBS } from './app.js';
import { loadConfigOrExit, openDeps } from './platform/deps.js';
import { startJobs } from './platform/jobs.js';
import { firstStart, isFirstStart } from './setup/first-start.js';
import { setUpEmptyDatabase } from './setup/setup.js';

/** Starts the server: config → database → migrations → first-run set-up → listen. */
const main = async () => {
  const config = loadConfigOrExit();
  // A first start on the embedded database loads the demo on a worker thread, serving its progress.
  const preparedLines = isFirstStart(config) ? await firstStart(config) : undefined;
  const deps = await openDeps(config);
  const { database } = deps;
  const firstRun = preparedLines ? { lines: preparedLines } : await setUpEmptyDatabase(deps);
  const app = await buildApp(deps, { logger: true, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  // Set up in process (PostgreSQL, or no demo), the jobs catch up at once; the first start's worker ran them already.
  const jobs = await startJobs(deps, JOBS, {
    log: (m) => app.log.info(m),
    startupDelaySeconds: firstRun && !preparedLines ? 0 : undefined,
    skipStartupRun: preparedLines !== undefined,
  });
  const lines = [
    '',
    `基石 基层党建综合管理平台 已启动：${url}  （${database.engine === 'pglite' ? '内置数据库' : 'PostgreSQL'}，用时 ${process.uptime().toFixed(1)} 秒）`,
    ...(firstRun?.lines ?? []),
    '',
  ];
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

await main();
