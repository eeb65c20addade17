import { z } from 'zod';
import { type AuditRow, OUTCOMES, type Outcome } from '../../platform/audit.js';
import { auditActionLabel } from '../../platform/http.js';
import { countOut, idOut, instantOut } from '../../platform/schemas.js';

/** One audit row: who did what to which record, when, and how it ended. */
export const auditEntrySchema = z
  .object({
    id: z.number().int().positive(),
    seq: z.number().int().positive().meta({ description: '序号：在哈希链中的位置，连续无缺号（校验时以此指明断点）' }),
    at: instantOut,
    actorId: idOut.nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable().meta({ description: '操作时所持角色，逗号分隔' }),
    actorOrgId: idOut.nullable(),
    actorOrgName: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string().meta({ description: '操作的中文名称' }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(OUTCOMES),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

/** What the hash-chain check reports: whether every row's HMAC chains to the previous one, with no number missing. */
export const auditChainCheckSchema = z
  .object({
    ok: z.boolean(),
    checked: countOut,
    brokenAt: z.number().int().positive().optional().meta({ description: '第一条不成立或缺失的记录的序号' }),
    missing: z.boolean().optional().meta({ description: '断点是记录被删除（缺号），而非被篡改' }),
  })
  .meta({ id: 'AuditChainCheck' });

/** An action present in the log, with its Chinese name. */
export const auditActionSchema = z.object({ action: z.string(), label: z.string() });

/** A row as the auditor's list shows it. */
export type AuditListRow = Omit<AuditRow, 'prevHash' | 'hash'> & { actorOrgName: string | null };

/** The API shape of an audit row. */
export const presentAuditEntry = (r: AuditListRow): z.infer<typeof auditEntrySchema> => ({
  id: r.id,
  seq: r.seq,
  at: r.at.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  actorRole: r.actorRole,
  actorOrgId: r.actorOrgId,
  actorOrgName: r.actorOrgName,
  action: r.action,
  actionLabel: auditActionLabel(r.action),
  targetType: r.targetType,
  targetId: r.targetId,
  outcome: r.outcome as Outcome,
  requestId: r.requestId,
  ip: r.ip,
  detail: r.detail,
});
