import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getJson, login, waitForHttp, waitForReady, warmFetch } from '../lib/http.js';
import { machineInfo } from '../lib/machine.js';
import {
  BENCH_DIR,
  type Child,
  cleanEnv,
  freePort,
  logTail,
  REPO_ROOT,
  removeTempDir,
  spawnLogged,
  stopChild,
  tempDir,
} from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { median, round, secondsSince } from '../lib/stats.js';

/** How the server is started: the same entry point as `npm start`, without the npm and tsx-CLI wrappers. */
export const SERVER_ARGS = ['--import', 'tsx', 'packages/server/src/main.ts'];
export const ADMIN_PASSWORD = 'Bench-Admin-Password-2026';

/** The bare baseline: a Node process that loads Fastify, registers one route and listens. */
const BARE_SCRIPT = [
  "const app = require('fastify')();",
  "app.get('/', async () => ({ ok: true }));",
  "app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((e) => { console.error(e); process.exit(1); });",
].join(' ');

const COLD_TARGET_S = 45;
const WARM_TARGET_S = 3;
const SERVE_TIMEOUT_MS = 180_000;

interface ServeTimes {
  /** Until GET /api/v1/status answered (the web and the progress are served from then on). */
  firstHttpSeconds: number;
  /** Until the demo county account logged in (200). */
  loginSeconds: number;
  /** Until GET /api/v1/orgs/roots answered 200 with that session: the measured time. */
  seconds: number;
  /** The server's own "用时 X 秒" (from after its modules loaded until it listened). */
  serverReportedSeconds: number | null;
  /** Graceful stop (SIGTERM until exit). */
  stopSeconds: number | null;
}

/** Starts the real server on a data dir (PGlite, demo at city scale). */
export const startServer = (dataDir: string, port: number, logFile: string, extraEnv: Record<string, string> = {}): Child =>
  spawnLogged('server', process.execPath, SERVER_ARGS, {
    cwd: REPO_ROOT,
    env: cleanEnv({
      PORT: String(port),
      JISHI_DATA_DIR: dataDir,
      JISHI_DEMO: 'tongliao',
      JISHI_DEMO_SCALE: 'city',
      JISHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...extraEnv,
    }),
    logFile,
  });

const reportedSeconds = (child: Child): number | null => {
  const all = readFileSync(child.logFile, 'utf8').match(/用时 ([\d.]+) 秒/g);
  const last = all?.at(-1)?.match(/([\d.]+)/);
  return last ? Number(last[1]) : null;
};

/** From `t0` (just before spawn) until the demo is served: /auth/me answers, the county login works, roots answer. */
export const timeToServeDemo = async (child: Child, port: number, t0: number): Promise<Omit<ServeTimes, 'stopSeconds'>> => {
  const base = `http://127.0.0.1:${port}`;
  // The first start answers at once with its progress (503 elsewhere) until the demo is in.
  await waitForHttp(child, `${base}/api/v1/status`, SERVE_TIMEOUT_MS);
  const firstHttpSeconds = secondsSince(t0);
  await waitForReady(child, base, SERVE_TIMEOUT_MS);
  const me = await fetch(`${base}/api/v1/auth/me`);
  if (me.status !== 401) throw new Error(`GET /api/v1/auth/me without a session answered ${me.status}, expected 401`);
  const cookie = await login(base);
  const loginSeconds = secondsSince(t0);
  const { body } = await getJson<{ items: unknown[] }>(`${base}/api/v1/orgs/roots`, cookie);
  const seconds = secondsSince(t0);
  if (body.items.length === 0) throw new Error('GET /api/v1/orgs/roots returned no org for the county account');
  return { firstHttpSeconds, loginSeconds, seconds, serverReportedSeconds: reportedSeconds(child) };
};

/** The bare baseline once: spawn until its one route answers 200. */
const bareOnce = async (logDir: string, i: number): Promise<number> => {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnLogged('bare Fastify', process.execPath, ['-e', BARE_SCRIPT], {
    cwd: BENCH_DIR,
    env: cleanEnv({ PORT: String(port) }),
    logFile: path.join(logDir, `bare-${i}.log`),
  });
  try {
    const res = await waitForHttp(child, `http://127.0.0.1:${port}/`, 30_000);
    const seconds = secondsSince(t0);
    if (res.status !== 200) throw new Error(`bare Fastify answered ${res.status}`);
    return seconds;
  } finally {
    await stopChild(child);
  }
};

