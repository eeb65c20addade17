import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BRANCH_TYPES } from '@jishi/domain';
import { buildApp } from '@jishi/server/src/app.ts';
import { complianceScan, type OrgCompliance, scanCompliance } from '@jishi/server/src/modules/meetings/compliance.ts';
import { loadConfig } from '@jishi/server/src/platform/config.ts';
import { deriveKeys } from '@jishi/server/src/platform/crypto.ts';
import { businessDate } from '@jishi/server/src/platform/dates.ts';
import { type Database, type Db, openPostgres, type Q } from '@jishi/server/src/platform/db/index.ts';
import type { Deps } from '@jishi/server/src/platform/http.ts';
import { runJob } from '@jishi/server/src/platform/jobs.ts';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { CITY_ADMIN_PASSWORD, CITY_DB, CITY_MASTER_KEY, ensureCityDataset } from '../lib/city-db.js';
import { cpuDelta, cpuSnapshot } from '../lib/cpu.js';
import { summarizeCpuProfile } from '../lib/cpuprofile.js';
import { DEMO_PASSWORD, DEMO_USER } from '../lib/http.js';
import { machineInfo } from '../lib/machine.js';
import { backendPids, dbUrl, serverVersion } from '../lib/pgdb.js';
import { BENCH_DIR, cleanEnv, logTail, REPO_ROOT, removeTempDir, spawnLogged, tempDir } from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { median, quantile, round, secondsSince } from '../lib/stats.js';

const TARGET_SECONDS = 30;
/** The demo county (科尔沁区): the single branch is its busiest, the township table is its. */
const COUNTY_CODE = '150502';
/** The admin's password after the forced first-login change. */
const ADMIN_NEW_PASSWORD = 'Bench-Compliance-Pw-2026!';
const WARMUP = 3;
/** Fewest measured samples per request kind, even past the budget. */
const MIN_SAMPLES = 5;
const REAL_APP = 'jishi_bench_compliance_real';
const BARE_APP = 'jishi_bench_compliance_bare';

export interface ComplianceOptions {
  /** Measured repetitions of the full scan and of the nightly job, each side, after one warm-up pair. */
  scans: number;
  /** Measured requests per single-branch and roll-up kind, after warm-up. */
  requests: number;
  /** Seconds one request kind may take (all sides) before it stops short of `requests`. */
  budgetSeconds: number;
  /** One more set of scans in a child process under `node --cpu-prof`, summarised into the result. */
  profile: boolean;
}

interface Stmt {
  text: string;
  values: unknown[];
}

const dialect = new PgDialect();
const toStmt = (q: SQL): Stmt => {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { text, values: params };
};

/** The statements `fn` issues, taken from the function itself with a stand-in that answers no rows. */
const captureStatements = async (fn: (q: Q) => Promise<unknown>): Promise<Stmt[]> => {
  const captured: SQL[] = [];
  const fakeQ = {
    execute: async (q: SQL) => {
      captured.push(q);
      return { rows: [] };
    },
  };
  await fn(fakeQ as unknown as Q);
  return captured.map(toStmt);
};

/**
 * A handle (the pool's or a transaction's) that records every raw statement it runs, those of
 * transactions begun on it included: for SQL that lives in a route or a job.
 */
const recording = <T extends object>(q: T, into: SQL[]): T =>
  new Proxy(q, {
    get: (target, prop, receiver) => {
      const t = target as unknown as Db;
      if (prop === 'execute')
        return (s: SQL) => {
          into.push(s);
          return t.execute(s);
        };
      if (prop === 'transaction') return (fn: (tx: Q) => Promise<unknown>) => t.transaction((tx) => fn(recording(tx, into)));
      return Reflect.get(target, prop, receiver);
    },
  });

