import { type Actor, can, parentPath } from '@jishi/domain';
import type { OrgRow } from './org.repo.js';

/** The API shape of an org, with the caller's abilities on it so the UI never re-derives rules. */
export const presentOrg = (actor: Actor, o: OrgRow, ancestors: { id: number; name: string }[] = []) => ({
  id: o.id,
  parentId: o.parentId,
  path: o.orgPath,
  name: o.name,
  code: o.code,
  type: o.type,
  domain: o.domain,
  divisionCode: o.divisionCode,
  foundedAt: o.foundedAt,
  unit: o.unit,
  unitsCovered: o.unitsCovered,
  closedAt: o.closedAt,
  closeReason: o.closeReason,
  childCount: o.childCount,
  ancestors,
  abilities: {
    canManage: can(actor, 'org.manage', o),
    // Moving or closing an org is its parent's decision: the caller must manage the parent too.
    canRestructure: o.parentId !== null && can(actor, 'org.manage', { orgPath: parentPath(o.orgPath) }),
    // What the caller may do within this org, per module: the pages offer only these.
    canManageMembers: can(actor, 'member.manage', o),
    canRecordMeetings: can(actor, 'meeting.manage', o),
    canManageDues: can(actor, 'dues.manage', o),
    canRecordCommittee: can(actor, 'org.committee', o),
    canRegisterApplicants: can(actor, 'development.manage', o),
    canCommend: can(actor, 'honor.manage', o),
    canTransfer: can(actor, 'transfer.manage', o),
    canOrganizeEvaluations: can(actor, 'evaluation.manage', o),
  },
});
