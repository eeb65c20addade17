import { describe, expect, it } from 'vitest';
import { buildTongliaoTree } from './tongliao.js';

type N = ReturnType<typeof buildTongliaoTree>;
const flat = (n: N): N[] => [n, ...n.children.flatMap(flat)];

describe('Tongliao demo tree (DOMAIN.md figures)', () => {
  const all = flat(buildTongliaoTree(2021));
  const villageTop = all.filter((o) => o.domain === 'village' && o.divisionCode?.length === 12);

  it('has the 2103 village-level and 248 community organizations of the real divisions', () => {
    expect(villageTop).toHaveLength(2103);
    expect(all.filter((o) => o.domain === 'community' && o.divisionCode?.length === 12)).toHaveLength(248);
  });
  it('has about 7,066 branches and 319 schools', () => {
    const branches = all.filter((o) => ['branch', 'joint_branch', 'temporary_branch'].includes(o.type)).length;
    expect(Math.abs(branches - 7066)).toBeLessThan(150);
    expect(new Set(all.filter((o) => o.domain === 'school' && o.unit).map((o) => o.unit)).size).toBe(319);
  });
  it('is deterministic and has unique codes', () => {
    expect(flat(buildTongliaoTree(2021)).map((o) => o.name)).toEqual(all.map((o) => o.name));
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
  });
});
