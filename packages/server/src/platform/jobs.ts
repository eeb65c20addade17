import PgBoss from 'pg-boss';
import { recordAudit } from './audit.js';
import { businessDate } from './dates.js';
import type { Database, Q } from './db/index.js';
import type { Deps } from './http.js';

/**
 * Time-driven work (ARCHITECTURE.md Jobs): reminders, deadlines, nightly scans. A job is defined
 * once with its schedule; its `run` is idempotent (running twice on a day changes nothing more)
 * and works in one transaction, so a crash leaves nothing half-done. Each run is audited as the
 * system, with the counts it returns.
 */
export interface JobDef {
  name: string;
  /** Cron, in Beijing time. */
  cron: string;
  summary: string;
  run: (q: Q, deps: Deps, today: string) => Promise<Record<string, number>>;
}

/** Declares a job (typed); the app's JOBS list is what runs. */
export const defineJob = (def: JobDef): JobDef => def;

/** Runs one job now, in a transaction, and audits the run. */
export const runJob = async (deps: Deps, def: JobDef): Promise<Record<string, number>> => {
  const today = businessDate(deps.now());
  return deps.db.transaction(async (tx) => {
    const result = await def.run(tx, deps, today);
    await recordAudit(
      tx,
      deps.keys.audit,
      { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null },
      { action: `job.${def.name}`, detail: { today, ...result } },
      deps.now(),
    );
    return result;
  });
};

/**
 * pg-boss over the same database: on PostgreSQL through the pool, on PGlite through its single
 * connection (parameterless text may hold several statements, which only `exec` runs).
 */
const bossDb = (database: Database): PgBoss.Db => {
  if (database.pool) {
    const pool = database.pool;
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const pglite = database.pglite as NonNullable<Database['pglite']>;
  return {
    executeSql: async (text, values) => {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
};

/** Seconds after start-up before each job's catch-up run. */
export const STARTUP_RUN_DELAY_SECONDS = 60;

/**
 * Starts pg-boss: each job's queue, its schedule (multi-process safe on PostgreSQL: one process
 * takes each run) and a worker. Every job also runs once shortly after start-up, so a fresh demo
 * has its reminders before the first night.
 */
export const startJobs = async (
  deps: Deps,
  jobs: JobDef[],
  opts: {
    log?: (message: string) => void;
    startupDelaySeconds?: number;
    /** The jobs ran just now (a first start's worker ran them): no start-up run. */
    skipStartupRun?: boolean;
  } = {},
) => {
  const log = opts.log ?? (() => {});
  const boss = new PgBoss({ db: bossDb(deps.database), schema: 'pgboss', supervise: true, schedule: true });
  boss.on('error', (err) => log(`后台任务出错 job error: ${err.message}`));
  await boss.start();
  const delay = opts.startupDelaySeconds ?? STARTUP_RUN_DELAY_SECONDS;
  for (const def of jobs) {
    await boss.createQueue(def.name);
    await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    // A minute after start-up: the first users' requests come before the catch-up run.
    if (!opts.skipStartupRun) await boss.send(def.name, {}, { singletonKey: 'startup', startAfter: delay });
  }
  let stopped = false;
  const work = async () => {
    for (const def of jobs) {
      if (stopped) return;
      await boss.work(def.name, async () => {
        const result = await runJob(deps, def);
        log(`后台任务 ${def.summary}（${def.name}）完成：${JSON.stringify(result)}`);
        return result;
      });
    }
  };
  // The workers wait as long too: a run left due by the last stop (stopped mid-job, or before its
  // start-up run) would otherwise take the first seconds after a restart, on PGlite from every request.
  const later =
    delay > 0
      ? setTimeout(() => work().catch((err: Error) => log(`后台任务未能开始 jobs did not start: ${err.message}`)), delay * 1000).unref()
      : undefined;
  if (!later) await work();
  return {
    boss,
    stop: () => {
      stopped = true;
      clearTimeout(later);
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
};
