import { isMedal50Eligible, memberFactProblems } from '@jishi/domain';
import { describe, expect, it } from 'vitest';
import { buildMembers } from './members.js';
import { createRandom } from './random.js';
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
  it('has the 7,066 branches graded in 2021 (some closed since) and 319 schools', () => {
    const branches = all.filter((o) => ['branch', 'joint_branch', 'temporary_branch'].includes(o.type));
    expect(branches).toHaveLength(7066);
    expect(branches.filter((o) => o.closedAt).every((o) => (o.closedAt as string) > '2021-12-31')).toBe(true);
    expect(new Set(all.filter((o) => o.domain === 'school' && o.unit).map((o) => o.unit)).size).toBe(319);
  });
  it('is deterministic and has unique codes', () => {
    expect(flat(buildTongliaoTree(2021)).map((o) => o.name)).toEqual(all.map((o) => o.name));
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
  });
});

describe('Tongliao demo members', () => {
  const tree = buildTongliaoTree(2021);
  const branches = flat(tree)
    .filter((o) => ['branch', 'joint_branch', 'temporary_branch'].includes(o.type))
    .map((o, i) => ({ id: i + 1, domain: o.domain, region: o.code.slice(0, 6), path: String(i + 1) }));
  const members = [...buildMembers(createRandom(7), branches, '2026-11-26')];

  it('number about 160,000, with ~6,150 medal-eligible in 2021 (seed)', () => {
    expect(members.length).toBeGreaterThan(150_000);
    expect(members.length).toBeLessThan(170_000);
    const eligible = members.filter((m) =>
      isMedal50Eligible({ status: m.input.status, fullMemberAt: m.input.fullMemberAt ?? null, exitType: null }, 2021),
    );
    expect(Math.abs(eligible.length - 6150)).toBeLessThan(400);
  });

  it('every record passes the same checks as the API, with unique IDs', () => {
    const ids = new Set<string>();
    for (const m of members) {
      const { problems } = memberFactProblems(m.input, '2026-11-26');
      expect(problems, JSON.stringify(m.input)).toEqual([]);
      ids.add(m.input.idNumber);
    }
    expect(ids.size).toBe(members.length);
  });
});
