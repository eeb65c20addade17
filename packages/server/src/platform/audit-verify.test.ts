import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createBootstrapAccounts, createRootOrg } from '../setup/bootstrap.js';
import { recordAudit } from './audit.js';
import { loadConfig } from './config.js';
import { deriveKeys, loadMasterKey } from './crypto.js';
import { migrateDatabase, openPglite, rows } from './db/index.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jishi-verify-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run audit:verify`'s script against the data dir, as an operator would. */
const verify = async (dir = dataDir) => {
  const script = path.resolve(import.meta.dirname, 'audit-verify.ts');
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: '', JISHI_DATA_DIR: dir },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, out: err.stderr };
  }
};

describe('npm run audit:verify', () => {
  it('passes on an intact chain and names the first row edited behind the trigger', async () => {
    // An embedded installation on disk with a few audit rows (the bootstrap writes them).
    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await migrateDatabase(database);
    const config = { ...loadConfig({}), dataDir };
    const deps = { database, db: database.db, config, keys: deriveKeys(loadMasterKey(config)), now: () => new Date() };
    await database.db.transaction(async (tx) => {
      await createBootstrapAccounts(tx, deps, await createRootOrg(tx), 'Bootstrap-Pass-2026');
      const system = { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null };
      await recordAudit(tx, deps.keys.audit, system, { action: 'test.after', detail: { n: 1 } });
    });
    await database.close();
    expect(await verify()).toMatchObject({ code: 0 });

    const again = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await again.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set detail = '{"accounts":["admin"]}' where action = 'system.bootstrap'`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const [row] = await rows<{ seq: number }>(again.db, sql`select seq from audit_log where action = 'system.bootstrap'`);
    await again.close();
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`序号 ${row?.seq} 处断开`);
    expect(broken.out).toContain(`seq ${row?.seq}`);
  }, 120_000); // two child processes each open and migrate PGlite: slow on a busy 2-core machine

  it('reports the gap when the newest rows were deleted and the application wrote on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jishi-verify-gap-'));
    try {
      const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
      await migrateDatabase(database);
      const config = { ...loadConfig({}), dataDir: dir };
      const deps = { database, db: database.db, config, keys: deriveKeys(loadMasterKey(config)), now: () => new Date() };
      const system = { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null };
      await database.db.transaction(async (tx) => {
        await createBootstrapAccounts(tx, deps, await createRootOrg(tx), 'Bootstrap-Pass-2026');
      });
      for (let n = 1; n <= 4; n++) {
        await database.db.transaction((tx) => recordAudit(tx, deps.keys.audit, system, { action: 'test.row', detail: { n } }));
      }
      const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
      // The two newest rows go behind the trigger's back (a superuser can), then the application writes on.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit 2)`);
      });
      await database.db.transaction((tx) => recordAudit(tx, deps.keys.audit, system, { action: 'test.row', detail: { n: 5 } }));
      await database.close();
      const firstMissing = (count?.n ?? 0) - 1;
      const broken = await verify(dir);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`序号 ${firstMissing}`);
      expect(broken.out).toContain(`seq ${firstMissing}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
