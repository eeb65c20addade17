import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Actor, Role } from '@jishi/domain';
import { type MemberSearch, searchMembers } from '@jishi/server/src/modules/members/member.repo.ts';
import { blindIndex, decryptField, deriveKeys } from '@jishi/server/src/platform/crypto.ts';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DEMO_PASSWORD, login, waitForHttp, warmFetch } from '../lib/http.js';
import { machineInfo } from '../lib/machine.js';
import { databaseExists, dbUrl, recreateDatabase, serverVersion } from '../lib/pgdb.js';
import { type Child, cleanEnv, freePort, logTail, REPO_ROOT, removeTempDir, spawnLogged, stopChild, tempDir } from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { quantile, round, secondsSince } from '../lib/stats.js';
import { ADMIN_PASSWORD, startServer } from './startup.js';

/** Kept between bench runs: generating it takes many minutes. */
export const PROVINCE_DB = 'jishi_bench_province';
const MIN_MEMBERS = 1_500_000;
/**
 * A fixed key for the cached database: blind indexes and sealed ID numbers depend on it, and a
 * later run must be able to read them. Synthetic data only.
 */
const MASTER_KEY = createHash('sha256').update('jishi bench province').digest('hex');
const KEYS = deriveKeys(Buffer.from(MASTER_KEY, 'hex'));
/** The admin's password after the forced first-login change. */
const ADMIN_NEW_PASSWORD = 'Bench-Search-Pw-2026!';
const COUNTY_USER = 'q150502_1505';
const TARGET_MS = 50;
const PAGE_SIZE = 20;
const DEEP_PAGE = 500;
const WARMUP_PAIRS = 3;
/** Fewest measured pairs per kind, even past the budget: a kind that takes seconds still gets a median. */
const MIN_SAMPLES = 5;
const REAL_APP = 'jishi_bench_search_real';
const BARE_APP = 'jishi_bench_search_bare';

export interface SearchOptions {
  /** Measured requests per query kind and side, after warm-up. */
  requests: number;
  /** Seconds one query kind may take (both sides) before it stops short of `requests`. */
  budgetSeconds: number;
}

interface Dataset {
  members: number;
  orgs: number;
  reused: boolean;
  generateSeconds: number | null;
  vacuumSeconds: number | null;
  /** How the cached database was made (a comment on the database, written when it was generated). */
  generated: unknown;
}

const generatedNote = async (db: pg.Client): Promise<unknown> => {
  const c = (await db.query(`select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`, [PROVINCE_DB])).rows[0]
    ?.c as string | null;
  try {
    return c ? JSON.parse(c) : null;
  } catch {
    return c;
  }
};

const count = async (db: pg.Client, q: string): Promise<number> => Number((await db.query(q)).rows[0].n);

/** Whether the cached database holds the province demo, sealed with this key. */
const checkCached = async (): Promise<{ members: number; orgs: number; generated: unknown } | null> => {
  if (!(await databaseExists(PROVINCE_DB))) return null;
  const db = new pg.Client({ connectionString: dbUrl(PROVINCE_DB) });
  await db.connect();
  try {
    if ((await db.query(`select to_regclass('member') as t`)).rows[0].t === null) return null;
    const members = await count(db, 'select count(*) as n from member');
    if (members < MIN_MEMBERS) return null;
    const sample = (await db.query('select id_number_enc from member order by id limit 1')).rows[0]?.id_number_enc as string;
    try {
      decryptField(KEYS, sample);
    } catch {
      return null; // sealed under another key: the ID-number search could not be run
    }
    return { members, orgs: await count(db, 'select count(*) as n from org'), generated: await generatedNote(db) };
  } finally {
    await db.end();
  }
};

/**
 * Vacuums and analyses the member table when it never was, or when a fifth of it is dead or
 * changed since (a migration that rewrites every row): as autovacuum would, in time.
 */
