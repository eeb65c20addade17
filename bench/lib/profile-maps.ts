/**
 * Preloaded (`--enable-source-maps --import tsx --import bench/lib/profile-maps.ts`) into a server
 * run under `--cpu-prof`: tsx minifies whitespace and wraps names, so profile frames read
 * "(anonymous) file.ts:1:913". On exit this writes the source maps of every loaded repository
 * file to BENCH_SOURCE_MAPS, for lib/cpuprofile.ts to map frames back to functions and lines.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './proc.js';

const out = process.env.BENCH_SOURCE_MAPS;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });

if (out) {
  process.on('exit', () => {
    const maps: Record<string, unknown> = {};
    for (const pkg of readdirSync(path.join(REPO_ROOT, 'packages'))) {
      const src = path.join(REPO_ROOT, 'packages', pkg, 'src');
      let files: string[] = [];
      try {
        files = tsFiles(src);
      } catch {
        continue;
      }
      for (const f of files) {
        const url = pathToFileURL(f).href;
        const sm = findSourceMap(url);
        if (sm) maps[url] = sm.payload;
      }
    }
    writeFileSync(out, JSON.stringify(maps));
  });
}
