import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createBootstrapAccounts, createRootOrg } from '../setup/bootstrap.js';
import { withDb } from '../test/global-setup.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { loadConfig } from './config.js';
import { deriveKeys } from './crypto.js';
import { type Database, MIGRATIONS_DIR, migrateDatabase, openPostgres } from './db/index.js';
import type { Deps } from './http.js';
import { startJobs } from './jobs.js';

const url = process.env.DATABASE_URL;
const APP_ROLE_SQL = path.resolve(import.meta.dirname, '../../sql/app-role.sql');
const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const owner = `jishi_owner_${suffix}`;
const appRole = `jishi_app_${suffix}`;
const dbName = `jishi_roles_${suffix}`;

/** The server URL signed in as another role (the test server trusts local connections). */
const as = (role: string) => {
  const u = new URL(withDb(url as string, dbName));
  u.username = role;
  u.password = '';
  return u.toString();
};

/** sql/app-role.sql as psql would run it: its variables filled in. */
const appRoleSql = () =>
  readFileSync(APP_ROLE_SQL, 'utf8').replaceAll(':"DBNAME"', `"${dbName}"`).replaceAll(':"app_role"', `"${appRole}"`);

/** Rejects with PostgreSQL's insufficient_privilege, not merely the append-only trigger's exception. */
const refused = async (db: Database, statement: string) => {
  const err = await db.db.execute(sql.raw(statement)).then(
    () => undefined,
    (e: { code?: string; cause?: { code?: string } }) => e,
  );
  expect(err, statement).toBeDefined();
  expect(err?.code ?? err?.cause?.code, statement).toBe('42501');
};

// PGlite is one embedded superuser session with no other roles, so role separation exists on PostgreSQL only.
describe.skipIf(!url)('database roles on PostgreSQL (docs/deploy.md §2): the application only appends to the audit trail', () => {
  let admin: pg.Client;
  let ownerDb: Database;
  let appDb: Database;
  let appDeps: Deps;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create role ${owner} login`);
    await admin.query(`create role ${appRole} login`);
    await admin.query(
      `create database ${dbName} owner ${owner} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    // As the operator does it: the owner migrates and grants, the application connects as its own role.
    ownerDb = await openPostgres(as(owner), 2);
    await migrateDatabase(ownerDb);
    await ownerDb.pool?.query(appRoleSql());
    appDb = await openPostgres(as(appRole), 2);
    appDeps = {
      database: appDb,
      db: appDb.db,
      config: { ...loadConfig({}), filesDir: mkdtempSync(path.join(os.tmpdir(), 'jishi-files-')) },
      keys: deriveKeys(Buffer.alloc(32, 3)),
      now: () => new Date(),
    };
  });

  afterAll(async () => {
    await appDb?.close();
    await ownerDb?.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop role if exists ${appRole}`);
    await admin.query(`drop role if exists ${owner}`);
    await admin.end();
  });

  it('the application role starts, sets up, signs in, runs its jobs and writes the chained audit log', async () => {
    await migrateDatabase(appDb); // nothing pending: the start-up check passes
    await appDb.db.transaction(async (tx) => {
      await createBootstrapAccounts(tx, appDeps, await createRootOrg(tx), 'Bootstrap-Pass-2026');
    });
    const app = await buildApp(appDeps);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Bootstrap-Pass-2026' },
    });
    expect(res.statusCode).toBe(200);
    await app.close();
    const jobs = await startJobs(appDeps, [], { startupDelaySeconds: 0 });
    await jobs.stop();
    await appDb.db.transaction((tx) =>
      recordAudit(
        tx,
        appDeps.keys.audit,
        { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null },
        { action: 'test.row' },
      ),
    );
    expect(await verifyAuditChain(appDb.db, appDeps.keys.audit)).toMatchObject({ ok: true });
  }, 60_000);

  it.each([
    'update audit_log set action = action',
    'delete from audit_log',
    'truncate audit_log',
    'update audit_head set hash = hash',
    'delete from audit_head',
    'truncate audit_head',
    'alter table audit_log disable trigger audit_log_no_update',
    'alter table audit_log disable trigger all',
    'drop trigger audit_log_no_update on audit_log',
    'alter table audit_head disable trigger audit_head_no_update',
    'create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return new; end $$',
    'set session_replication_role = replica',
  ])('the application role is refused: %s', async (statement) => {
    await refused(appDb, statement);
  });

  it('a pending migration cannot run as the application role: start-up stops and says what to do', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'jishi-migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, folder, { recursive: true });
      const journalPath = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      const last = journal.entries.at(-1);
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_probe' });
      writeFileSync(journalPath, JSON.stringify(journal));
      writeFileSync(path.join(folder, '9999_probe.sql'), 'ALTER TABLE audit_log ADD COLUMN probe integer;');
      await expect(migrateDatabase(appDb, folder)).rejects.toThrow(/npm run db:migrate/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
