import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { REPO_ROOT } from './proc.js';

const git = (args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  arch: string;
  kernel: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  /** 1/5/15-minute load averages when the benchmark started: other work on the machine skews the numbers. */
  loadAverageAtStart: number[];
  commit: string | null;
  /** The work tree had uncommitted changes. */
  dirty: boolean | null;
}

/** What the numbers were measured on. */
export const machineInfo = (): MachineInfo => {
  const status = git(['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    kernel: os.release(),
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit: git(['rev-parse', 'HEAD']),
    dirty: status === null ? null : status.length > 0,
  };
};
