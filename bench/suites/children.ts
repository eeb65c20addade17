import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findChildren } from '@jishi/server/src/modules/orgs/org.repo.ts';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { cpuDelta, cpuSnapshot } from '../lib/cpu.js';
import { getJson, login, waitForHttp, warmFetch } from '../lib/http.js';
import { type LoadResult, runLoad } from '../lib/load.js';
import { machineInfo } from '../lib/machine.js';
import {
  BENCH_DIR,
  type Child,
  cleanEnv,
  freePort,
  onInterrupt,
  REPO_ROOT,
  removeTempDir,
  spawnLogged,
  stopChild,
  tempDir,
} from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { median, quantile, round, secondsSince } from '../lib/stats.js';
import { startServer, timeToServeDemo } from './startup.js';

export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DB = 'jishi_bench';
const BENCH_DB_URL = `postgres://postgres@127.0.0.1:5432/${BENCH_DB}`;
type Key = 'real' | 'bare';
/** Each side's pool connects under its own application_name, so its PostgreSQL backends' CPU can be counted. */
const dbUrlFor = (key: Key) => `${BENCH_DB_URL}?application_name=jishi_bench_${key}`;
const TARGET_RATIO = 0.6;

export interface ChildrenOptions {
  engine: 'postgres' | 'pglite';
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
}

/** The exact SQL text the real route runs for the children (includeClosed=false), taken from the server's own repo function. */
const childrenSql = async (): Promise<string> => {
  let captured: SQL | undefined;
  const fakeQ = {
    execute: async (q: SQL) => {
      captured = q;
      return { rows: [] };
    },
  };
  await findChildren(fakeQ as never, 0, false);
  if (!captured) throw new Error('findChildren ran no query');
  return new PgDialect().sqlToQuery(captured).sql;
};

/** Drops and creates the benchmark database with a UTF-8 ctype, as scripts/create-test-db.mjs does. */
const recreateDatabase = async () => {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    return ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version;
  } finally {
    await admin.end();
  }
};

const dropDatabase = async () => {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  } finally {
    await admin.end();
  }
};

interface OrgItem {
  id: number;
  name: string;
  type: string;
  childCount: number;
}

/** Walks the county account's subtree through the API and picks the org below its root with the most children. */
const pickBusiestOrg = async (base: string, cookie: string) => {
  const roots = (await getJson<{ items: OrgItem[] }>(`${base}/api/v1/orgs/roots`, cookie)).body.items;
  const queue = roots.filter((o) => o.childCount > 0);
  let best: OrgItem | undefined;
  let requests = 1;
  let visited = 0;
  while (queue.length > 0) {
    const o = queue.shift() as OrgItem;
    const { body } = await getJson<{ items: OrgItem[] }>(`${base}/api/v1/orgs/${o.id}/children`, cookie);
    requests++;
    for (const c of body.items) {
      visited++;
      if (!best || c.childCount > best.childCount) best = c;
      if (c.childCount > 0) queue.push(c);
    }
  }
  if (!best) throw new Error('the county subtree has no orgs');
  return { org: { id: best.id, name: best.name, type: best.type, childCount: best.childCount }, walk: { requests, orgsSeen: visited } };
};

interface Variant {
  key: Key;
  label: string;
  port: number;
  child?: Child;
  start: () => Promise<void>;
}

/**
 * Fastify's own responseTime (onRequest to response) for the requests logged after byte `from` of a
 * real server's log: how long a request spent inside the server once read, versus the latency the
 * client saw (the difference is waiting to be read). Null when the log level hides request lines.
 */
const serverResponseTimes = (logFile: string, from: number) => {
  const times: number[] = [];
  for (const line of readFileSync(logFile).subarray(from).toString('utf8').split('\n')) {
    if (!line.includes('"responseTime"')) continue;
    try {
      times.push((JSON.parse(line) as { responseTime: number }).responseTime);
    } catch {
      // a partial last line
    }
  }
  if (times.length === 0) return null;
  return {
    requests: times.length,
    p50Ms: round(quantile(times, 0.5), 2),
    p99Ms: round(quantile(times, 0.99), 2),
    maxMs: round(Math.max(...times), 2),
  };
};

