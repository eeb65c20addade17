import { type Actor, can, MEETING_STATUSES, MEETING_TYPES, ORG_TYPES } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut, instantOut, pageOf } from '../../platform/schemas.js';
import type { AttachmentRow } from './meeting.files.js';
import type { AttendeeRow, MeetingRow } from './meeting.service.js';

/** An org named in an answer. */
const orgNameSchema = z.object({ id: idOut, name: z.string() });

/** A meeting as the lists show it, with what this reader may do with it. */
export const meetingSchema = z
  .object({
    id: idOut,
    orgId: idOut,
    orgName: z.string(),
    type: z.enum(MEETING_TYPES),
    status: z.enum(MEETING_STATUSES),
    date: dateOut,
    place: z.string().nullable(),
    host: z.string().nullable(),
    topic: z.string().nullable(),
    minutes: z.string().nullable(),
    decisions: z.string().nullable(),
    shouldAttend: countOut.nullable().meta({ description: '应到人数；未登记到会情况（或仅计划）时为空' }),
    present: countOut.nullable().meta({ description: '实到人数' }),
    quorumProblem: z.string().nullable().meta({ description: '会议无效的原因（未达到法定人数），不计入组织生活完成情况' }),
    groupId: idOut.nullable().meta({ description: '党小组会所属的党小组' }),
    attachments: countOut.meta({ description: '附件数' }),
    abilities: z.object({ canManage: z.boolean().meta({ description: '可登记为已召开、上传附件' }) }),
  })
  .meta({ id: 'Meeting' });
export type MeetingOut = z.infer<typeof meetingSchema>;

/** One person recorded at a meeting: present, or absent with the reason. */
export const meetingPersonSchema = z
  .object({ memberId: idOut, name: z.string(), present: z.boolean(), absenceReason: z.string().nullable() })
  .meta({ id: 'MeetingPerson' });

/** A sign-in sheet photo or a PDF kept with a meeting. */
export const attachmentSchema = z
  .object({
    id: idOut,
    meetingId: idOut,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: countOut,
    createdAt: instantOut,
  })
  .meta({ id: 'Attachment' });

/** A meeting with who was there and its files. */
export const meetingDetailSchema = meetingSchema
  .extend({ people: z.array(meetingPersonSchema), files: z.array(attachmentSchema) })
  .meta({ id: 'MeetingDetail' });

/** The API shape of a meeting, with the caller's abilities on it. */
export const presentMeeting = (actor: Actor, { orgPath, ...m }: MeetingRow): MeetingOut => ({
  ...m,
  abilities: { canManage: can(actor, 'meeting.manage', { orgPath }) },
});

/** The API shape of a kept file. */
export const presentAttachment = (a: AttachmentRow): z.infer<typeof attachmentSchema> => ({
  id: a.id,
  meetingId: a.meetingId,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  createdAt: a.createdAt.toISOString(),
});

/** A meeting with its people and files. */
export const presentMeetingDetail = (
  actor: Actor,
  m: MeetingRow,
  people: AttendeeRow[],
  files: AttachmentRow[],
): z.infer<typeof meetingDetailSchema> => ({ ...presentMeeting(actor, m), people, files: files.map(presentAttachment) });

/** One rule an org breaks in a period, with its fixed code (ARCHITECTURE.md public API). */
export const complianceFindingSchema = z
  .object({
    code: z.string().meta({ description: '固定代码，如 meeting.committee.missing、term.overdue' }),
    period: z.string().meta({ description: '2026-08、2026-Q3 或 2026' }),
    message: z.string(),
    groupId: idOut.optional().meta({ description: '党小组会问题所属的党小组' }),
    count: countOut.optional().meta({ description: '问题涉及的人数（如欠交党费的党员）' }),
  })
  .meta({ id: 'ComplianceFinding' });

/** What an org owes for a year, computed live. */
export const orgComplianceSchema = z
  .object({
    org: orgNameSchema,
    year: z.number().int(),
    meetingsRequired: countOut.meta({ description: '截至今日已结束的周期内应开的会议数' }),
    meetingsOwed: countOut.meta({ description: '其中应开未开的会议数' }),
    items: z.array(complianceFindingSchema),
  })
  .meta({ id: 'OrgCompliance' });

/** One row of a township roll-up: an org (the one asked about, or a child) counted over its subtree. */
export const complianceRollupSchema = z
  .object({
    orgId: idOut,
    name: z.string(),
    type: z.enum(ORG_TYPES),
    branches: countOut,
    branchesBehind: countOut.meta({ description: '有应开未开会议的党支部数' }),
    meetingsRequired: countOut,
    meetingsOwed: countOut,
    termsOverdue: countOut,
    termsDueSoon: countOut,
    termsUnrecorded: countOut,
    setupProblems: countOut,
    duesLapse: countOut.meta({ description: '有党员连续6个月以上未交党费的组织数' }),
  })
  .meta({ id: 'ComplianceRollup' });
export type ComplianceRollupOut = z.infer<typeof complianceRollupSchema>;

/** The roll-up of the snapshots: the org itself first, then its children. */
export const complianceSummarySchema = z
  .object({
    org: orgNameSchema,
    year: z.number().int(),
    asOf: dateOut.nullable().meta({ description: '扫描结果的日期；尚未扫描时为空' }),
    items: z.array(complianceRollupSchema),
  })
  .meta({ id: 'ComplianceSummary' });

/** A branch with findings in the snapshot. */
export const branchComplianceSchema = z
  .object({
    orgId: idOut,
    name: z.string(),
    parentName: z.string().nullable(),
    meetingsRequired: countOut,
    meetingsOwed: countOut,
    findings: z.array(complianceFindingSchema),
  })
  .meta({ id: 'BranchCompliance' });
export type BranchComplianceOut = z.infer<typeof branchComplianceSchema>;

export const branchCompliancePageSchema = pageOf(branchComplianceSchema);