const vacuumIfNeeded = async (force: boolean): Promise<number | null> => {
  const db = new pg.Client({ connectionString: dbUrl(PROVINCE_DB) });
  await db.connect();
  try {
    const s = (
      await db.query(
        `select coalesce(last_vacuum, last_autovacuum) is not null and coalesce(last_analyze, last_autoanalyze) is not null
                and n_dead_tup < n_live_tup / 5 and n_mod_since_analyze < n_live_tup / 5 as done
           from pg_stat_user_tables where relname = 'member'`,
      )
    ).rows[0] as { done: boolean } | undefined;
    if (!force && s?.done) return null;
    const t = performance.now();
    await db.query('vacuum analyze');
    return secondsSince(t);
  } finally {
    await db.end();
  }
};

/** Reuses the cached province database, or generates it with the demo command (`npm run demo -- --scale province`). */
const ensureDataset = async (work: string): Promise<Dataset> => {
  const cached = await checkCached();
  if (cached) return { ...cached, reused: true, generateSeconds: null, vacuumSeconds: null };
  console.log(`    ${PROVINCE_DB} missing or short of ${MIN_MEMBERS} members: generating the province demo (many minutes)`);
  await recreateDatabase(PROVINCE_DB);
  const t0 = performance.now();
  const gen = spawnLogged(
    'demo --scale province',
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/demo/cli.ts', '--scale', 'province'],
    {
      cwd: REPO_ROOT,
      env: cleanEnv({
        DATABASE_URL: dbUrl(PROVINCE_DB),
        JISHI_MASTER_KEY: MASTER_KEY,
        JISHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        JISHI_DATA_DIR: path.join(work, 'gen-data'),
      }),
      logFile: path.join(work, 'generate.log'),
    },
  );
  const { code } = await gen.exited;
  if (code !== 0) throw new Error(`the demo command failed (${code}):\n${logTail(gen)}`);
  const generateSeconds = secondsSince(t0);
  const vacuumSeconds = await vacuumIfNeeded(true);
  const note = JSON.stringify({
    date: new Date().toISOString(),
    command: 'npm run demo -- --scale province',
    generateSeconds,
    vacuumSeconds,
  });
  const admin = new pg.Client({ connectionString: dbUrl(PROVINCE_DB) });
  await admin.connect();
  await admin.query(`comment on database ${PROVINCE_DB} is '${note.replaceAll("'", "''")}'`);
  await admin.end();
  const cachedNow = await checkCached();
  if (!cachedNow) throw new Error(`the province demo in ${PROVINCE_DB} has fewer than ${MIN_MEMBERS} members`);
  console.log(`    generated ${cachedNow.members} members in ${generateSeconds} s, vacuum analyze ${vacuumSeconds} s`);
  return { ...cachedNow, reused: false, generateSeconds, vacuumSeconds };
};

interface User {
  key: 'province' | 'county';
  username: string;
  label: string;
  actor: Actor;
  cookie: string;
}

/** The account's grants as the server builds its actor (role and org path), for the bare SQL's scope. */
const actorOf = async (db: pg.Client, username: string): Promise<Actor> => {
  const r = await db.query(
    `select u.id, g.role, g.org_id as "orgId", o.path::text as "orgPath"
       from app_user u join user_grant g on g.user_id = u.id join org o on o.id = g.org_id where u.username = $1`,
    [username],
  );
  if (r.rows.length === 0) throw new Error(`no account ${username} in ${PROVINCE_DB}`);
  return {
    userId: r.rows[0].id,
    username,
    grants: r.rows.map((g: { role: Role; orgId: number; orgPath: string }) => ({ role: g.role, orgId: g.orgId, orgPath: g.orgPath })),
  };
};