type Measured = LoadResult & {
  serverSideResponseTime: ReturnType<typeof serverResponseTimes>;
  cpu: {
    serverSeconds: number;
    databaseSeconds: number | null;
    loadGeneratorSeconds: number;
    serverMsPerRequest: number;
    databaseMsPerRequest: number | null;
    totalMsPerRequest: number;
  };
};

/**
 * Throughput and latency of GET /api/v1/orgs/:id/children on the real server against the bare
 * baseline, in alternating rounds.
 */
export const runChildren = async (o: ChildrenOptions) => {
  const machine = machineInfo();
  const sql = await childrenSql();
  const work = tempDir(`children-${o.engine}`);
  const dataDir = path.join(work, 'data');
  await warmFetch();
  const pgMode = o.engine === 'postgres';
  const name = pgMode ? 'org-children' : 'org-children-pglite';
  const exclusive = !pgMode; // one process at a time may open a PGlite data dir
  let engine: string;
  const serverEnv: Record<string, string> = {};
  let admin: pg.Client | undefined;
  let logSeq = 0;
  const logFile = (what: string) => path.join(work, `${what}-${++logSeq}.log`);
  const variants: Variant[] = [];
  const removeHook = pgMode ? onInterrupt(dropDatabase) : () => {};

  try {
    if (pgMode) {
      engine = `PostgreSQL ${await recreateDatabase()} (127.0.0.1:5432, database ${BENCH_DB}, pool of 10 per server process)`;
      serverEnv.JISHI_MASTER_KEY = randomBytes(32).toString('hex');
      admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
    } else {
      const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
      engine = `PGlite ${version} (embedded, one connection, in the server process)`;
    }
    /** The PostgreSQL backends serving one variant's pool. */
    const backendPids = async (key: Key): Promise<number[]> =>
      admin
        ? (
            await admin.query('select pid from pg_stat_activity where datname = $1 and application_name = $2', [
              BENCH_DB,
              `jishi_bench_${key}`,
            ])
          ).rows.map((r: { pid: number }) => r.pid)
        : [];

    let coldStartSeconds: number | undefined;
    const realVariant = (key: 'real', label: string, env: Record<string, string>): Variant => {
      const v: Variant = {
        key,
        label,
        port: 0,
        start: async () => {
          v.port = await freePort();
          const t0 = performance.now();
          v.child = startServer(dataDir, v.port, logFile(`server-${key}`), {
            ...serverEnv,
            ...(pgMode ? { DATABASE_URL: dbUrlFor(key) } : {}),
            ...env,
          });
          const times = await timeToServeDemo(v.child, v.port, t0);
          coldStartSeconds ??= times.seconds;
          console.log(`    ${key} server up in ${times.seconds} s`);
        },
      };
      return v;
    };
    const real = realVariant(
      'real',
      'real server, default configuration (auth hook with the session cache, zod validation, scoped findChildren, presenter with abilities, audit-free read path)',
      {},
    );
    const bare: Variant = {
      key: 'bare',
      label: 'bare Fastify + pg.Pool(10) running the same SQL text (no auth, validation, session or org lookup, presenter or logging)',
      port: 0,
      start: async () => {
        bare.port = await freePort();
        const t0 = performance.now();
        bare.child = spawnLogged('bare children server', process.execPath, ['--import', 'tsx', 'baseline/children-server.ts'], {
          cwd: BENCH_DIR,
          env: cleanEnv({
            PORT: String(bare.port),
            BENCH_ENGINE: o.engine,
            BENCH_CHILDREN_SQL: sql,
            ...(pgMode ? { DATABASE_URL: dbUrlFor('bare') } : { BENCH_PGLITE_DIR: path.join(dataDir, 'pglite') }),
          }),
          logFile: logFile('bare'),
        });
        await waitForHttp(bare.child, `http://127.0.0.1:${bare.port}/api/v1/orgs/0/children`, 60_000);
        console.log(`    bare server up in ${secondsSince(t0)} s`);
      },
    };
    variants.push(real, bare);
    const ensure = async (v: Variant) => {
      if (v.child && !v.child.hasExited()) return;
      if (exclusive) for (const other of variants) if (other !== v && other.child) await stopChild(other.child);
      await v.start();
    };

    // The real server, cold, on an empty database: it loads the demo.
    await ensure(real);
    const realBase = `http://127.0.0.1:${real.port}`;
    const cookie = await login(realBase);
    const { org, walk } = await pickBusiestOrg(realBase, cookie);
    const urlPath = `/api/v1/orgs/${org.id}/children`;
    const realSample = await getJson<{ items: { id: number }[]; total: number }>(`${realBase}${urlPath}`, cookie);
    if (realSample.body.total !== org.childCount) throw new Error(`children total ${realSample.body.total} ≠ childCount ${org.childCount}`);
    console.log(
      `    target: ${org.name} (id ${org.id}), ${org.childCount} children, ${realSample.bytes} bytes (walked ${walk.requests} requests)`,
    );
    // Start the bare baseline now (alternating rounds begin with the real server) only when both can run at once.
    if (!exclusive) await ensure(bare);

    const rounds: Record<Key, Measured[]> = { real: [], bare: [] };
    let bareBytes: number | undefined;
    for (let r = 1; r <= o.rounds; r++) {
      for (const v of variants) {
        await ensure(v);
        const url = `http://127.0.0.1:${v.port}${urlPath}`;
        const headers: Record<string, string> = v.key === 'bare' ? {} : { cookie };
        if (v.key === 'bare' && bareBytes === undefined) {
          const sample = await getJson<{ items: { id: number }[] }>(url);
          const ids = (b: { items: { id: number }[] }) => b.items.map((i) => i.id).join(',');
          if (ids(sample.body) !== ids(realSample.body)) throw new Error('the bare baseline returned other children than the real route');
          bareBytes = sample.bytes;
        }
        await runLoad({ url, headers, connections: o.connections, durationSeconds: o.warmupSeconds });
        const serverPid = (v.child as Child).pid;
        const server0 = cpuSnapshot([serverPid]);
        const db0 = cpuSnapshot(await backendPids(v.key));
        const runner0 = process.cpuUsage();
        const logFrom = statSync((v.child as Child).logFile).size;
        const res = await runLoad({ url, headers, connections: o.connections, durationSeconds: o.durationSeconds });
        const runner = process.cpuUsage(runner0);
        const serverCpu = cpuDelta(server0, cpuSnapshot([serverPid]));
        const dbCpu = cpuDelta(db0, cpuSnapshot(await backendPids(v.key)));
        const perReq = (x: number) => round((x * 1000) / res.requestsTotal, 3);
        const cpu = {
          serverSeconds: round(serverCpu, 2),
          databaseSeconds: pgMode ? round(dbCpu, 2) : null,
          loadGeneratorSeconds: round((runner.user + runner.system) / 1e6, 2),
          serverMsPerRequest: perReq(serverCpu),
          databaseMsPerRequest: pgMode ? perReq(dbCpu) : null,
          totalMsPerRequest: perReq(serverCpu + dbCpu),
        };
        const serverSideResponseTime = v.key === 'bare' ? null : serverResponseTimes((v.child as Child).logFile, logFrom);
        rounds[v.key].push({ ...res, cpu, serverSideResponseTime });
        console.log(
          `    round ${r}/${o.rounds} ${v.key}: ${res.requestsPerSecond} req/s, p50 ${res.latencyMs.p50} ms, p99 ${res.latencyMs.p99} ms ` +
            `(steady ${res.steadyLatencyMs.p99} ms), ` +
            `CPU/request ${cpu.serverMsPerRequest} ms server${pgMode ? ` + ${cpu.databaseMsPerRequest} ms PostgreSQL` : ''}` +
            (serverSideResponseTime ? `, in-server p99 ${serverSideResponseTime.p99Ms} ms max ${serverSideResponseTime.maxMs} ms` : ''),
        );
      }
    }

    const summarize = (rs: Measured[]) => ({
      requestsPerSecond: round(median(rs.map((x) => x.requestsPerSecond)), 1),
      latencyP50Ms: round(median(rs.map((x) => x.latencyMs.p50)), 2),
      latencyP99Ms: round(median(rs.map((x) => x.latencyMs.p99)), 2),
      /** p99 without each connection's first response (see LoadResult.steadyLatencyMs). */
      steadyLatencyP99Ms: round(median(rs.map((x) => x.steadyLatencyMs.p99)), 2),
      serverCpuMsPerRequest: round(median(rs.map((x) => x.cpu.serverMsPerRequest)), 3),
      databaseCpuMsPerRequest: pgMode ? round(median(rs.map((x) => x.cpu.databaseMsPerRequest ?? 0)), 3) : null,
      totalCpuMsPerRequest: round(median(rs.map((x) => x.cpu.totalMsPerRequest)), 3),
      /** Requests that failed (non-2xx, errors, timeouts > 10 s) over all rounds. */
      failedRequests: rs.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0),
    });
    const realSum = summarize(rounds.real);
    const bareSum = summarize(rounds.bare);
    const ratio = round(realSum.requestsPerSecond / bareSum.requestsPerSecond, 3);
    writeResult(name, {
      benchmark: name,
      title: `GET /api/v1/orgs/:id/children under load on ${pgMode ? 'PostgreSQL' : 'PGlite'}, real server vs bare Fastify`,
      machine,
      engine,
      loadGenerator: `autocannon (programmatic) in the bench runner process; each server in its own child process; ${o.connections} connections, no pipelining`,
      connections: o.connections,
      warmupSeconds: o.warmupSeconds,
      durationSeconds: o.durationSeconds,
      rounds: o.rounds,
      order: exclusive
        ? 'real, bare, alternating per round; each server is (re)started for its turn, since one process at a time may open the PGlite data dir; 3 s warm-up after each start'
        : 'real, bare, alternating per round; both stay up, the idle one takes no load',
      cpuAccounting:
        'CPU seconds from /proc/<pid>/stat over the measured window: the server process, and on PostgreSQL the backends of its pool (by application_name); divided by the requests served.',
      account: 'q150502 (county org_admin)',
      org: { ...org, responseBytesReal: realSample.bytes, responseBytesBare: bareBytes },
      walk,
      sql,
      realServerColdStartSeconds: coldStartSeconds,
      target: pgMode ? { minRatio: TARGET_RATIO } : null,
      real: { description: real.label, median: realSum, runs: rounds.real },
      bare: { description: bare.label, median: bareSum, runs: rounds.bare },
      /** real req/s ÷ bare req/s: the target. */
      ratio,
      /** bare ÷ real CPU per request (server + its PostgreSQL backends): the cost ratio, less sensitive to other load on the machine. */
      cpuRatio: round(bareSum.totalCpuMsPerRequest / realSum.totalCpuMsPerRequest, 3),
      pass: pgMode ? ratio >= TARGET_RATIO && realSum.failedRequests === 0 : null,
    });
  } finally {
    for (const v of variants) if (v.child) await stopChild(v.child);
    await admin?.end();
    if (pgMode) await dropDatabase().catch((e) => console.error(`could not drop ${BENCH_DB}: ${e}`));
    removeHook();
    removeTempDir(work);
  }
};
