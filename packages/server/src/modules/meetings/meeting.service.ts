import {
  type Actor,
  DomainError,
  hasVoteOn,
  inOfficeOn,
  type MeetingCreate,
  type MeetingHold,
  type MeetingStatus,
  type MeetingType,
  meetingDateProblem,
  onRollOn,
  quorumProblem,
} from '@jishi/domain';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows, schema } from '../../platform/db/index.js';
import { findOrg } from '../orgs/org.repo.js';

const { meeting, meetingAttendee, member, partyGroup } = schema;

/** A meeting as read, with its org (name, and path for the scope check) and the count of its files. */
export interface MeetingRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  type: MeetingType;
  status: MeetingStatus;
  date: string;
  place: string | null;
  host: string | null;
  topic: string | null;
  minutes: string | null;
  decisions: string | null;
  shouldAttend: number | null;
  present: number | null;
  quorumProblem: string | null;
  groupId: number | null;
  attachments: number;
}

const SELECT = sql`select g.id, g.org_id as "orgId", o.name as "orgName", o.path::text as "orgPath", g.type, g.status,
  to_char(g.date, 'YYYY-MM-DD') as date, g.place, g.host, g.topic, g.minutes, g.decisions, g.should_attend as "shouldAttend",
  g.present, g.quorum_problem as "quorumProblem", g.group_id as "groupId",
  (select count(*)::int from attachment a where a.meeting_id = g.id) as attachments
  from meeting g join org o on o.id = g.org_id`;

const findMeetings = (q: Q, where: SQL, limit = 1000) =>
  rows<MeetingRow>(q, sql`${SELECT} where ${where} order by g.date desc, g.id desc limit ${limit}`);

/** One meeting, or undefined. */
export const findMeeting = async (q: Q, id: number): Promise<MeetingRow | undefined> => (await findMeetings(q, sql`g.id = ${id}`))[0];

/** An org's meetings (optionally of one year and one type), newest first. */
export const findOrgMeetings = (q: Q, orgId: number, filter: { year?: number; type?: MeetingType }) =>
  findMeetings(
    q,
    sql.join(
      [
        sql`g.org_id = ${orgId}`,
        filter.year ? sql`g.date >= ${`${filter.year}-01-01`}::date and g.date <= ${`${filter.year}-12-31`}::date` : sql`true`,
        filter.type ? sql`g.type = ${filter.type}` : sql`true`,
      ],
      sql` and `,
    ),
  );

/**
 * Checks a meeting of an org the actor manages. Attendees and absentees must be on the org's roll
 * on the day. A held 党员大会 counts its quorum against the members with a vote (正式党员): one
 * below half is kept with the reason and does not count in the compliance calendar.
 */
const prepare = async (q: Q, actor: Actor, input: MeetingCreate, today: string) => {
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'meeting.manage', o, '党组织');
  const dateProblem = meetingDateProblem(input.status, input.date, today);
  if (dateProblem) throw new DomainError('INVALID_INPUT', dateProblem, { field: 'date' });
  // The org's members with their dates; who was on the roll and who had a vote are the domain's rules.
  const members = await q
    .select({ id: member.id, joinedAt: member.joinedAt, exitAt: member.exitAt, fullMemberAt: member.fullMemberAt })
    .from(member)
    .where(eq(member.orgId, o.id));
  const roll = members.filter((m) => onRollOn(m, input.date)).map((m) => ({ id: m.id, full: hasVoteOn(m, input.date) }));
  const onRoll = new Map(roll.map((m) => [m.id, m]));
  const attendees = input.attendeeIds ?? [];
  const absences = input.absences ?? [];
  for (const [field, ids] of [
    ['attendeeIds', attendees],
    ['absences', absences.map((a) => a.memberId)],
  ] as const) {
    const stranger = ids.find((id) => !onRoll.has(id));
    if (stranger !== undefined) throw new DomainError('INVALID_INPUT', `有人员不在「${o.name}」会议当日的党员名册中`, { field });
  }
  if (input.type === 'group') {
    const [g] = await q
      .select({ id: partyGroup.id })
      .from(partyGroup)
      .where(and(eq(partyGroup.id, input.groupId ?? 0), eq(partyGroup.orgId, o.id), isNull(partyGroup.closedAt)));
    if (!g) throw new DomainError('INVALID_INPUT', `请选择「${o.name}」的党小组`, { field: 'groupId' });
  } else if (input.groupId !== undefined) {
    throw new DomainError('INVALID_INPUT', '只有党小组会需要选择党小组', { field: 'groupId' });
  }
  // A 支委会 counts its quorum against the committee in office on the day, once one is recorded.
  const committee =
    input.type === 'committee'
      ? (
          await rows<{ memberId: number; electedAt: string; endedAt: string | null }>(
            q,
            sql`select cm.member_id as "memberId", to_char(c.elected_at, 'YYYY-MM-DD') as "electedAt", to_char(c.ended_at, 'YYYY-MM-DD') as "endedAt"
                from committee c join committee_member cm on cm.committee_id = c.id where c.org_id = ${o.id} and c.kind = 'committee'`,
          )
        ).filter((c) => inOfficeOn(c, input.date))
      : [];
  let shouldAttend: number | null = null;
  let present: number | null = null;
  let problem: string | null = null;
  if (input.status === 'held' && input.type === 'general_assembly') {
    shouldAttend = roll.filter((m) => m.full).length;
    present = attendees.filter((id) => onRoll.get(id)?.full).length;
    problem = quorumProblem('general_assembly', { shouldAttend, present });
  } else if (input.status === 'held' && committee.length > 0) {
    const seats = new Set(committee.map((c) => c.memberId));
    shouldAttend = seats.size;
    present = attendees.filter((id) => seats.has(id)).length;
    problem = quorumProblem('committee', { shouldAttend, present });
  } else if (input.status === 'held' && attendees.length > 0) {
    present = attendees.length;
    shouldAttend = attendees.length + absences.length;
  }
  return { o, attendees, absences, shouldAttend, present, problem };
};

