import { type OrgFacts, rankingUnitOf } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/index.js';
import { pinyinKey } from '../../platform/pinyin.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { insertOrgs, nextOrgIds } from '../orgs/org.repo.js';
import { rankingUnitSql } from './evaluation.read.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('the unit an entry ranks within: SQL equals the domain rule', () => {
  it('a village branch ranks in its 苏木 past the village committee; a 机关 branch within its parent', async () => {
    // city → county → township → village committee → branch; city → 机关工委 → 机关党委 → branch.
    const spec: [string, number | null, string, string, string, string | null][] = [
      ['市委', null, 'committee', 'mixed', 'T1', '150500'],
      ['旗委', 0, 'committee', 'mixed', 'T2', '150521'],
      ['苏木党委', 1, 'committee', 'mixed', 'T3', '150521101'],
      ['嘎查党委', 2, 'committee', 'village', 'T4', '150521101001'],
      ['嘎查第一党支部', 3, 'branch', 'village', 'T5', null],
      ['市直机关工委', 0, 'working_committee', 'organ', 'T6', null],
      ['某局机关党委', 5, 'committee', 'organ', 'T7', null],
      ['某局第一党支部', 6, 'branch', 'organ', 'T8', null],
    ];
    const ids = await nextOrgIds(h.deps.db, spec.length);
    const paths: string[] = [];
    spec.forEach(([, parent], i) => {
      paths[i] = parent === null ? String(ids[i]) : `${paths[parent]}.${ids[i]}`;
    });
    await insertOrgs(
      h.deps.db,
      spec.map(([name, parent, type, domain, code, divisionCode], i) => ({
        id: ids[i] as number,
        parentId: parent === null ? null : (ids[parent] as number),
        path: paths[i] as string,
        name,
        code: `${code}-${process.pid}`,
        type: type as never,
        domain: domain as never,
        divisionCode,
        foundedAt: '2000-01-01',
        pinyin: pinyinKey(name),
      })),
    );
    const all = await rows<OrgFacts & { unit: number | null }>(
      h.deps.db,
      sql`select o.id, o.name, o.path::text as path, o.type, o.domain, o.division_code as "divisionCode", ${rankingUnitSql} as unit
          from org o where o.id = any(${`{${ids.join(',')}}`}::int[]) order by o.id`,
    );
    const byPath = new Map(all.map((o) => [o.path, o]));
    for (const o of all.filter((x) => x.path.includes('.'))) {
      const parts = o.path.split('.');
      // Nearest first, the org itself excluded.
      const ancestors = parts
        .slice(0, -1)
        .map((_, i) => byPath.get(parts.slice(0, i + 1).join('.')) as OrgFacts)
        .reverse();
      expect(o.unit, o.name).toBe(rankingUnitOf(ancestors)?.id);
    }
    const unit = (name: string) => all.find((o) => o.id === all.find((x) => x.name === name)?.unit)?.name;
    expect(unit('嘎查第一党支部')).toBe('苏木党委');
    expect(unit('某局第一党支部')).toBe('某局机关党委');
  });
});
