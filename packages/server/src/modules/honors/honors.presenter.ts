import { COMMENDATION_LEVELS, COMMENDATION_TITLES, MEDAL50_STATUSES } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut, pageOf } from '../../platform/schemas.js';
import { nextEventSchema, workflowStepOut } from '../../platform/workflow.schema.js';
import { memberSchema } from '../members/member.presenter.js';
import type { CommendationRow } from './honors.service.js';

/** Where an eligible member's live medal case stands (a refused case is not live). */
export const medal50RefSchema = z.object({ id: idOut, year: z.number().int(), status: z.enum(MEDAL50_STATUSES) });

/** One member of the eligible list, with their live case. */
export const medal50MemberSchema = memberSchema
  .extend({ medal50: medal50RefSchema.nullable().meta({ description: '本人尚在办理或本年度已颁发的申报，无则为 null' }) })
  .meta({ id: 'Medal50Member' });

/** What the caller may do for members beneath the listed org. */
export const medal50AbilitiesSchema = z
  .object({
    canRecommend: z.boolean().meta({ description: '推荐：当前用户管理党员所在支部的上级乡镇（街道）或基层党委' }),
    canReview: z.boolean().meta({ description: '审核与颁发：当前用户管理旗县级以上党委' }),
  })
  .meta({ id: 'Medal50Abilities' });

/** The members eligible for 「光荣在党50年」 in a year under one org. */
export const medal50ListSchema = z
  .object({
    org: z.object({ id: idOut, name: z.string() }),
    year: z.number().int(),
    cutoff: dateOut.meta({ description: '符合条件的最晚转正日期：(年度 − 50)-07-01' }),
    items: z.array(medal50MemberSchema),
    total: countOut,
    abilities: medal50AbilitiesSchema,
  })
  .meta({ id: 'Medal50List' });

/** What a step of a case records: 推荐 a note; 审核 the verdict with the 纪检监察 opinion; 颁发 nothing more. */
export const medal50StepDataSchema = z.object({
  note: z.string().optional(),
  passed: z.boolean().optional(),
  disciplineOpinion: z.string().optional(),
  reason: z.string().optional(),
});
export type Medal50StepData = z.infer<typeof medal50StepDataSchema>;

/** One recorded step of a case: 1 推荐, 2 审核, 3 颁发. */
export const medal50StepSchema = workflowStepOut(medal50StepDataSchema).meta({ id: 'Medal50Step' });

/** A medal case with its log and what the reader may do next (from the workflow engine). */
export const medal50CaseSchema = z
  .object({
    id: idOut,
    memberId: idOut,
    memberName: z.string(),
    orgId: idOut,
    orgName: z.string(),
    year: z.number().int(),
    status: z.enum(MEDAL50_STATUSES),
    statusName: z.string(),
    steps: z.array(medal50StepSchema),
    next: z.array(nextEventSchema),
    abilities: z
      .object({ recommend: z.boolean().optional(), review: z.boolean().optional(), award: z.boolean().optional() })
      .meta({ description: '当前状态提供的各步骤，当前用户是否可以办理' }),
  })
  .meta({ id: 'Medal50Case' });
export type Medal50CaseOut = z.infer<typeof medal50CaseSchema>;

/** A page of medal cases. */
export const medal50CasePageSchema = pageOf(medal50CaseSchema);

/** One commendation: of a member (with the member's branch now) or of an org. */
export const commendationSchema = z
  .object({
    id: idOut,
    title: z.enum(COMMENDATION_TITLES),
    level: z.enum(COMMENDATION_LEVELS),
    year: z.number().int(),
    memberId: idOut.nullable(),
    memberName: z.string().nullable(),
    orgId: idOut.meta({ description: '党员的表彰为其所在党支部，组织的表彰为该组织' }),
    orgName: z.string(),
    conferredAt: dateOut,
    conferredBy: z.string().nullable(),
    documentNo: z.string().nullable(),
  })
  .meta({ id: 'Commendation' });
export type CommendationOut = z.infer<typeof commendationSchema>;

/** A member's honours: commendations, and the live medal case if any. */
export const memberHonorsSchema = z
  .object({ commendations: z.array(commendationSchema), medal50: medal50CaseSchema.nullable() })
  .meta({ id: 'MemberHonors' });

/** The API shape of a commendation: its org's path stays inside. */
export const presentCommendation = ({ path, ...c }: CommendationRow): CommendationOut => c;