/** Who was there (the compliance snapshots learn of the meeting by trigger: migration 0023). */
const recordPeople = async (q: Q, id: number, p: Awaited<ReturnType<typeof prepare>>) => {
  const people = [
    ...p.attendees.map((memberId) => ({ meetingId: id, memberId, present: true, absenceReason: null })),
    ...p.absences.map((a) => ({ meetingId: id, memberId: a.memberId, present: false, absenceReason: a.reason })),
  ];
  if (people.length > 0) await q.insert(meetingAttendee).values(people);
};

/** Records a planned or held meeting. */
export const createMeeting = async (q: Q, actor: Actor, input: MeetingCreate, today: string) => {
  const p = await prepare(q, actor, input, today);
  const { o, shouldAttend, present, problem } = p;
  const [created] = await q
    .insert(meeting)
    .values({
      orgId: o.id,
      type: input.type,
      status: input.status,
      date: input.date,
      place: input.place ?? null,
      host: input.host ?? null,
      topic: input.topic ?? null,
      minutes: input.minutes ?? null,
      decisions: input.decisions ?? null,
      shouldAttend,
      present,
      quorumProblem: problem,
      groupId: input.groupId ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: meeting.id });
  const id = created?.id as number;
  await recordPeople(q, id, p);
  return (await findMeeting(q, id)) as MeetingRow;
};

/**
 * Records a planned meeting as held, with the same checks as a new one. Only a planned meeting
 * can be; of two concurrent recordings exactly one wins (the row is locked).
 */
export const holdMeeting = async (q: Q, actor: Actor, id: number, input: MeetingHold, today: string) => {
  const [planned] = await q
    .select({ orgId: meeting.orgId, type: meeting.type, status: meeting.status, groupId: meeting.groupId })
    .from(meeting)
    .where(eq(meeting.id, id))
    .for('update');
  const full: MeetingCreate = {
    ...input,
    orgId: planned?.orgId ?? 0,
    type: planned?.type ?? 'theme_day',
    status: 'held',
    groupId: planned?.groupId ?? undefined,
  };
  if (!planned) throw new DomainError('NOT_FOUND', '会议记录不存在或不在您的管理范围内');
  const p = await prepare(q, actor, full, today);
  if (planned.status !== 'planned') throw new DomainError('CONFLICT', '该会议已登记为已召开，不能重复登记');
  await q
    .update(meeting)
    .set({
      status: 'held',
      date: full.date,
      place: full.place ?? null,
      host: full.host ?? null,
      topic: full.topic ?? null,
      minutes: full.minutes ?? null,
      decisions: full.decisions ?? null,
      shouldAttend: p.shouldAttend,
      present: p.present,
      quorumProblem: p.problem,
    })
    .where(eq(meeting.id, id));
  await recordPeople(q, id, p);
  return (await findMeeting(q, id)) as MeetingRow;
};

/** One person recorded at a meeting. */
export interface AttendeeRow {
  memberId: number;
  name: string;
  present: boolean;
  absenceReason: string | null;
}

/** Who was there and who was not (with the reason), present first. */
export const findAttendees = (q: Q, meetingId: number) =>
  rows<AttendeeRow>(
    q,
    sql`select a.member_id as "memberId", m.name, a.present, a.absence_reason as "absenceReason"
        from meeting_attendee a join member m on m.id = a.member_id where a.meeting_id = ${meetingId} order by a.present desc, m.pinyin`,
  );
