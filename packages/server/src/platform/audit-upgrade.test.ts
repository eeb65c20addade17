import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openBlankDatabase } from '../test/harness.js';
import { GENESIS, linkHash, recordAudit, verifyAuditChain } from './audit.js';
import { hmacSm3 } from './crypto.js';
import { type Database, MIGRATIONS_DIR, migrateDatabase, rows } from './db/index.js';

const key = Buffer.alloc(32, 7);
const system = { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null };

/** The migrations folder as it was before the audit sequence (0020). */
const before = mkdtempSync(path.join(os.tmpdir(), 'jishi-migrations-'));
cpSync(MIGRATIONS_DIR, before, { recursive: true });
const journalPath = path.join(before, 'meta', '_journal.json');
const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0020');
writeFileSync(journalPath, JSON.stringify(journal));
afterAll(() => rmSync(before, { recursive: true, force: true }));

/** Five rows written the old way: chained by id, the head sealed in `setting`. */
const writeOldLog = async (database: Database) => {
  let prev = GENESIS;
  for (let n = 1; n <= 5; n++) {
    const row = {
      ...system,
      at: new Date(Date.UTC(2026, 0, n)),
      action: 'test.old',
      targetType: null,
      targetId: null,
      outcome: 'success',
      detail: { n },
      prevHash: prev,
    };
    const hash = linkHash(key, row);
    const [inserted] = await rows<{ id: number }>(
      database.db,
      sql`insert into audit_log (at, actor_name, action, outcome, detail, prev_hash, hash)
          values (${row.at}, 'system', 'test.old', 'success', ${JSON.stringify(row.detail)}::jsonb, ${prev}, ${hash}) returning id`,
    );
    const head = { id: inserted?.id, hash, mac: hmacSm3(key, `${inserted?.id}:${hash}`) };
    await database.db.execute(
      sql`insert into setting (key, value) values ('audit.head', ${JSON.stringify(head)}::jsonb)
          on conflict (key) do update set value = excluded.value`,
    );
    prev = hash;
  }
};

describe('migration 0020 on a log written before it', () => {
  it('numbers the old rows in chain order and carries the head over: the chain verifies and grows on', async () => {
    const { database, drop } = await openBlankDatabase();
    try {
      await migrateDatabase(database, before);
      await writeOldLog(database);
      await migrateDatabase(database);
      expect(await verifyAuditChain(database.db, key)).toEqual({ ok: true, checked: 5 });
      await database.db.transaction((tx) => recordAudit(tx, key, system, { action: 'test.new' }));
      expect(await verifyAuditChain(database.db, key)).toEqual({ ok: true, checked: 6 });
      const [last] = await rows<{ seq: number }>(database.db, sql`select seq from audit_log where action = 'test.new'`);
      expect(last?.seq).toBe(6);
      expect(await rows(database.db, sql`select 1 from setting where key = 'audit.head'`)).toEqual([]);
    } finally {
      await drop();
    }
  }, 60_000);

  it('a tail deleted before the upgrade is still reported after it (the old seal becomes the first head)', async () => {
    const { database, drop } = await openBlankDatabase();
    try {
      await migrateDatabase(database, before);
      await writeOldLog(database);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit 2)`);
      });
      await migrateDatabase(database);
      expect(await verifyAuditChain(database.db, key)).toMatchObject({ ok: false, brokenAt: 4, missing: true });
      await database.db.transaction((tx) => recordAudit(tx, key, system, { action: 'test.new' }));
      expect(await verifyAuditChain(database.db, key)).toMatchObject({ ok: false, brokenAt: 4, missing: true });
    } finally {
      await drop();
    }
  }, 60_000);
});
