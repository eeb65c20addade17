import { z } from 'zod';
import { dateString, recordId } from '../org/org.schema.js';
import { MEETING_STATUSES, MEETING_TYPES } from './meeting.rules.js';

const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`).optional();

const meetingFields = z.object({
  orgId: recordId,
  type: z.enum(MEETING_TYPES, { message: '会议类型无效' }),
  status: z.enum(MEETING_STATUSES, { message: '状态只能是计划或已召开' }).default('held'),
  date: dateString,
  place: text(100),
  host: text(40),
  topic: text(200),
  minutes: text(20_000),
  decisions: text(5_000),
  /** The 党小组 of a 党小组会. */
  groupId: recordId.optional(),
  /** Members present (from the roll of the org). */
  attendeeIds: z.array(recordId).max(2_000).optional(),
  /** Members absent, each with the reason (请假、外出务工 …). */
  absences: z
    .array(z.object({ memberId: recordId, reason: z.string().trim().min(1, '请填写缺席原因').max(100) }))
    .max(2_000)
    .optional(),
});

type People = { attendeeIds?: number[]; absences?: { memberId: number }[] };
const checkPeople = <T extends z.ZodType<People>>(schema: T) =>
  schema
    .refine((m) => new Set(m.attendeeIds ?? []).size === (m.attendeeIds ?? []).length, { message: '到会人员有重复', path: ['attendeeIds'] })
    .refine((m) => !(m.absences ?? []).some((a) => (m.attendeeIds ?? []).includes(a.memberId)), {
      message: '同一人不能既到会又缺席',
      path: ['absences'],
    });

/** `POST /meetings` (ARCHITECTURE.md public API): a planned or held meeting with who attended. */
export const meetingCreateSchema = checkPeople(meetingFields);
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

/** A planned meeting recorded as held: what happened, on the day it happened. */
export const meetingHoldSchema = checkPeople(meetingFields.omit({ orgId: true, type: true, status: true, groupId: true }));
export type MeetingHold = z.infer<typeof meetingHoldSchema>;

/**
 * Files kept with a meeting: photos of the sign-in sheet and PDFs of minutes. The server sniffs the
 * bytes, not the name or the browser's claim.
 */
export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perMeeting: 20, fileName: 120 } as const;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
