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
 * Starts the real server, as `npm start` does, on a fresh data dir with the Tongliao demo data,
 * and serves the built web app. Browser tests run against it.
 */
export default async function setup(project: TestProject) {
  // Another run's server on the port would answer in place of ours (and vanish mid-run).
  const stale = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/me`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${PORT} is taken: another server is running there`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jishi-e2e-'));
  const root = path.resolve(import.meta.dirname, '..');
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '', // always the embedded database, as npm start
      PORT: String(PORT),
      JISHI_DATA_DIR: dataDir,
      JISHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JISHI_LOG_LEVEL: 'warn',
      JISHI_LOGIN_RATE_PER_MINUTE: '1000',
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
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/auth/me`);
      if (res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server did not start in 300 s');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return stop;
}
