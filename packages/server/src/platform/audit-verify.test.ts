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
const verify = async () => {
  const script = path.resolve(import.meta.dirname, 'audit-verify.ts');
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: '', JISHI_DATA_DIR: dataDir },
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
    const [row] = await rows<{ id: number }>(again.db, sql`select id from audit_log where action = 'system.bootstrap'`);
    await again.close();
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`第 ${row?.id} 条`);
  }, 120_000); // two child processes each open and migrate PGlite: slow on a busy 2-core machine
});
