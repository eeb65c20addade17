import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { deriveKeys, loadMasterKey } from './platform/crypto.js';
import { migrateDatabase, openDatabase } from './platform/db/index.js';
import type { Deps } from './platform/http.js';
import { setUpEmptyDatabase } from './setup/setup.js';

/** Starts the server: config → database → migrations → first-run set-up → listen. */
const main = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const database = await openDatabase(config);
  await migrateDatabase(database);
  const deps: Deps = {
    database,
    db: database.db,
    config,
    keys: deriveKeys(loadMasterKey(config)),
    now: () => new Date(),
  };
  const firstRun = await setUpEmptyDatabase(deps);
  const app = await buildApp(deps, { logger: true, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    `基石 基层党建综合管理平台 已启动：${url}  （${database.engine === 'pglite' ? '内置数据库' : 'PostgreSQL'}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    ...(firstRun?.lines ?? []),
    '',
  ];
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

await main();
