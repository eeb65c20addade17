import { buildApp, JOBS } from './app.js';
import { DEMO_STAGES } from './demo/tongliao.js';
import { openDeps } from './platform/deps.js';
import { startJobs } from './platform/jobs.js';
import { Preparation } from './platform/preparation.js';
import { isEmpty } from './setup/bootstrap.js';
import { setUpEmptyDatabase } from './setup/setup.js';

/** Starts the server: config → database → migrations → first-run set-up → listen. */
const main = async () => {
  const deps = await openDeps();
  const { config, database } = deps;
  // A first start with the demo serves the web at once and shows the load's progress there.
  const preparation = config.demo === 'tongliao' && (await isEmpty(deps.db)) ? new Preparation(DEMO_STAGES) : undefined;
  const app = await buildApp(deps, { logger: true, serveWeb: true, preparation });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  if (preparation) console.log(`\n首次启动，正在装入通辽市演示数据；可先打开 ${url} 查看进度\n`);
  const firstRun = await setUpEmptyDatabase(deps, undefined, preparation);
  preparation?.finish();
  // A fresh installation catches up at once (the demo's reminders); a restart leaves its first minute to users.
  const jobs = await startJobs(deps, JOBS, { log: (m) => app.log.info(m), startupDelaySeconds: firstRun ? 0 : undefined });
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