const summary = (runs: ServeTimes[]) => ({
  seconds: round(median(runs.map((r) => r.seconds)), 2),
  firstHttpSeconds: round(median(runs.map((r) => r.firstHttpSeconds)), 2),
  loginSeconds: round(median(runs.map((r) => r.loginSeconds)), 2),
  serverReportedSeconds: runs.every((r) => r.serverReportedSeconds !== null)
    ? round(median(runs.map((r) => r.serverReportedSeconds as number)), 2)
    : null,
});

/** Cold start and warm restart, `runs` times each, with the bare baseline in between. */
export const runStartup = async (opts: { runs: number }) => {
  const machine = machineInfo();
  const pgliteVersion = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'))
    .version as string;
  const logDir = tempDir('startup-logs');
  await warmFetch();
  const cold: ServeTimes[] = [];
  const warm: ServeTimes[] = [];
  const bare: number[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    bare.push(await bareOnce(logDir, i));
    console.log(`  run ${i}/${opts.runs}: bare Fastify ${bare.at(-1)} s`);

    const dataDir = tempDir('data');
    // Cold: empty data dir → migrations, demo load, listen.
    let port = await freePort();
    let t0 = performance.now();
    let child = startServer(dataDir, port, path.join(logDir, `cold-${i}.log`));
    try {
      const times = await timeToServeDemo(child, port, t0);
      const stopSeconds = await stopChild(child);
      cold.push({ ...times, stopSeconds: stopSeconds === null ? null : round(stopSeconds, 2) });
      console.log(`  run ${i}/${opts.runs}: cold start ${times.seconds} s (server says ${times.serverReportedSeconds} s)`);
      if (stopSeconds === null) throw new Error(`the server did not stop within 20 s of SIGTERM:\n${logTail(child)}`);

      // Warm: the same data dir again.
      port = await freePort();
      t0 = performance.now();
      child = startServer(dataDir, port, path.join(logDir, `warm-${i}.log`));
      const wtimes = await timeToServeDemo(child, port, t0);
      const wstop = await stopChild(child);
      warm.push({ ...wtimes, stopSeconds: wstop === null ? null : round(wstop, 2) });
      console.log(`  run ${i}/${opts.runs}: warm restart ${wtimes.seconds} s (server says ${wtimes.serverReportedSeconds} s)`);
    } finally {
      await stopChild(child);
      removeTempDir(dataDir);
    }
  }

  const baseline = {
    description:
      'A bare `node -e` process that requires fastify, registers one GET route and listens; timed from spawn until that route answers 200 (the cost of a Node process plus Fastify alone).',
    runsSeconds: bare,
    medianSeconds: round(median(bare), 3),
  };
  const common = {
    machine,
    engine: `PGlite ${pgliteVersion} (embedded, in the server process)`,
    command: `node ${SERVER_ARGS.join(' ')}`,
    env: { JISHI_DEMO: 'tongliao', JISHI_DEMO_SCALE: 'city', JISHI_DATA_DIR: '<fresh temp dir>', PORT: '<free port>' },
    engineNote:
      'On a first start the demo loads on a worker thread with its own PGlite; the main thread serves the web and the progress meanwhile.',
    measured:
      'Wall time from spawning the server until GET /api/v1/status says ready (firstHttpSeconds: until it first answers, with the progress), GET /api/v1/auth/me answers 401, POST /api/v1/auth/login as q150502 answers 200, and GET /api/v1/orgs/roots with that session answers 200, polling every 20 ms (status every 100 ms).',
    baseline,
  };
  const coldSummary = summary(cold);
  writeResult('startup', {
    benchmark: 'startup',
    title: 'Cold start on an empty data dir to serving the Tongliao demo (city scale)',
    ...common,
    target: { maxSeconds: COLD_TARGET_S },
    runs: cold,
    median: coldSummary,
    pass: coldSummary.seconds <= COLD_TARGET_S,
  });
  const warmSummary = summary(warm);
  writeResult('restart', {
    benchmark: 'restart',
    title: 'Warm restart (SIGTERM, then start again on the same data dir) to serving the demo',
    ...common,
    target: { maxSeconds: WARM_TARGET_S },
    runs: warm,
    median: warmSummary,
    pass: warmSummary.seconds <= WARM_TARGET_S,
  });
  removeTempDir(logDir);
};
