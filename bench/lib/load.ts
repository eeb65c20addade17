import autocannon from 'autocannon';
import { quantile, round } from './stats.js';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  requestsTotal: number;
  durationSeconds: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /**
   * The same without each connection's first response: autocannon opens all its connections at the
   * start of a run, and a server whose event loop is busy may take long to accept and read them.
   */
  steadyLatencyMs: { p50: number; p99: number; max: number };
  throughputMiBPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

// biome-ignore lint/suspicious/noExplicitAny: autocannon ships no types.
type Raw = any;

/** One autocannon run in this process. Non-2xx answers, errors and timeouts (> 10 s) are counted and reported. */
export const runLoad = async (o: LoadOptions): Promise<LoadResult> => {
  const seen = new WeakSet<object>();
  const steady: number[] = [];
  const raw: Raw = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: o.url, connections: o.connections, duration: o.durationSeconds, headers: o.headers ?? {}, timeout: 10 },
      (err: Error | null, res: Raw) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (client: object, _status: number, _bytes: number, responseTime: number) => {
      if (seen.has(client)) steady.push(responseTime);
      else seen.add(client);
    });
  });
  const result: LoadResult = {
    requestsPerSecond: round(raw.requests.average, 1),
    requestsTotal: raw.requests.total,
    durationSeconds: round(raw.duration, 2),
    latencyMs: {
      mean: round(raw.latency.average, 2),
      p50: raw.latency.p50,
      p90: raw.latency.p90,
      p99: raw.latency.p99,
      max: raw.latency.max,
    },
    steadyLatencyMs: {
      p50: round(quantile(steady, 0.5), 1),
      p99: round(quantile(steady, 0.99), 1),
      max: round(steady.length ? Math.max(...steady) : Number.NaN, 1),
    },
    throughputMiBPerSecond: round(raw.throughput.average / 2 ** 20, 2),
    non2xx: raw.non2xx,
    errors: raw.errors,
    timeouts: raw.timeouts,
  };
  if (result.non2xx || result.errors || result.timeouts) {
    console.warn(`    ⚠ ${o.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts (> 10 s)`);
  }
  return result;
};
