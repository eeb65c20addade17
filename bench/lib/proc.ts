import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/ and the repository root. */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited: () => boolean;
}

const live = new Set<Child>();
const tempDirs = new Set<string>();

/** A temporary directory removed when the bench exits, whatever the outcome. */
export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `jishi-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
};

export const removeTempDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
};

/**
 * Spawns a process in its own process group (so it and its helpers can be killed together), with
 * stdout and stderr going to a log file rather than through this process: reading a chatty server's
 * output here would take CPU from the load generator.
 */
export const spawnLogged = (
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Child => {
  const fd = openSync(opts.logFile, 'a');
  const proc = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  if (proc.pid === undefined) throw new Error(`could not start ${name}`);
  let done = false;
  const child: Child = {
    name,
    proc,
    pid: proc.pid,
    logFile: opts.logFile,
    exited: new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        done = true;
        live.delete(child);
        resolve({ code, signal });
      }),
    ),
    hasExited: () => done,
  };
  live.add(child);
  return child;
};

const killGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
};

/**
 * Stops a child: SIGTERM to the process itself (the server's own graceful stop), SIGKILL to its
 * group after `timeoutMs`, then SIGKILL to whatever of its group is left. Returns the seconds the
 * graceful stop took, or null when it had to be killed.
 */
export const stopChild = async (child: Child, timeoutMs = 20_000): Promise<number | null> => {
  if (child.hasExited()) {
    killGroup(child.pid, 'SIGKILL');
    return 0;
  }
  const t0 = performance.now();
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    // raced with its exit
  }
  let timer: NodeJS.Timeout | undefined;
  const graceful = await Promise.race([
    child.exited.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  const seconds = (performance.now() - t0) / 1000;
  killGroup(child.pid, 'SIGKILL');
  if (!graceful) await child.exited;
  return graceful ? seconds : null;
};

/** The last lines of a child's log, for error messages. */
export const logTail = (child: Child, lines = 30): string => {
  try {
    return readFileSync(child.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Kills every child still running and removes the temporary directories (synchronous: runs on exit). */
export const cleanUpSync = () => {
  for (const c of live) killGroup(c.pid, 'SIGKILL');
  live.clear();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
};

const interruptHooks = new Set<() => Promise<void>>();
/** Async clean-up (dropping the bench database) to run on Ctrl-C / SIGTERM; returns its remover. */
export const onInterrupt = (hook: () => Promise<void>): (() => void) => {
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
};

let installed = false;
/** Cleans up on normal exit, on an uncaught error and on Ctrl-C / SIGTERM. */
export const installCleanup = () => {
  if (installed) return;
  installed = true;
  process.on('exit', cleanUpSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, async () => {
      console.error(`\n${sig}: stopping servers and removing temporary files`);
      cleanUpSync();
      const hooks = Promise.allSettled([...interruptHooks].map((h) => h()));
      await Promise.race([hooks, new Promise((r) => setTimeout(r, 5_000))]);
      process.exit(130);
    });
  }
};

/** A free TCP port on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

/** The environment for a child server: this process's, without any Jishi or database setting that could leak in. */
export const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('JISHI_') || k === 'DATABASE_URL' || k === 'PORT' || k === 'HOST' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, HOST: '127.0.0.1', ...extra };
};
