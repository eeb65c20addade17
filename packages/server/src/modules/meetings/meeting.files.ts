import { type Actor, ATTACHMENT_LIMITS, DomainError } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { readStoredFile, storeFile } from '../../platform/files.js';
import { findOrgRef } from '../orgs/org.repo.js';

export interface AttachmentRow {
  id: number;
  meetingId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

/** The meeting and its org, for a scope check: out of scope is the same 404 as missing. */
export const meetingOrg = async (q: Q, actor: Actor, meetingId: number, action: 'meeting.read' | 'meeting.manage') => {
  const [m] = await rows<{ orgId: number }>(q, sql`select org_id as "orgId" from meeting where id = ${meetingId}`);
  const o = m && (await findOrgRef(q, m.orgId));
  authorize(actor, action, o, '会议记录');
  return o;
};

export const findAttachments = (q: Q, meetingId: number) =>
  rows<AttachmentRow>(
    q,
    sql`select id, meeting_id as "meetingId", file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes",
          created_at as "createdAt" from attachment where meeting_id = ${meetingId} order by id`,
  );

/**
 * Keeps a sign-in sheet photo or a PDF with a meeting (type sniffed, size-limited, stored under the
 * files dir); the name is as `uploadedFile` cleaned it.
 */
export const attachFile = async (q: Q, actor: Actor, filesDir: string, meetingId: number, file: { bytes: Buffer; fileName: string }) => {
  await meetingOrg(q, actor, meetingId, 'meeting.manage');
  // Lock the meeting so two uploads cannot both pass the per-meeting limit.
  await q.execute(sql`select id from meeting where id = ${meetingId} for update`);
  const [n] = await rows<{ n: number }>(q, sql`select count(*)::int as n from attachment where meeting_id = ${meetingId}`);
  if ((n?.n ?? 0) >= ATTACHMENT_LIMITS.perMeeting)
    throw new DomainError('INVALID_INPUT', `每次会议最多保存${ATTACHMENT_LIMITS.perMeeting}个附件`, { field: 'file' });
  const stored = await storeFile(filesDir, `meetings/${meetingId}`, file.bytes);
  const [created] = await rows<AttachmentRow>(
    q,
    sql`insert into attachment (meeting_id, file_name, content_type, size_bytes, sha256, storage_key, created_by)
        values (${meetingId}, ${file.fileName}, ${stored.contentType}, ${stored.sizeBytes}, ${stored.sha256}, ${stored.key}, ${actor.userId})
        returning id, meeting_id as "meetingId", file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes", created_at as "createdAt"`,
  );
  return created as AttachmentRow;
};

/** The bytes of an attachment the actor may read. */
export const openAttachment = async (q: Q, actor: Actor, filesDir: string, id: number) => {
  const [a] = await rows<{ meetingId: number; fileName: string; contentType: string; storageKey: string }>(
    q,
    sql`select meeting_id as "meetingId", file_name as "fileName", content_type as "contentType", storage_key as "storageKey"
        from attachment where id = ${id}`,
  );
  if (!a) throw new DomainError('NOT_FOUND', '附件不存在或不在您的管理范围内');
  await meetingOrg(q, actor, a.meetingId, 'meeting.read');
  return { ...a, bytes: await readStoredFile(filesDir, a.storageKey) };
};
