import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertMayParent, assertNoCycle, childPath, mayParent, rankingUnitOf } from './org.rules.js';
import { ORG_TYPE_LABELS, orgCreateSchema } from './org.schema.js';

describe('org nesting (支部工作条例 第五条)', () => {
  it('a branch has no sub-organizations', () => {
    expect(mayParent('branch', 'branch')).toBe(false);
    expect(mayParent('joint_branch', 'branch')).toBe(false);
  });
  it('a general branch holds branches only', () => {
    expect(mayParent('general_branch', 'branch')).toBe(true);
    expect(mayParent('general_branch', 'general_branch')).toBe(false);
    expect(mayParent('general_branch', 'committee')).toBe(false);
  });
  it('a committee holds anything', () => {
    expect(mayParent('committee', 'committee')).toBe(true);
    expect(mayParent('working_committee', 'branch')).toBe(true);
  });
  it('the refusal names both types in Chinese', () => {
    expect(() => assertMayParent('branch', 'branch', ORG_TYPE_LABELS)).toThrow(/党支部下不能设立党支部/);
  });
});

describe('org moves', () => {
  it.each([
    ['1.2', '1.2', true],
    ['1.2', '1.2.3', true],
    ['1.2', '1.3', false],
    ['1.2', '1.20', false],
    ['1.2', '1', false],
  ])('moving %s under %s is a cycle: %s', (org, parent, cycle) => {
    const run = () => assertNoCycle(org, parent);
    if (cycle) expect(run).toThrow(DomainError);
    else expect(run).not.toThrow();
  });
  it('builds child paths', () => {
    expect(childPath(null, 1)).toBe('1');
    expect(childPath('1.2', 7)).toBe('1.2.7');
  });
});

describe('org input', () => {
  const base = { parentId: 1, name: '某党支部', code: 'A-1', type: 'branch', domain: 'village' };
  it('accepts a valid org', () => {
    expect(orgCreateSchema.safeParse(base).success).toBe(true);
  });
  it.each([
    [{ foundedAt: '2021-02-29' }, 'foundedAt'],
    [{ foundedAt: '2021-2-1' }, 'foundedAt'],
    [{ code: '代码' }, 'code'],
    [{ name: '  ' }, 'name'],
    [{ divisionCode: '15050' }, 'divisionCode'],
    [{ type: 'club' }, 'type'],
  ])('refuses %j at %s', (patch, field) => {
    const r = orgCreateSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe('field labels', () => {
  it('names fields in Chinese with the path kept', async () => {
    const { fieldLabel } = await import('../field-labels.js');
    expect(fieldLabel('foundedAt')).toBe('成立日期（foundedAt）');
    expect(fieldLabel('grants.0.orgId')).toBe('权限第1项·党组织（grants.0.orgId）');
    expect(fieldLabel('whatever')).toBe('whatever');
  });
});

describe('rankingUnitOf (乡镇内排名)', () => {
  const town = { id: 3, divisionCode: '150521101' };
  const county = { id: 2, divisionCode: '150521' };
  it('ranks a village branch within its township, past the village’s own committee', () => {
    expect(rankingUnitOf([{ id: 4, divisionCode: '150521101001' }, town, county])).toBe(town);
  });
  it('ranks an org outside the township tree within its parent', () => {
    const organ = { id: 7, divisionCode: null };
    expect(rankingUnitOf([organ, { id: 6, divisionCode: null }, { id: 1, divisionCode: '150500' }])).toBe(organ);
  });
});
