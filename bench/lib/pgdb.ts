import pg from 'pg';

export const PG_HOST_URL = 'postgres://postgres@127.0.0.1:5432';
export const PG_ADMIN_URL = `${PG_HOST_URL}/postgres`;

/** The URL of a bench database; `app` names the connections, so their backends' CPU can be counted. */
export const dbUrl = (db: string, app?: string) => `${PG_HOST_URL}/${db}${app ? `?application_name=${app}` : ''}`;

const guard = (db: string) => {
  // Only the bench's own databases are ever dropped.
  if (!/^jishi_bench_[a-z_]+$/.test(db)) throw new Error(`refusing to touch database "${db}"`);
};

const withAdmin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
};

/** Drops and creates a bench database with a UTF-8 ctype (as scripts/create-test-db.mjs does); returns the server version. */
export const recreateDatabase = (db: string): Promise<string> => {
  guard(db);
  return withAdmin(async (admin) => {
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.query(`create database ${db} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    return ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version;
  });
};

export const dropDatabase = (db: string): Promise<void> => {
  guard(db);
  return withAdmin(async (admin) => {
    await admin.query(`drop database if exists ${db} with (force)`);
  });
};

export const databaseExists = (db: string): Promise<boolean> =>
  withAdmin(async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [db])).rowCount === 1);

export const serverVersion = (): Promise<string> =>
  withAdmin(async (admin) => ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version);

/** The PostgreSQL backends of one application_name in a database. */
export const backendPids = async (admin: pg.Client, db: string, app: string): Promise<number[]> =>
  (await admin.query('select pid from pg_stat_activity where datname = $1 and application_name = $2', [db, app])).rows.map(
    (r: { pid: number }) => r.pid,
  );
