import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  grantableRoles,
  grantConflict,
  officerAccountRefusal,
  ROLE_ACTIONS,
  ROLES,
  type Role,
  scopesFor,
} from './access.js';

// A small tree: city 1 → county 2 → towns 3, 4; another county 5 → town 6.
const PLACES = {
  own: '1.2.3',
  descendant: '1.2.3.30',
  ancestor: '1.2',
  sibling: '1.2.4',
  otherCounty: '1.5.6',
} as const;

const actorWith = (role: Role, orgPath: string = PLACES.own): Actor => ({
  userId: 1,
  username: 'u',
  grants: [{ role, orgId: 3, orgPath }],
});

describe('can: role × action × place (source: ARCHITECTURE.md Scope)', () => {
  const rows: [Role, Action, keyof typeof PLACES, boolean][] = [];
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      for (const place of Object.keys(PLACES) as (keyof typeof PLACES)[]) {
        const inSubtree = place === 'own' || place === 'descendant';
        rows.push([role, action, place, inSubtree && ROLE_ACTIONS[role].includes(action)]);
      }
    }
  }
  it.each(rows)('%s %s at %s → %s', (role, action, place, expected) => {
    expect(can(actorWith(role), action, { orgPath: PLACES[place] })).toBe(expected);
  });

  it('a path that merely shares a prefix is not inside', () => {
    expect(can(actorWith('org_admin', '1.2'), 'org.read', { orgPath: '1.20' })).toBe(false);
  });

  it('sysadmin reads no Party organizations, auditor only the audit log', () => {
    expect(can(actorWith('sysadmin', '1'), 'org.read', { orgPath: '1.2' })).toBe(false);
    expect(can(actorWith('auditor', '1'), 'org.read', { orgPath: '1.2' })).toBe(false);
    expect(can(actorWith('auditor', '1'), 'audit.read', { orgPath: '1' })).toBe(true);
  });
});

describe('one action family per module (ARCHITECTURE.md Permissions)', () => {
  it('meetings, dues, development, transfers and honours are not guarded by the member roll', () => {
    for (const a of ['meeting.manage', 'dues.manage', 'development.manage', 'transfer.manage', 'honor.manage', 'org.committee'] as const) {
      expect(ROLE_ACTIONS.branch_admin).toContain(a);
    }
    // A branch approves nothing of its own development and organizes no evaluation (基层党委 does).
    expect(ROLE_ACTIONS.branch_admin).not.toContain('development.approve');
    expect(ROLE_ACTIONS.branch_admin).not.toContain('evaluation.manage');
    expect(ROLE_ACTIONS.org_admin).toContain('development.approve');
  });

  it('a grid worker works cases, a member sees the branch and its meetings, and neither reads the roll', () => {
    expect(ROLE_ACTIONS.grid_worker).toEqual(expect.arrayContaining(['case.read', 'case.handle', 'grid.read']));
    expect(ROLE_ACTIONS.member).toEqual(['org.read', 'meeting.read']);
    expect(ROLE_ACTIONS.grid_worker).not.toContain('member.read');
    expect(ROLE_ACTIONS.member).not.toContain('member.read');
  });

  it('every action belongs to one family and is held by some role; only the system administrator runs jobs', () => {
    for (const a of ACTIONS) {
      expect(a).toMatch(/^[a-z]+\.[a-z]+$/);
      expect(ROLES.some((r) => ROLE_ACTIONS[r].includes(a))).toBe(true);
    }
    expect(ROLES.filter((r) => ROLE_ACTIONS[r].includes('job.run'))).toEqual(['sysadmin']);
  });
});

describe('scopesFor', () => {
  it('folds nested grants into the ancestor and drops roles without the action', () => {
    const actor: Actor = {
      userId: 1,
      username: 'u',
      grants: [
        { role: 'org_admin', orgId: 2, orgPath: '1.2' },
        { role: 'org_admin', orgId: 3, orgPath: '1.2.3' },
        { role: 'member', orgId: 6, orgPath: '1.5.6' },
      ],
    };
    expect(scopesFor(actor, 'org.manage')).toEqual(['1.2']);
    expect(scopesFor(actor, 'org.read').sort()).toEqual(['1.2', '1.5.6']);
    expect(scopesFor(actor, 'audit.read')).toEqual([]);
  });
});

describe('三员分立 (GB/T 22239-2019 8.1.4.2 access control: separation of duties)', () => {
  it.each<[Role[], boolean]>([
    [['sysadmin'], false],
    [['sysadmin', 'auditor'], true],
    [['secadmin', 'auditor'], true],
    [['sysadmin', 'secadmin'], true],
    [['auditor', 'org_admin'], true],
    [['org_admin', 'branch_admin'], false],
    [['sysadmin', 'sysadmin'], false],
  ])('%j conflicts: %s', (roles, conflicts) => {
    expect(grantConflict(roles) !== null).toBe(conflicts);
  });

  it('org admins grant business roles only; secadmin grants all', () => {
    expect(grantableRoles(['org_admin'])).not.toContain('auditor');
    expect(grantableRoles(['org_admin'])).toContain('branch_admin');
    expect(grantableRoles(['secadmin'])).toContain('auditor');
    expect(grantableRoles(['sysadmin'])).toEqual([]);
  });
});

describe('officer accounts (三员分立)', () => {
  it.each<[Role[], Role[], 'manage' | 'reset_password', boolean]>([
    [['org_admin'], ['branch_admin'], 'reset_password', true],
    [['org_admin'], ['auditor'], 'manage', false],
    [['secadmin'], ['auditor'], 'manage', true],
    [['sysadmin'], ['secadmin'], 'manage', true],
    [['sysadmin'], ['sysadmin'], 'manage', false],
    [['secadmin'], ['auditor'], 'reset_password', false],
    [['sysadmin'], ['secadmin'], 'reset_password', false],
  ])('%j on %j (%s) allowed: %s', (actor, target, op, allowed) => {
    expect(officerAccountRefusal(actor, target, op) === null).toBe(allowed);
  });
});
