import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar, type Role } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type BuildOptions, buildApp } from '../app.js';
import { insertOrgs, nextOrgIds } from '../modules/orgs/org.repo.js';
import { loadConfig } from '../platform/config.js';
import { deriveKeys } from '../platform/crypto.js';
import { type Database, openPglite, openPostgres, rows } from '../platform/db/index.js';
import type { Deps } from '../platform/http.js';
import { hashPassword } from '../platform/password.js';
import { pinyinKey } from '../platform/pinyin.js';
import { withDb } from './global-setup.js';

export const TEST_PASSWORD = 'Test-Password-2026';

export interface Harness {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** Moves the clock the server sees. */
  setNow: (d: Date | undefined) => void;
  /**
   * A second server process over the same database: its own app (and so its own session cache);
   * on PostgreSQL its own pool, on PGlite the one database object. Closed with the harness.
   */
  twin: () => Promise<{ app: FastifyInstance; deps: Deps }>;
  close: () => Promise<void>;
}

/** A fresh database for this test file (a cloned template), and the app over it. */
export const createHarness = async (opts: BuildOptions = {}): Promise<Harness> => {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  let openAgain = async () => database;
  if (url) {
    const name = `jishi_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    database = await openPostgres(withDb(url, name), 5);
    openAgain = () => openPostgres(withDb(url, name), 5);
    dropDb = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dump = new Blob([readFileSync(inject('pgliteDump'))]);
    database = await openPglite({ loadDataDir: dump });
  }
  let now: Date | undefined;
  const deps: Deps = {
    database,
    db: database.db,
    config: { ...loadConfig({}), loginRatePerMinute: 10_000, filesDir: mkdtempSync(path.join(os.tmpdir(), 'jishi-files-')) },
    keys: deriveKeys(Buffer.alloc(32, 1)),
    now: () => now ?? new Date(),
  };
  const app = await buildApp(deps, opts);
  const twins: { app: FastifyInstance; database: Database }[] = [];
  return {
    app,
    deps,
    database,
    setNow: (d) => {
      now = d;
    },
    twin: async () => {
      const other = await openAgain();
      const twinDeps: Deps = { ...deps, database: other, db: other.db };
      const twinApp = await buildApp(twinDeps, opts);
      twins.push({ app: twinApp, database: other });
      return { app: twinApp, deps: twinDeps };
    },
    close: async () => {
      for (const tw of twins) {
        await tw.app.close();
        if (tw.database !== database) await tw.database.close();
      }
      await app.close();
      await database.close();
      await dropDb?.();
    },
  };
};

/** An empty, unmigrated database of its own (a migration test's starting point), and how to drop it. */
export const openBlankDatabase = async (): Promise<{ database: Database; drop: () => Promise<void> }> => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite({});
    return { database, drop: () => database.close() };
  }
  const name = `jishi_b_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const database = await openPostgres(withDb(url, name), 2);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};

let codeSeq = 0;
/** A code unique within this test file. */
export const uniqueCode = (prefix = 'T') => `${prefix}${process.pid}-${++codeSeq}`;

export interface TestTree {
  city: number;
  countyA: number;
  townA1: number;
  branchA1: number;
  townA2: number;
  countyB: number;
  townB1: number;
  branchB1: number;
}

/**
 * A small tree of its own: city → county A (towns A1 with a village branch, A2), county B (town B1
 * with a branch). Each call builds a new one, so tests never share rows.
 */
export const buildTree = async (h: Harness): Promise<TestTree> => {
  const db = h.deps.db;
  const spec: [keyof TestTree, keyof TestTree | null, string, string, string][] = [
    ['city', null, '测试市委', 'committee', 'mixed'],
    ['countyA', 'city', '甲旗委', 'committee', 'mixed'],
    ['townA1', 'countyA', '甲一镇党委', 'committee', 'mixed'],
    ['branchA1', 'townA1', '甲一村党支部', 'branch', 'village'],
    ['townA2', 'countyA', '甲二苏木党委', 'committee', 'mixed'],
    ['countyB', 'city', '乙旗委', 'committee', 'mixed'],
    ['townB1', 'countyB', '乙一镇党委', 'committee', 'mixed'],
    ['branchB1', 'townB1', '乙一社区党支部', 'branch', 'community'],
  ];
  const ids = await nextOrgIds(db, spec.length);
  const tree = {} as TestTree;
  const paths: Record<string, string> = {};
  spec.forEach(([key, parent], i) => {
    tree[key] = ids[i] as number;
    paths[key] = parent ? `${paths[parent]}.${ids[i]}` : String(ids[i]);
  });
  await insertOrgs(
    db,
    spec.map(([key, parent, name, type, domain]) => ({
      id: tree[key],
      parentId: parent ? tree[parent] : null,
      path: paths[key] as string,
      name,
      code: uniqueCode(),
      type: type as never,
      domain: domain as never,
      foundedAt: '2000-01-01',
      pinyin: pinyinKey(name),
    })),
  );
  return tree;
};

let passwordHash: Promise<string> | undefined;
let userSeq = 0;

/** Creates an account with grants (password TEST_PASSWORD) and returns its id and username. */
export const createUser = async (
  h: Harness,
  grants: { role: Role; orgId: number }[],
  opts: { mustChangePassword?: boolean; username?: string } = {},
) => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `u${process.pid}_${++userSeq}`;
  const [u] = await rows<{ id: number }>(
    h.deps.db,
    sql`insert into app_user (username, display_name, password_hash, home_org_id, must_change_password)
        values (${username}, ${`测试用户${userSeq}`}, ${await passwordHash}, ${grants[0]?.orgId ?? null}, ${opts.mustChangePassword ?? false}) returning id`,
  );
  for (const g of grants) {
    await h.deps.db.execute(sql`insert into user_grant (user_id, role, org_id) values (${u?.id}, ${g.role}, ${g.orgId})`);
  }
  return { id: u?.id as number, username };
};

/** Logs in and returns the cookie header for later requests. */
export const login = async (h: Pick<Harness, 'app'>, username: string, password = TEST_PASSWORD): Promise<string> => {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jishi_sid');
  return `jishi_sid=${cookie?.value}`;
};

/** A user with grants, already logged in. */
export const actorWith = async (h: Harness, grants: { role: Role; orgId: number }[]) => {
  const u = await createUser(h, grants);
  return { ...u, cookie: await login(h, u.username) };
};

/** Number of audit rows so far. */
export const auditCount = async (h: Harness): Promise<number> =>
  ((await rows<{ n: number }>(h.deps.db, sql`select count(*)::int as n from audit_log`))[0] as { n: number }).n;

/** A small client over `inject` for one cookie, on the harness's app or a twin's. */
export const client = (h: Pick<Harness, 'app'>, cookie?: string) => {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = {}) => {
    const res = await h.app.inject({ method, url, payload: payload as never, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
    return { status: res.statusCode, body: json, raw: res };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    delete: (url: string) => call('DELETE', url),
    /** A multipart upload of one file in the field `file`. */
    upload: (url: string, file: Buffer, name: string, type = 'application/octet-stream') => {
      const boundary = '----jishi-test';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return call('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    },
  };
};

let idSeq = 0;
/** A checksum-valid ID number unique within this test file (odd sequence: male). */
export const testIdNumber = (opts: { birth?: string; gender?: 'male' | 'female'; region?: string } = {}) => {
  const birth = (opts.birth ?? '1980-05-01').replaceAll('-', '');
  idSeq++;
  const seq = idSeq * 2 + (opts.gender === 'female' ? 0 : 1);
  const first17 = `${opts.region ?? '150502'}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
