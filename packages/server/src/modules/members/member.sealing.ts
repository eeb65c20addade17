/**
 * Sealing members (SM4, blind index, masks, pinyin) on worker threads, so that a bulk load seals
 * the next batch while the database takes the last one. Batches come back in the order given.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Keys } from '../../platform/crypto.js';
import { startWorker } from '../../platform/workers.js';
import type { MemberInsert } from './member.repo.js';
import type { SealInput } from './member.service.js';

export interface SealPool {
  seal: (batch: SealInput[]) => Promise<MemberInsert[]>;
  close: () => Promise<void>;
}

/** A pool of one worker per core but one (the database's thread keeps its own), at least one. */
export const createSealPool = (keys: Keys, size = Math.max(1, availableParallelism() - 1)): SealPool => {
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve: (rows: MemberInsert[]) => void; reject: (e: unknown) => void }>();
  let failure: unknown;
  let closing = false;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  for (let i = 0; i < size; i++) {
    const worker = startWorker(new URL('./member.seal.worker.ts', import.meta.url), { keys });
    worker.on('message', ({ id, sealed }: { id: number; sealed: MemberInsert[] }) => {
      waiting.get(id)?.resolve(sealed);
      waiting.delete(id);
    });
    // A worker that fails or goes fails the pool: every batch waiting, and every one after.
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`sealing worker exited with code ${code}`));
    });
    workers.push(worker);
  }
  let next = 0;
  return {
    seal: (batch) =>
      new Promise((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        const id = next++;
        waiting.set(id, { resolve, reject });
        (workers[id % workers.length] as Worker).postMessage({ id, batch });
      }),
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
};
