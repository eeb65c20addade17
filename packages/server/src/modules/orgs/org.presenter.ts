import { type Actor, can, ORG_DOMAINS, ORG_TYPES, parentPath } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';
import type { OrgRow } from './org.repo.js';

/** An ancestor of an org, for breadcrumbs. */
export const orgAncestorSchema = z.object({ id: idOut, name: z.string() }).meta({ id: 'OrgAncestor' });

/** An org as the API presents it, with the caller's abilities on it so the UI never re-derives rules. */
export const orgSchema = z
  .object({
    id: idOut,
    parentId: idOut.nullable(),
    path: z.string().meta({ description: '物化路径（自根节点起的编号，如 1.4.17）' }),
    name: z.string(),
    code: z.string(),
    type: z.enum(ORG_TYPES),
    domain: z.enum(ORG_DOMAINS),
    divisionCode: z.string().nullable(),
    foundedAt: dateOut.nullable(),
    unit: z.string().nullable(),
    unitsCovered: z.number().int().nullable().meta({ description: '联合党支部覆盖的单位数' }),
    closedAt: dateOut.nullable(),
    closeReason: z.string().nullable(),
    childCount: countOut,
    ancestors: z.array(orgAncestorSchema).meta({ description: '自根节点至上级（详情与搜索结果带有）' }),
    abilities: z
      .object({
        canManage: z.boolean(),
        canRestructure: z.boolean().meta({ description: '可移动或撤销（须能管理其上级）' }),
        canManageMembers: z.boolean(),
        canRecordMeetings: z.boolean(),
        canManageDues: z.boolean(),
        canRecordCommittee: z.boolean(),
        canRegisterApplicants: z.boolean(),
        canCommend: z.boolean(),
        canTransfer: z.boolean(),
        canOrganizeEvaluations: z.boolean(),
      })
      .meta({ description: '当前用户在本组织内可做的事（按模块），页面据此提供操作' }),
  })
  .meta({ id: 'Org' });
export type OrgOut = z.infer<typeof orgSchema>;

/** An open branch found by code: just enough to confirm a transfer's receiving side. */
export const orgRefSchema = z.object({ id: idOut, name: z.string(), code: z.string() }).meta({ id: 'OrgRef' });

/** The API shape of an org, with the caller's abilities on it. */
export const presentOrg = (actor: Actor, o: OrgRow, ancestors: { id: number; name: string }[] = []): OrgOut => ({
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
