import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

describe('the Node the README promises', () => {
  it('runs every installed package: none declares a newer Node than the repository', () => {
    const promised = semver.minVersion(read('package.json').engines.node)?.version as string;
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`Node.js ≥ ${promised.replace(/\.0$/, '')}`);
    const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string }; optional?: boolean }> };
    const newer = Object.entries(lock.packages)
      .filter(
        ([name, p]) => name.includes('node_modules/') && !p.optional && p.engines?.node && !semver.satisfies(promised, p.engines.node),
      )
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} (node ${p.engines?.node})`);
    expect(newer).toEqual([]);
  });
});
