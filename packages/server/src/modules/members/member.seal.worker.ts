/** Seals members on a worker thread (member.sealing.ts): the CPU half of a bulk load, beside the database's. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Keys } from '../../platform/crypto.js';
import { type SealInput, sealMember } from './member.service.js';

const port = parentPort;
if (!port) throw new Error('member.seal.worker runs on a worker thread');
// Buffers arrive as plain Uint8Arrays.
const keys = Object.fromEntries(
  Object.entries(workerData.keys as Record<string, Uint8Array>).map(([k, v]) => [k, Buffer.from(v)]),
) as unknown as Keys;
port.on('message', ({ id, batch }: { id: number; batch: SealInput[] }) => {
  port.postMessage({ id, sealed: batch.map((m) => sealMember(keys, m.input, m.input.idNumber, m.birthDate, m.orgPath)) });
});