/** Logs the bootstrap admin in, making the forced first-login password change once. */
const adminLogin = async (db: pg.Client, base: string): Promise<string> => {
  const must = (await db.query(`select must_change_password as m from app_user where username = 'admin'`)).rows[0]?.m as boolean;
  if (!must) return login(base, 'admin', ADMIN_NEW_PASSWORD);
  const cookie = await login(base, 'admin', ADMIN_PASSWORD);
  const res = await fetch(`${base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ oldPassword: ADMIN_PASSWORD, newPassword: ADMIN_NEW_PASSWORD }),
  });
  if (res.status >= 300) throw new Error(`admin password change answered ${res.status}: ${await res.text()}`);
  return login(base, 'admin', ADMIN_NEW_PASSWORD);
};

interface Kind {
  key: string;
  label: string;
  /** The query string of GET /api/v1/members. */
  query: Record<string, string>;
  /** What the route hands searchMembers for it (besides scope and paging). */
  search: Omit<MemberSearch, 'actor' | 'limit' | 'offset'>;
  page: number;
}

interface Stmt {
  text: string;
  values: unknown[];
}

/**
 * The count and page statements searchMembers runs for this search, taken from the function itself,
 * and whether it runs them side by side (the second issued before the first answered) or in turn.
 * The page statement may depend on the count (few matches are sorted, many walk the order index):
 * the function is run once to get the count statement, which runs on `pool` for the real count,
 * then again with that count answered, so the bare page is the one the server runs.
 */
const searchStatements = async (s: MemberSearch, pool: pg.Pool): Promise<{ count: Stmt; page: Stmt; sideBySide: boolean }> => {
  const first = await captureStatements(s, 0);
  const total = Number((await pool.query(first.count.text, first.count.values as unknown[])).rows[0]?.total ?? 0);
  return captureStatements(s, total);
};

const captureStatements = async (s: MemberSearch, total: number): Promise<{ count: Stmt; page: Stmt; sideBySide: boolean }> => {
  const captured: SQL[] = [];
  const d = new PgDialect();
  let pending = 0;
  let sideBySide = false;
  const fakeQ = {
    execute: async (q: SQL) => {
      captured.push(q);
      if (pending > 0) sideBySide = true;
      pending++;
      await new Promise((r) => setImmediate(r));
      pending--;
      return { rows: d.sqlToQuery(q).sql.startsWith('select count(') ? [{ total }] : [] };
    },
  };
  await searchMembers(fakeQ as never, s);
  const stmts = captured.map((q) => {
    const { sql: text, params } = d.sqlToQuery(q);
    return { text, values: params };
  });
  const count = stmts.find((x) => x.text.startsWith('select count('));
  const page = stmts.find((x) => x !== count);
  if (stmts.length !== 2 || !count || !page) throw new Error(`searchMembers ran ${stmts.length} statements, expected a count and a page`);
  return { count, page, sideBySide };
};

const stats = (xs: number[]) => ({
  n: xs.length,
  p50Ms: round(quantile(xs, 0.5), 2),
  p95Ms: round(quantile(xs, 0.95), 2),
  p99Ms: round(quantile(xs, 0.99), 2),
  meanMs: round(xs.reduce((a, b) => a + b, 0) / xs.length, 2),
  maxMs: round(Math.max(...xs), 2),
});

/** Member list search at province scale: GET /api/v1/members per query kind, sequential, against its SQL run directly via pg. */
export const runSearch = async (o: SearchOptions) => {
  const machine = machineInfo();
  await warmFetch();
  const work = tempDir('search');
  let server: Child | undefined;
  let db: pg.Client | undefined;
  const pool = new pg.Pool({ connectionString: dbUrl(PROVINCE_DB, BARE_APP), max: 10, options: '-c timezone=UTC' });
  try {
    const dataset = await ensureDataset(work);
    console.log(`    ${dataset.reused ? 'reusing' : 'generated'} ${PROVINCE_DB}: ${dataset.members} members, ${dataset.orgs} orgs`);
    db = new pg.Client({ connectionString: dbUrl(PROVINCE_DB, 'jishi_bench_search_setup') });
    await db.connect();

    const port = await freePort();
    const t0 = performance.now();
    server = startServer(path.join(work, 'data'), port, path.join(work, 'server.log'), {
      DATABASE_URL: dbUrl(PROVINCE_DB, REAL_APP),
      JISHI_MASTER_KEY: MASTER_KEY,
    });
    const base = `http://127.0.0.1:${port}`;
    // A new migration runs over all members of the cached database here: give it time.
    await waitForHttp(server, `${base}/api/v1/auth/me`, 3_600_000);
    const startSeconds = secondsSince(t0);
    const vacuumAfterStart = await vacuumIfNeeded(false);
    if (vacuumAfterStart !== null) console.log(`    server up in ${startSeconds} s; vacuum analyze ${vacuumAfterStart} s`);

    const province = await actorOf(db, 'admin');
    const county = await actorOf(db, COUNTY_USER);
    const users: User[] = [
      {
        key: 'province',
        username: 'admin',
        label: '组织部管理员（自治区根组织，全部党员）',
        actor: province,
        cookie: await adminLogin(db, base),
      },
      {
        key: 'county',
        username: COUNTY_USER,
        label: '旗县区账号（通辽市科尔沁区）',
        actor: county,
        cookie: await login(base, COUNTY_USER, DEMO_PASSWORD),
      },
    ];
    const countyGrant = county.grants[0] as Actor['grants'][number];
    const countyOrg = (await db.query('select id, name, path::text as path from org where id = $1', [countyGrant.orgId])).rows[0] as {
      id: number;
      name: string;
      path: string;
    };
    // An ID number of a member in the county, so both accounts find it.
    const sealed = (
      await db.query(
        `select m.id_number_enc from member m join org o on o.id = m.org_id
          where o.path <@ $1::ltree and m.exit_type is null order by m.id offset 1000 limit 1`,
        [countyOrg.path],
      )
    ).rows[0]?.id_number_enc as string;
    const idNumber = decryptField(KEYS, sealed);
    const NAME = '张伟';
    const PINYIN = 'zhangwei';
    const kinds: Kind[] = [
      { key: 'first-page', label: '首页，默认排序 first page, default order', query: {}, search: {}, page: 1 },
      { key: 'name', label: `姓名片段「${NAME}」name fragment`, query: { q: NAME }, search: { name: NAME }, page: 1 },
      { key: 'pinyin', label: `拼音片段「${PINYIN}」pinyin fragment`, query: { q: PINYIN }, search: { name: PINYIN }, page: 1 },
      {
        key: 'id-number',
        label: '完整身份证号（盲索引）exact ID number (blind index)',
        query: { q: idNumber },
        search: { idIndex: blindIndex(KEYS, idNumber) },
        page: 1,
      },
      {
        key: 'county-status',
        label: `旗县子树 + 预备党员 county subtree + probationary`,
        query: { orgId: String(countyOrg.id), status: 'probationary' },
        search: { underPath: countyOrg.path, status: 'probationary' },
        page: 1,
      },
      { key: 'deep-page', label: `第 ${DEEP_PAGE} 页 page ${DEEP_PAGE}`, query: { page: String(DEEP_PAGE) }, search: {}, page: DEEP_PAGE },
    ];

    const results: Record<string, unknown>[] = [];
    for (const user of users) {
      for (const kind of kinds) {
        const search: MemberSearch = {
          actor: user.actor,
          ...kind.search,
          limit: PAGE_SIZE,
          offset: (kind.page - 1) * PAGE_SIZE,
        };
        const st = await searchStatements(search, pool);
        const url = `${base}/api/v1/members?${new URLSearchParams({ ...kind.query, pageSize: String(PAGE_SIZE) })}`;
        const real = async () => {
          const t = performance.now();
          const res = await fetch(url, { headers: { cookie: user.cookie } });
          const text = await res.text();
          const ms = performance.now() - t;
          if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
          return { ms, text };
        };
        const bare = async () => {
          const t = performance.now();
          // As the server does: side by side on two pooled connections, or one after the other.
          const [c, p] = st.sideBySide
            ? await Promise.all([pool.query(st.count.text, st.count.values), pool.query(st.page.text, st.page.values)])
            : [await pool.query(st.count.text, st.count.values), await pool.query(st.page.text, st.page.values)];
          return { ms: performance.now() - t, total: Number(c.rows[0].total), ids: p.rows.map((r: { id: number }) => r.id) };
        };
        // The first pair checks both answer the same (then the difference is the route's own cost)
        // and warms up, with up to WARMUP_PAIRS more while within a quarter of the budget.
        const w0 = performance.now();
        const first = await real();
        const body = JSON.parse(first.text) as { items: { id: number }[]; total: number; totalCapped?: boolean };
        const b = await bare();
        // A capped total answers the cap, and its count statement one row more.
        const sameTotal = body.totalCapped ? b.total > body.total : b.total === body.total;
        if (!sameTotal || body.items.map((i) => i.id).join() !== b.ids.join())
          throw new Error(`${user.key}/${kind.key}: the bare SQL answered other rows than the route`);
        for (let i = 0; i < WARMUP_PAIRS && performance.now() - w0 < (o.budgetSeconds * 1000) / 4; i++) {
          await real();
          await bare();
        }
        // Alternating, so drift and caching fall on both sides alike.
        const realMs: number[] = [];
        const bareMs: number[] = [];
        const k0 = performance.now();
        while (realMs.length < o.requests && (performance.now() - k0 < o.budgetSeconds * 1000 || realMs.length < MIN_SAMPLES)) {
          realMs.push((await real()).ms);
          bareMs.push((await bare()).ms);
        }
        const r = stats(realMs);
        const bs = stats(bareMs);
        const pass = r.p95Ms < TARGET_MS;
        // Where the time goes, for the kinds that miss: each statement once more under EXPLAIN ANALYZE.
        const explain = async (s: Stmt) =>
          (await pool.query(`explain (analyze, buffers) ${s.text}`, s.values)).rows.map((x: { 'QUERY PLAN': string }) => x['QUERY PLAN']);
        const plan = pass ? null : { count: await explain(st.count), page: await explain(st.page) };
        const row = {
          user: user.key,
          kind: kind.key,
          label: kind.label,
          query: kind.key === 'id-number' ? { q: `<ID number of a member in ${countyOrg.name}>` } : kind.query,
          total: body.total,
          totalCapped: body.totalCapped ?? false,
          items: body.items.length,
          responseBytes: Buffer.byteLength(first.text),
          real: r,
          bare: bs,
          /** real p50 − bare p50: what the route adds (HTTP, session, validation, org lookup, presenter, JSON). */
          overheadP50Ms: round(r.p50Ms - bs.p50Ms, 2),
          pass,
          sql: { count: st.count, page: st.page, sideBySide: st.sideBySide },
          plan,
        };
        results.push(row);
        console.log(
          `    ${user.key.padEnd(8)} ${kind.key.padEnd(13)} total ${String(body.total).padStart(8)}: ` +
            `real p50 ${r.p50Ms} p95 ${r.p95Ms} p99 ${r.p99Ms} ms · bare p50 ${bs.p50Ms} p95 ${bs.p95Ms} ms (n=${r.n})`,
        );
      }
    }

    writeResult('member-search', {
      benchmark: 'member-search',
      title: `GET /api/v1/members at province scale (${dataset.members.toLocaleString('en-US')} members), sequential latency, real server vs its SQL via pg`,
      machine,
      engine: `PostgreSQL ${await serverVersion()} (127.0.0.1:5432, database ${PROVINCE_DB}, kept between runs; server pool of 10, bare pool of 10)`,
      dataset: {
        ...dataset,
        command: 'npm run demo -- --scale province (packages/server/src/demo/cli.ts), then vacuum analyze',
        reuseRule: `reused when it holds ≥ ${MIN_MEMBERS.toLocaleString('en-US')} members sealed under the bench key; regenerated otherwise`,
      },
      realServerStartSeconds: startSeconds,
      /** Vacuum after the server started (migrations may rewrite the member table), or null when none was needed. */
      vacuumAfterStartSeconds: vacuumAfterStart,
      users: users.map((u) => ({ key: u.key, username: u.username, label: u.label, grants: u.actor.grants })),
      pageSize: PAGE_SIZE,
      requestsPerKind: o.requests,
      budgetSecondsPerKind: o.budgetSeconds,
      measured: `Per user and query kind: 1 checked pair (the bare SQL must return the same total and ids), up to ${WARMUP_PAIRS} warm-up pairs within a quarter of the budget, then real and bare alternately, one at a time, until the request count or the time budget is reached (at least ${MIN_SAMPLES}); EXPLAIN (ANALYZE, BUFFERS) of both statements for each kind that misses the target. Real: fetch of GET /api/v1/members?…&pageSize=20 with the session cookie until the body is read. Bare: the count and page statements of searchMembers (taken from the function at run time for the same account) on a pg pool from the bench process, side by side when searchMembers issues them together (sql.sideBySide), else one after the other.`,
      target: { maxP95Ms: TARGET_MS },
      results,
      pass: results.every((r) => r.pass),
    });
  } finally {
    if (server) await stopChild(server);
    await db?.end().catch(() => {});
    await pool.end().catch(() => {});
    removeTempDir(work);
  }
};
