import { COMMITTEE_KINDS, COMMITTEE_POSTS } from '@jishi/domain';
import { z } from 'zod';
import { dateOut, idOut } from '../../platform/schemas.js';

/** One elected member and the post held. */
export const committeeSeatSchema = z
  .object({ memberId: idOut, name: z.string(), post: z.enum(COMMITTEE_POSTS) })
  .meta({ id: 'CommitteeSeat' });

/** One election: who was elected, when, and any approved advance (<0) or delay (>0) of the next 换届. */
export const committeeSchema = z
  .object({
    id: idOut,
    kind: z.enum(COMMITTEE_KINDS).meta({ description: '设立支部委员会，或不设支委会只设书记（副书记）' }),
    electedAt: dateOut,
    endedAt: dateOut.nullable().meta({ description: '被下一届取代之日；现任为空' }),
    adjustmentMonths: z.number().int().meta({ description: '经上级批准提前（负数）或延期（正数）换届的月数' }),
    adjustmentReason: z.string().nullable(),
    members: z.array(committeeSeatSchema),
  })
  .meta({ id: 'Committee' });
export type CommitteeOut = z.infer<typeof committeeSchema>;

/** Where a term stands on a day: when it ends, and the finding once it is due soon or overdue. */
export const termStatusSchema = z
  .object({
    endsAt: dateOut,
    status: z.enum(['ok', 'due_soon', 'overdue']),
    finding: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'TermStatus' });

/** The committee in office, with where its term stands today. */
export const currentCommitteeSchema = committeeSchema.extend({ term: termStatusSchema }).meta({ id: 'CurrentCommittee' });

/** An org's leadership: the committee in office and the earlier ones, newest first. */
export const committeeOverviewSchema = z
  .object({ current: currentCommitteeSchema.nullable(), history: z.array(committeeSchema) })
  .meta({ id: 'CommitteeOverview' });
export type CommitteeOverviewOut = z.infer<typeof committeeOverviewSchema>;

/** A 党小组 with its 组长. */
export const partyGroupSchema = z
  .object({ id: idOut, name: z.string(), leaderId: idOut.nullable(), leaderName: z.string().nullable() })
  .meta({ id: 'PartyGroup' });
export type PartyGroupOut = z.infer<typeof partyGroupSchema>;

/** What `GET /orgs/:id/committee` answers: the leadership and the org's 党小组. */
export const orgLeadershipSchema = committeeOverviewSchema.extend({ groups: z.array(partyGroupSchema) }).meta({ id: 'OrgLeadership' });

/** A 党小组 just set up, with the org's groups now. */
export const groupCreatedSchema = z.object({ id: idOut, groups: z.array(partyGroupSchema) });