const stats = (xs: number[]) => ({
  n: xs.length,
  p50Ms: round(quantile(xs, 0.5), 2),
  p95Ms: round(quantile(xs, 0.95), 2),
  p99Ms: round(quantile(xs, 0.99), 2),
  meanMs: round(xs.reduce((a, b) => a + b, 0) / xs.length, 2),
  maxMs: round(Math.max(...xs), 2),
});

/** Seconds of repeated whole-city runs: median, p95 (nearest rank: the maximum below 20 runs), min and max. */
const secondsStats = (xs: number[]) => ({
  n: xs.length,
  medianSeconds: round(median(xs), 3),
  p95Seconds: round(quantile(xs, 0.95), 3),
  minSeconds: round(Math.min(...xs), 3),
  maxSeconds: round(Math.max(...xs), 3),
});

const ms = (t0: number) => round(performance.now() - t0, 2);

/** Logs in through the app (inject) and returns the session cookie. */
const injectLogin = async (app: FastifyInstance, username: string, password: string): Promise<string> => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  const sid = res.cookies.find((c) => c.name === 'jishi_sid');
  if (!sid) throw new Error('login set no jishi_sid cookie');
  return `jishi_sid=${sid.value}`;
};

/** Logs the bootstrap admin (the city root) in, making the forced first-login password change once. */
const adminLogin = async (app: FastifyInstance, db: pg.Client): Promise<string> => {
  const must = (await db.query(`select must_change_password as m from app_user where username = 'admin'`)).rows[0]?.m as boolean;
  if (!must) return injectLogin(app, 'admin', ADMIN_NEW_PASSWORD);
  const cookie = await injectLogin(app, 'admin', CITY_ADMIN_PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: { cookie },
    payload: { oldPassword: CITY_ADMIN_PASSWORD, newPassword: ADMIN_NEW_PASSWORD },
  });
  if (res.statusCode >= 300) throw new Error(`admin password change answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return injectLogin(app, 'admin', ADMIN_NEW_PASSWORD);
};

const getJson = async <T>(app: FastifyInstance, url: string, cookie: string): Promise<{ body: T; bytes: number }> => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return { body: res.json() as T, bytes: Buffer.byteLength(res.body) };
};

/** What the city demo holds for `year`: the scan's inputs. */
const datasetFacts = async (db: pg.Client, year: number, end: string) => {
  const one = async (q: string, values: unknown[] = []) => Number((await db.query(q, values)).rows[0].n);
  return {
    year,
    orgs: await one('select count(*) as n from org where closed_at is null'),
    branches: await one('select count(*) as n from org where closed_at is null and type = any($1)', [BRANCH_TYPES]),
    members: await one('select count(*) as n from member where joined_at <= $1::date and (exit_at is null or exit_at > $1::date)', [end]),
    meetingsInYear: await one(
      `select count(*) as n from meeting where status = 'held' and quorum_problem is null and date >= $1::date and date <= $2::date`,
      [`${year}-01-01`, `${year}-12-31`],
    ),
    committees: await one('select count(*) as n from committee where ended_at is null'),
    partyGroups: await one('select count(*) as n from party_group where closed_at is null'),
  };
};

/**
 * The organisation-life compliance scan over the city demo on PostgreSQL: the whole city
 * (scanCompliance over `true`), the nightly job (scan, storeSnapshots and the rest of the job in one transaction, as
 * runJob runs it), one branch (GET /orgs/:id/compliance) and the township roll-up
 * (GET /compliance/summary), each against the same statements run bare via pg, in the same run.
 */
export const runCompliance = async (o: ComplianceOptions) => {
  const machine = machineInfo();
  const work = tempDir('compliance');
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let admin: pg.Client | undefined;
  const pool = new pg.Pool({ connectionString: dbUrl(CITY_DB, BARE_APP), max: 10, options: '-c timezone=UTC' });
  try {
    const dataset = await ensureCityDataset(work);
    admin = new pg.Client({ connectionString: dbUrl(CITY_DB, 'jishi_bench_compliance_setup') });
    await admin.connect();

    // The demo's meetings are of the year it was generated in: scan that year, as of today while
    // it lasts (what the nightly job does), else as of its last day.
    const year = Number((await admin.query(`select extract(year from max(date))::int as y from meeting`)).rows[0].y);
    const today = businessDate(new Date());
    const asOf = today.startsWith(`${year}-`) ? today : `${year}-12-31`;
    const facts = await datasetFacts(admin, year, asOf);
    console.log(
      `    ${dataset.reused ? 'reusing' : 'generated'} ${CITY_DB}: ${facts.orgs} orgs, ${facts.branches} branches, ` +
        `${facts.meetingsInYear} meetings in ${year}; as of ${asOf}`,
    );

    // The server's own pieces in this process: its pool (10, UTC), its config, its app (not
    // listening: requests go through inject), a clock at noon of `asOf` in Beijing.
    database = await openPostgres(dbUrl(CITY_DB, REAL_APP));
    const clockOffset = new Date(`${asOf}T12:00:00+08:00`).getTime() - Date.now();
    const deps: Deps = {
      database,
      db: database.db,
      config: loadConfig({
        DATABASE_URL: dbUrl(CITY_DB, REAL_APP),
        JISHI_MASTER_KEY: CITY_MASTER_KEY,
        JISHI_DATA_DIR: path.join(work, 'data'),
        JISHI_LOG_LEVEL: 'warn',
      }),
      keys: deriveKeys(Buffer.from(CITY_MASTER_KEY, 'hex')),
      now: () => new Date(Date.now() + clockOffset),
    };
    const db = deps.db;
    app = await buildApp(deps, { logger: false, serveWeb: false });
    await app.ready();

    const realPids = async () => backendPids(admin as pg.Client, CITY_DB, REAL_APP);
    const barePids = async () => backendPids(admin as pg.Client, CITY_DB, BARE_APP);

    /** scanCompliance on the server's pool, timed: until its last statement answered (reading), then the rules (computing). */
    const realScan = async (orgs: SQL) => {
      let lastRead = 0;
      const q = {
        execute: async (s: SQL) => {
          const r = await db.execute(s);
          lastRead = performance.now();
          return r;
        },
      } as unknown as Q;
      const t0 = performance.now();
      const results = await scanCompliance(q, year, asOf, orgs);
      const t1 = performance.now();
      return { ms: round(t1 - t0, 2), readMs: round(lastRead - t0, 2), computeMs: round(t1 - lastRead, 2), results };
    };
    /** The same statements on the bare pool, side by side as scanCompliance issues them (Promise.all), rows read and dropped. */
    const bareScan = async (stmts: Stmt[]) => {
      const t0 = performance.now();
      const done: number[] = [];
      const rs = await Promise.all(
        stmts.map((s, i) =>
          pool.query(s.text, s.values).then((r) => {
            done[i] = ms(t0);
            return r;
          }),
        ),
      );
      // statementMs: when each statement answered, from the start (they run side by side).
      return { ms: ms(t0), rows: rs.map((r) => r.rowCount ?? 0), statementMs: done };
    };
    /** Wall time and the CPU of this process and of the side's PostgreSQL backends. */
    const withCpu = async <T extends { ms: number }>(pids: () => Promise<number[]>, fn: () => Promise<T>) => {
      const db0 = cpuSnapshot(await pids());
      const c0 = process.cpuUsage();
      const r = await fn();
      const c = process.cpuUsage(c0);
      const dbCpu = cpuDelta(db0, cpuSnapshot(await pids()));
      return { ...r, cpu: { nodeMs: round((c.user + c.system) / 1000, 0), postgresMs: round(dbCpu * 1000, 0) } };
    };
    const findingCount = (rs: OrgCompliance[]) => rs.reduce((n, r) => n + r.findings.length, 0);

    // 1. The whole city, on the pool (as a route would run it).
    const scanStmts = await captureStatements((q) => scanCompliance(q, year, asOf, sql`true`));
    console.log(`    full scan: ${scanStmts.length} statements; ${o.scans} runs each side after a warm-up pair`);
    const firstReal = await withCpu(realPids, () => realScan(sql`true`));
    const firstBare = await withCpu(barePids, () => bareScan(scanStmts));
    const orgCount = firstReal.results.length;
    const findings = findingCount(firstReal.results);
    if (firstBare.rows[0] !== orgCount) throw new Error(`the bare org list has ${firstBare.rows[0]} rows, the scan ${orgCount} orgs`);
    console.log(`    warm-up: real ${firstReal.ms} ms (${orgCount} orgs, ${findings} findings), bare ${firstBare.ms} ms`);
    const scanReal: Omit<typeof firstReal, 'results'>[] = [];
    const scanBare: (typeof firstBare)[] = [];
    for (let i = 0; i < o.scans; i++) {
      const { results, ...r } = await withCpu(realPids, () => realScan(sql`true`));
      if (results.length !== orgCount || findingCount(results) !== findings) throw new Error('a repeated scan answered differently');
      scanReal.push(r);
      scanBare.push(await withCpu(barePids, () => bareScan(scanStmts)));
    }
    const sr = secondsStats(scanReal.map((r) => r.ms / 1000));
    const sb = secondsStats(scanBare.map((r) => r.ms / 1000));
    console.log(
      `    full scan: real median ${sr.medianSeconds} s (p95 ${sr.p95Seconds}, max ${sr.maxSeconds}) · bare median ${sb.medianSeconds} s (p95 ${sb.p95Seconds})`,
    );

    // 2. The nightly job: runJob (one transaction, so one connection, plus its audit row), against
    // the job's own statements replayed on one bare connection in one transaction. They are
    // recorded from one uncounted run of the job's work in a transaction (without runJob's audit
    // row, whose statements must not be replayed: they move the audit chain's head).
    const jobToday = businessDate(deps.now());
    const jobSeen: SQL[] = [];
    const rec0 = performance.now();
    const recorded = await db.transaction((tx) => complianceScan.run(recording(tx, jobSeen), deps, jobToday));
    const recordingPassMs = ms(rec0);
    const jobStmts = jobSeen.map(toStmt);
    const runBareJob = async () => {
      const c = await pool.connect();
      try {
        const t0 = performance.now();
        await c.query('begin');
        for (const s of jobStmts) await c.query(s.text, s.values);
        await c.query('commit');
        return { ms: ms(t0) };
      } finally {
        c.release();
      }
    };
    const runRealJob = async () => {
      const t0 = performance.now();
      const result = await runJob(deps, complianceScan);
      return { ms: ms(t0), result };
    };
    const jobFirstReal = await withCpu(realPids, runRealJob);
    const jobFirstBare = await withCpu(barePids, runBareJob);
    console.log(`    nightly job warm-up: real ${jobFirstReal.ms} ms ${JSON.stringify(jobFirstReal.result)}, bare ${jobFirstBare.ms} ms`);
    const jobReal: (typeof jobFirstReal)[] = [];
    const jobBare: (typeof jobFirstBare)[] = [];
    for (let i = 0; i < o.scans; i++) {
      jobReal.push(await withCpu(realPids, runRealJob));
      jobBare.push(await withCpu(barePids, runBareJob));
    }
    const jr = secondsStats(jobReal.map((r) => r.ms / 1000));
    const jb = secondsStats(jobBare.map((r) => r.ms / 1000));
    console.log(
      `    nightly job: real median ${jr.medianSeconds} s (p95 ${jr.p95Seconds}, max ${jr.maxSeconds}) · bare median ${jb.medianSeconds} s (p95 ${jb.p95Seconds})`,
    );
    // The snapshot rows were rewritten 2 × (scans + 1) times: vacuum, as autovacuum would after a night's run.
    const v0 = performance.now();
    await admin.query('vacuum analyze compliance_snapshot');
    const snapshotVacuumSeconds = secondsSince(v0);

    // 3. One branch: the county's branch with the most meetings this year, as the function, as the
    // route GET /api/v1/orgs/:id/compliance (county account) and as its statements bare.
    const branch = (
      await admin.query(
        `select o.id, o.name, o.code, count(*)::int as meetings from org o join org c on o.path <@ c.path and c.code = $1
           join meeting m on m.org_id = o.id and m.status = 'held' and m.quorum_problem is null and m.date >= $2::date and m.date <= $3::date
          where o.type = any($4) and o.closed_at is null group by o.id order by count(*) desc, o.id limit 1`,
        [COUNTY_CODE, `${year}-01-01`, `${year}-12-31`, BRANCH_TYPES],
      )
    ).rows[0] as { id: number; name: string; code: string; meetings: number };
    const countyCookie = await injectLogin(app, DEMO_USER, DEMO_PASSWORD);
    const branchStmts = await captureStatements((q) => scanCompliance(q, year, asOf, sql`o.id = ${branch.id}`));
    const branchUrl = `/api/v1/orgs/${branch.id}/compliance?year=${year}`;
    type BranchBody = { meetingsRequired: number; meetingsOwed: number; items: unknown[] };
    const fnOnce = async () => realScan(sql`o.id = ${branch.id}`);
    const routeOnce = async () => {
      const t0 = performance.now();
      const r = await getJson<BranchBody>(app as FastifyInstance, branchUrl, countyCookie);
      return { ms: ms(t0), ...r };
    };
    const checkFn = await fnOnce();
    const checkRoute = await routeOnce();
    const checkBare = await bareScan(branchStmts);
    const scanned = checkFn.results[0];
    if (!scanned || checkFn.results.length !== 1 || checkBare.rows[0] !== 1)
      throw new Error('the single-branch scan did not answer one org');
    if (checkRoute.body.meetingsOwed !== scanned.meetingsOwed || checkRoute.body.items.length !== scanned.findings.length)
      throw new Error('GET /orgs/:id/compliance answered other findings than the function');
    const single = { fn: [] as number[], route: [] as number[], bare: [] as number[] };
    const w0 = performance.now();
    for (let i = 0; i < WARMUP && performance.now() - w0 < (o.budgetSeconds * 1000) / 4; i++) {
      await fnOnce();
      await routeOnce();
      await bareScan(branchStmts);
    }
    const k0 = performance.now();
    while (single.fn.length < o.requests && (performance.now() - k0 < o.budgetSeconds * 1000 || single.fn.length < MIN_SAMPLES)) {
      single.fn.push((await fnOnce()).ms);
      single.route.push((await routeOnce()).ms);
      single.bare.push((await bareScan(branchStmts)).ms);
    }
    const singleResult = {
      org: { ...branch, meetingsRequired: scanned.meetingsRequired, meetingsOwed: scanned.meetingsOwed, findings: scanned.findings.length },
      url: branchUrl,
      account: `${DEMO_USER} (county org_admin)`,
      function: stats(single.fn),
      route: { ...stats(single.route), responseBytes: checkRoute.bytes },
      bare: stats(single.bare),
    };
    console.log(
      `    single branch ${branch.name} (${branch.meetings} meetings): fn p50 ${singleResult.function.p50Ms} p95 ${singleResult.function.p95Ms} ms · ` +
        `route p50 ${singleResult.route.p50Ms} p95 ${singleResult.route.p95Ms} ms · bare p50 ${singleResult.bare.p50Ms} p95 ${singleResult.bare.p95Ms} ms (n=${single.fn.length})`,
    );

    // 4. The roll-up GET /api/v1/compliance/summary over the snapshots: the city root (admin) and
    // the county's township table (county account); bare: the route's statements, taken from one
    // request, one after the other as the route runs them.
    const ids = (
      await admin.query(`select (select id from org where parent_id is null) as root, (select id from org where code = $1) as county`, [
        COUNTY_CODE,
      ])
    ).rows[0] as { root: number; county: number };
    const adminCookie = await adminLogin(app, admin);
    const rollupKinds = [
      {
        key: 'city',
        label: '全市：各旗县区与市直系统 city root: its counties and systems',
        orgId: ids.root,
        cookie: adminCookie,
        account: 'admin',
      },
      {
        key: 'county',
        label: '旗县区：各苏木乡镇（乡镇汇总表）county: its townships (the township table)',
        orgId: ids.county,
        cookie: countyCookie,
        account: DEMO_USER,
      },
    ];
    type Summary = { asOf: string | null; items: { orgId: number; branches: number }[] };
    const rollups: Record<string, unknown>[] = [];
    for (const kind of rollupKinds) {
      const url = `/api/v1/compliance/summary?orgId=${kind.orgId}&year=${year}`;
      const seen: SQL[] = [];
      deps.db = recording(db, seen);
      const first = await getJson<Summary>(app, url, kind.cookie).finally(() => {
        deps.db = db;
      });
      const stmts = seen.map(toStmt).filter((s) => s.text.includes('compliance_snapshot'));
      if (stmts.length !== 2)
        throw new Error(`the summary route ran ${stmts.length} snapshot statements, expected the roll-up and its date`);
      const real = async () => {
        const t0 = performance.now();
        const r = await getJson<Summary>(app as FastifyInstance, url, kind.cookie);
        return { ms: ms(t0), ...r };
      };
      const bare = async () => {
        const t0 = performance.now();
        const rs: pg.QueryResult[] = [];
        for (const s of stmts) rs.push(await pool.query(s.text, s.values));
        return { ms: ms(t0), rows: rs[0]?.rows as { orgId: number; branches: number }[] };
      };
      const b = await bare();
      if (b.rows.map((r) => `${r.orgId}:${r.branches}`).join() !== first.body.items.map((r) => `${r.orgId}:${r.branches}`).join())
        throw new Error(`${kind.key}: the bare roll-up answered other rows than the route`);
      const realMs: number[] = [];
      const bareMs: number[] = [];
      const r0 = performance.now();
      for (let i = 0; i < WARMUP && performance.now() - r0 < (o.budgetSeconds * 1000) / 4; i++) {
        await real();
        await bare();
      }
      const k1 = performance.now();
      while (realMs.length < o.requests && (performance.now() - k1 < o.budgetSeconds * 1000 || realMs.length < MIN_SAMPLES)) {
        realMs.push((await real()).ms);
        bareMs.push((await bare()).ms);
      }
      const rs = stats(realMs);
      const bs = stats(bareMs);
      const plan = (await pool.query(`explain (analyze, buffers) ${stmts[0]?.text}`, stmts[0]?.values)).rows.map(
        (x: { 'QUERY PLAN': string }) => x['QUERY PLAN'],
      );
      rollups.push({
        key: kind.key,
        label: kind.label,
        account: kind.account,
        url,
        rows: first.body.items.length,
        /** The subtree's own row (first): its branches with a snapshot. */
        branches: first.body.items[0]?.branches ?? 0,
        asOf: first.body.asOf,
        responseBytes: first.bytes,
        real: rs,
        bare: bs,
        overheadP50Ms: round(rs.p50Ms - bs.p50Ms, 2),
        sql: stmts,
        plan,
      });
      console.log(
        `    roll-up ${kind.key.padEnd(6)} ${String(first.body.items.length).padStart(3)} rows: real p50 ${rs.p50Ms} p95 ${rs.p95Ms} ms · ` +
          `bare p50 ${bs.p50Ms} p95 ${bs.p95Ms} ms (n=${rs.n})`,
      );
    }

    // Optional: where the time of the nightly job's work goes, in a child under --cpu-prof.
    let profile: (ReturnType<typeof summarizeCpuProfile> & { runs: string[] }) | undefined;
    if (o.profile) {
      const dir = path.join(work, 'cpuprofile');
      const maps = path.join(work, 'source-maps.json');
      mkdirSync(dir, { recursive: true });
      const logFile = path.join(work, 'profiled.log');
      const child = spawnLogged(
        'compliance (profiled)',
        process.execPath,
        [
          '--cpu-prof',
          `--cpu-prof-dir=${dir}`,
          '--enable-source-maps',
          '--import',
          'tsx',
          '--import',
          path.join(BENCH_DIR, 'lib/profile-maps.ts'),
          path.join(BENCH_DIR, 'lib/compliance-profiled.ts'),
        ],
        {
          cwd: REPO_ROOT,
          env: cleanEnv({
            DATABASE_URL: dbUrl(CITY_DB, 'jishi_bench_compliance_profiled'),
            BENCH_YEAR: String(year),
            BENCH_AS_OF: asOf,
            BENCH_SCANS: String(Math.min(o.scans, 5)),
            BENCH_SOURCE_MAPS: maps,
          }),
          logFile,
        },
      );
      const { code } = await child.exited;
      if (code !== 0) throw new Error(`the profiled scan failed (${code}):\n${logTail(child)}`);
      const runs = logTail(child, 20)
        .split('\n')
        .filter((l) => l.startsWith('run '));
      profile = { ...summarizeCpuProfile(dir, 15, maps), runs };
      console.log(`    profiled: ${runs.join('; ')}`);
    }

    const realMedianMs = median(scanReal.map((r) => r.ms));
    const pass =
      sr.p95Seconds < TARGET_SECONDS &&
      jr.p95Seconds < TARGET_SECONDS &&
      firstReal.ms / 1000 < TARGET_SECONDS &&
      jobFirstReal.ms / 1000 < TARGET_SECONDS;
    writeResult('compliance-scan', {
      benchmark: 'compliance-scan',
      title: `Organisation-life compliance scan over the city demo (${facts.orgs.toLocaleString('en-US')} orgs, ${facts.meetingsInYear.toLocaleString('en-US')} meetings) on PostgreSQL, against its own SQL run bare via pg`,
      machine,
      engine: `PostgreSQL ${await serverVersion()} (127.0.0.1:5432, database ${CITY_DB}, kept between runs; the server's pool of 10 in the bench process, bare pool of 10)`,
      /** Server settings that shape the plans and timings here. */
      settings: Object.fromEntries(
        (
          await admin.query(
            `select name, setting from pg_settings where name in ('jit', 'jit_above_cost', 'work_mem', 'shared_buffers', 'autovacuum', 'max_parallel_workers_per_gather')`,
          )
        ).rows.map((x: { name: string; setting: string }) => [x.name, x.setting]),
      ),
      dataset: {
        ...dataset,
        ...facts,
        asOf,
        command: 'npm run demo -- --scale city (packages/server/src/demo/cli.ts) into an empty database, then vacuum analyze',
        reuseRule:
          'reused when migrated to the newest migration, holding the demo meetings and sealed under the bench key; regenerated otherwise',
      },
      measured:
        'In the bench process, over the server pool (openPostgres, 10 connections) and the server app built in-process (buildApp, requests by fastify inject, no TCP). Real and bare alternate, one at a time. cpu.nodeMs is this process (the server code, pg parsing and, for the bare side, pg alone); cpu.postgresMs the PostgreSQL backends of that side (by application_name).',
      target: {
        maxSeconds: TARGET_SECONDS,
        judgedOn: 'the p95 of the full scan and of the nightly job, and the first (warm-up) run of each',
      },
      fullScan: {
        description: `scanCompliance(db, ${year}, '${asOf}', sql\`true\`) on the pool: its ${scanStmts.length} statements side by side (Promise.all), then the domain rules per org. readMs: until the last statement answered; computeMs: the rest (meeting calendar, setup and term rules, the result objects).`,
        orgs: orgCount,
        findings,
        real: {
          ...sr,
          first: { ms: firstReal.ms, readMs: firstReal.readMs, computeMs: firstReal.computeMs, cpu: firstReal.cpu },
          medianReadMs: round(median(scanReal.map((r) => r.readMs)), 1),
          medianComputeMs: round(median(scanReal.map((r) => r.computeMs)), 1),
          runs: scanReal,
        },
        bare: {
          description:
            "the same statements (taken from scanCompliance at run time) on a bare pg pool, side by side, rows read and dropped: the database's reading and pg's parsing, without drizzle and the rules",
          ...sb,
          first: firstBare,
          /** Per statement (in the order of sql), the median time until it answered: where the reading goes. */
          statementMedianMs: scanStmts.map((st, i) => ({
            sql: `${st.text.replace(/\s+/g, ' ').slice(0, 90)}…`,
            ms: round(median(scanBare.map((r) => r.statementMs[i] as number)), 1),
          })),
          runs: scanBare,
          sql: scanStmts,
        },
        /** real median ÷ bare median. */
        ratio: round(realMedianMs / median(scanBare.map((r) => r.ms)), 2),
      },
      nightlyJob: {
        description: `runJob(deps, complianceScan) with the clock at ${jobToday}: the job's work (scanAndStore over sql\`true\`: scan, snapshot upserts, change-log clean-up, and whatever else the job does; see result and bare.sql) in one transaction, so on one connection (the scan's statements run one after another), plus runJob's audit row.`,
        result: jobFirstReal.result,
        recordingPass: { ms: recordingPassMs, result: recorded },
        real: { ...jr, first: { ms: jobFirstReal.ms, cpu: jobFirstReal.cpu }, runs: jobReal.map(({ result: _r, ...x }) => x) },
        bare: {
          description:
            "one bare pg connection, one transaction: every raw statement the job's work ran (recorded from an uncounted run in a transaction before the clock: the scan's reads, the snapshot upserts, the reminders), one after another; not runJob's audit row",
          ...jb,
          first: jobFirstBare,
          runs: jobBare,
          statements: jobStmts.length,
          sql: jobStmts.map((x) => ({ text: x.text.length > 600 ? `${x.text.slice(0, 600)}…` : x.text, values: x.values.length })),
        },
        ratio: round(median(jobReal.map((r) => r.ms)) / median(jobBare.map((r) => r.ms)), 2),
        snapshotVacuumSeconds,
      },
      singleBranch: {
        description:
          'the county branch with the most meetings this year: scanCompliance(db, year, asOf, sql`o.id = <id>`) on the pool (function), GET /api/v1/orgs/:id/compliance through the app as the county account (route: session, authorize, findOrg, the scan, JSON), and its statements bare on the pg pool side by side; one checked triple, up to 3 warm-up triples, then alternating',
        ...singleResult,
        sql: branchStmts,
      },
      rollup: {
        description:
          'GET /api/v1/compliance/summary?orgId&year through the app (reads the snapshots the nightly job stored): one checked pair (same rows both sides), up to 3 warm-up pairs, then alternating; bare: the two snapshot statements the route ran (taken from a request: the roll-up with the caller scope, then the as-of date), one after the other on the pg pool. plan: EXPLAIN (ANALYZE, BUFFERS) of the roll-up.',
        kinds: rollups,
      },
      profile: profile
        ? {
            description:
              'a child process under node --cpu-prof running scanCompliance over the whole city and storeSnapshots, a few times (module loading is in it too); idle is waiting for PostgreSQL. Frames mapped to the TypeScript sources (lib/profile-maps.ts). Shares are of busy (non-idle) time.',
            ...profile,
          }
        : undefined,
      pass,
    });
  } finally {
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    await admin?.end().catch(() => {});
    await pool.end().catch(() => {});
    removeTempDir(work);
  }
};
