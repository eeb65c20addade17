import { type Config, ConfigError, loadConfig } from './config.js';
import { deriveKeys, loadMasterKey } from './crypto.js';
import { migrateDatabase, openDatabase } from './db/index.js';
import type { Deps } from './http.js';

/** Opens the configured database for a command-line tool, migrated, or exits with the config error. */
export const openForCli = async (): Promise<Deps> => {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const database = await openDatabase(config);
  await migrateDatabase(database);
  return { database, db: database.db, config, keys: deriveKeys(loadMasterKey(config)), now: () => new Date() };
};
