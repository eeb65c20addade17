import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const PORT = 8181;
export const ADMIN_PASSWORD = 'E2e-Admin-Pass-2026';

/**
 * Starts the real server, as `npm start` does, on a fresh data dir with the Tongliao demo data
 * (city scale unless `env` says otherwise); `stop` ends it and removes the data dir.
 */
export const startServer = (port: number, env: Record<string, string> = {}) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jishi-e2e-'));
  const root = path.resolve(import.meta.dirname, '..');
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '', // always the embedded database, as npm start
      PORT: String(port),
      JISHI_DATA_DIR: dataDir,
      JISHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JISHI_LOG_LEVEL: 'warn',
      JISHI_LOGIN_RATE_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // A server busy with a start-up job may not heed SIGTERM: one left behind keeps the port, and the
  // next run would test it instead of its own.
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, stop, baseUrl: `http://127.0.0.1:${port}` };
};

/** Resolves once `url` answers `status`, polling every `interval` ms; throws if the server exits or `ms` pass. */
export const waitFor = async (server: ChildProcess, url: string, status: number | null, ms: number, interval = 500) => {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (status === null || res.status === status) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status ?? 'at all'} in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, interval));
  }
};

/** The shared server of the browser tests. */
export default async function setup(project: TestProject) {
  // Another run's server on the port would answer in place of ours (and vanish mid-run).
  const stale = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/me`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${PORT} is taken: another server is running there`);
  const { server, stop, baseUrl } = startServer(PORT);
  try {
    await waitFor(server, `${baseUrl}/api/v1/auth/me`, 401, 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return stop;
}
