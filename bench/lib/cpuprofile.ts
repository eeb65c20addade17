import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './proc.js';
import { round } from './stats.js';

/** The parts of a V8 .cpuprofile (node --cpu-prof) read here. */
interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Sampled seconds in all, and of those idle (waiting on I/O, e.g. PostgreSQL), GC and V8 internals. */
  totalSeconds: number;
  idleSeconds: number;
  gcSeconds: number;
  programSeconds: number;
  /** Self time by package (node_modules/<pkg>) or repository file, busy time only. */
  selfByModule: { module: string; seconds: number; share: number }[];
  /** Self time by function. */
  /** Self time by function, with the nearest repository function on its stacks (the most time) as `via`. */
  selfByFunction: { fn: string; seconds: number; share: number; via?: string }[];
  /** Inclusive time of the repository's own functions (packages/…): where each call tree starts. */
  inclusiveRepoFunctions: { fn: string; seconds: number; share: number }[];
}

const moduleOf = (url: string): string => {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file;
};

type Frame = Profile['nodes'][number]['callFrame'];

/**
 * Names frames of tsx-compiled repository files through their source maps (see profile-maps.ts):
 * the original line, and the name declared just before the function's start on that line.
 */
const frameNamer = (mapsFile: string | undefined) => {
  const maps = new Map<string, SourceMap>();
  if (mapsFile && existsSync(mapsFile))
    for (const [url, payload] of Object.entries(JSON.parse(readFileSync(mapsFile, 'utf8')) as Record<string, SourceMapPayload>))
      maps.set(url, new SourceMap(payload));
  const sources = new Map<string, string[]>();
  const linesOf = (url: string) => {
    let l = sources.get(url);
    if (!l) {
      l = readFileSync(fileURLToPath(url), 'utf8').split('\n');
      sources.set(url, l);
    }
    return l;
  };
  const cache = new Map<string, string>();
  return (f: Frame): string => {
    const at = `${f.url}:${f.lineNumber}:${f.columnNumber}`;
    const hit = cache.get(at);
    if (hit) return hit;
    let key = `${f.functionName || '(anonymous)'} ${moduleOf(f.url)}:${f.lineNumber + 1}`;
    const sm = maps.get(f.url);
    const e = sm?.findEntry(f.lineNumber, f.columnNumber) as { originalLine?: number; originalColumn?: number } | undefined;
    if (sm && e?.originalLine !== undefined) {
      const line = linesOf(f.url)[e.originalLine] ?? '';
      const before = line.slice(0, e.originalColumn);
      const name =
        /([\w$]+)\s*[=:]\s*(?:async\s*)?(?:<[^>]*>\s*)?$/.exec(before)?.[1] ??
        /function\s*\*?\s*([\w$]+)/.exec(line)?.[1] ??
        /^\s*(?:async\s+)?([\w$]+)\s*\(/.exec(line)?.[1] ??
        (f.functionName || '(anonymous)');
      key = `${name} ${moduleOf(f.url)}:${e.originalLine + 1}`;
    }
    cache.set(at, key);
    return key;
  };
};

/**
 * Summarises the largest .cpuprofile in `dir` (the main thread's: tsx's loader thread writes a small
 * one too): self time by module and function, and the inclusive time of the repository's own
 * functions, as shares of the busy (non-idle) time.
 */
export const summarizeCpuProfile = (dir: string, top = 15, mapsFile?: string): ProfileSummary => {
  const fnKey = frameNamer(mapsFile);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(path.join(dir, a)).size - statSync(path.join(dir, b)).size);
  const file = files.at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const p = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; attribute the gap after a sample to it.
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i] as number;
    const dt = p.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
  }
  let total = 0;
  let idle = 0;
  let gc = 0;
  let program = 0;
  const byModule = new Map<string, number>();
  const byFn = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const via = new Map<string, Map<string, number>>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    total += us;
    const name = n.callFrame.functionName;
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    if (name === '(garbage collector)') gc += us;
    if (name === '(program)') program += us;
    const mod = name.startsWith('(') ? name : moduleOf(n.callFrame.url);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const key = name.startsWith('(') ? name : fnKey(n.callFrame);
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    // Inclusive: every distinct repository function on this sample's stack; the nearest is `via`.
    const seen = new Set<string>();
    let nearest: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = (byId.get(cur) as Profile['nodes'][number]).callFrame;
      if (!f.url.includes('/packages/') || f.url.includes('node_modules')) continue;
      const k = fnKey(f);
      if (seen.has(k)) continue;
      seen.add(k);
      nearest ??= k;
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
    if (nearest && nearest !== key) {
      const v = via.get(key) ?? new Map<string, number>();
      v.set(nearest, (v.get(nearest) ?? 0) + us);
      via.set(key, v);
    }
  }
  const busy = total - idle;
  const list = (m: Map<string, number>, key: 'module' | 'fn') =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ [key]: k, seconds: round(us / 1e6, 2), share: round(us / busy, 3) }));
  return {
    file,
    totalSeconds: round(total / 1e6, 2),
    idleSeconds: round(idle / 1e6, 2),
    gcSeconds: round(gc / 1e6, 2),
    programSeconds: round(program / 1e6, 2),
    selfByModule: list(byModule, 'module') as ProfileSummary['selfByModule'],
    selfByFunction: (list(byFn, 'fn') as ProfileSummary['selfByFunction']).map((x) => {
      const v = [...(via.get(x.fn) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])[0];
      return v ? { ...x, via: v[0] } : x;
    }),
    inclusiveRepoFunctions: list(inclusive, 'fn') as ProfileSummary['inclusiveRepoFunctions'],
  };
};
