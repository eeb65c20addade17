import { type Actor, ATTACHMENT_LIMITS, DomainError } from '@jishi/domain';
import { asc, count, eq } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, schema } from '../../platform/db/index.js';
import { readStoredFile, storeFile } from '../../platform/files.js';
import { findOrgRef } from '../orgs/org.repo.js';

const { attachment, meeting } = schema;

/** The columns of a kept file that an answer shows (never where it is stored). */
const ATTACHMENT = {
  id: attachment.id,
  meetingId: attachment.meetingId,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  sizeBytes: attachment.sizeBytes,
  createdAt: attachment.createdAt,
};

export interface AttachmentRow {
  id: number;
  meetingId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The meeting and its org, for a scope check: out of scope is the same 404 as missing. */
export const meetingOrg = async (q: Q, actor: Actor, meetingId: number, action: 'meeting.read' | 'meeting.manage') => {
  const [m] = await q.select({ orgId: meeting.orgId }).from(meeting).where(eq(meeting.id, meetingId));
  const o = m && (await findOrgRef(q, m.orgId));
  authorize(actor, action, o, '会议记录');
  return o;
};

/** The files kept with a meeting, oldest first. */
export const findAttachments = (q: Q, meetingId: number): Promise<AttachmentRow[]> =>
  q.select(ATTACHMENT).from(attachment).where(eq(attachment.meetingId, meetingId)).orderBy(asc(attachment.id));

/**
 * Keeps a sign-in sheet photo or a PDF with a meeting (type sniffed, size-limited, stored under the
 * files dir); the name is as `uploadedFile` cleaned it.
 */
export const attachFile = async (q: Q, actor: Actor, filesDir: string, meetingId: number, file: { bytes: Buffer; fileName: string }) => {
  await meetingOrg(q, actor, meetingId, 'meeting.manage');
  // Lock the meeting so two uploads cannot both pass the per-meeting limit.
  await q.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, meetingId)).for('update');
  const [n] = await q.select({ n: count() }).from(attachment).where(eq(attachment.meetingId, meetingId));
  if ((n?.n ?? 0) >= ATTACHMENT_LIMITS.perMeeting)
    throw new DomainError('INVALID_INPUT', `每次会议最多保存${ATTACHMENT_LIMITS.perMeeting}个附件`, { field: 'file' });
  const stored = await storeFile(filesDir, `meetings/${meetingId}`, file.bytes);
  const [created] = await q
    .insert(attachment)
    .values({
      meetingId,
      fileName: file.fileName,
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.key,
      createdBy: actor.userId,
    })
    .returning(ATTACHMENT);
  return created as AttachmentRow;
};

/** The bytes of an attachment the actor may read. */
export const openAttachment = async (q: Q, actor: Actor, filesDir: string, id: number) => {
  const [a] = await q
    .select({
      meetingId: attachment.meetingId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      storageKey: attachment.storageKey,
    })
    .from(attachment)
    .where(eq(attachment.id, id));
  if (!a) throw new DomainError('NOT_FOUND', '附件不存在或不在您的管理范围内');
  await meetingOrg(q, actor, a.meetingId, 'meeting.read');
  return { ...a, bytes: await readStoredFile(filesDir, a.storageKey) };
};
