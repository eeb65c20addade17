import { type Config, ConfigError, loadConfig } from './config.js';
import { deriveKeys, loadMasterKey } from './crypto.js';
import { migrateDatabase, openDatabase } from './db/index.js';
import type { Deps } from './http.js';

/** Parses the environment, or prints the Chinese/English message naming each bad variable and exits. */
export const loadConfigOrExit = (): Config => {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
};

/** Opens the configured database, migrated, with the keys: what the server and the command-line tools share. */
export const openDeps = async (config: Config = loadConfigOrExit()): Promise<Deps> => {
  const database = await openDatabase(config);
  await migrateDatabase(database);
  return { database, db: database.db, config, keys: deriveKeys(loadMasterKey(config)), now: () => new Date() };
};
