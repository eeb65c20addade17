import { type Actor, ageOn, can, EXIT_TYPES, MEMBER_STATUSES, OCCUPATIONS, partyAgeSince, partyAgeYears } from '@jishi/domain';
import { z } from 'zod';
import type { Q } from '../../platform/db/index.js';
import { countOut, dateOut, idOut, pageOf } from '../../platform/schemas.js';
import { describeMany } from '../../platform/workflow.js';
import type { MemberRow } from './member.repo.js';
import { TRANSFERS, type TransferRow } from './member.transfer.js';

/** A member as the API presents it: ID number and phone masked, never the sealed values. */
export const memberSchema = z
  .object({
    id: idOut,
    orgId: idOut,
    orgName: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    ethnicity: z.string(),
    birthDate: dateOut,
    age: z.number().int().meta({ description: '今天的周岁年龄' }),
    idNumber: z.string().meta({ description: '公民身份号码（已脱敏，如 150502********0010）' }),
    phone: z.string().nullable().meta({ description: '手机号码（已脱敏，如 138****1234），未登记为 null' }),
    education: z.string().nullable(),
    occupation: z.enum(OCCUPATIONS).nullable(),
    joinedAt: dateOut.meta({ description: '入党日期（支部大会通过之日）' }),
    fullMemberAt: dateOut.nullable().meta({ description: '转正日期' }),
    status: z.enum(MEMBER_STATUSES),
    partyAgeSince: dateOut.nullable().meta({ description: '党龄起算日（正式党员的转正日期，预备党员为 null）' }),
    partyAgeYears: z.number().int().meta({ description: '至今天的整年党龄，预备党员为 0' }),
    isFlowing: z.boolean().meta({ description: '流动党员' }),
    isInService: z.boolean().meta({ description: '在职党员' }),
    exitType: z.enum(EXIT_TYPES).nullable().meta({ description: '减少类型，在册为 null' }),
    exitAt: dateOut.nullable(),
    abilities: z.object({ canManage: z.boolean(), canReveal: z.boolean().meta({ description: '可查看完整身份证号和手机号（留痕）' }) }),
  })
  .meta({ id: 'Member' });
export type MemberOut = z.infer<typeof memberSchema>;

/** A page of the roll: counting stops at a cap, beyond which `total` is the cap and `totalCapped` is set. */
export const memberPageSchema = pageOf(memberSchema)
  .extend({ totalCapped: z.boolean().meta({ description: '符合条件的党员超过计数上限，total 为上限' }) })
  .meta({ id: 'MemberPage' });

/** One refused cell of an import: the Excel row number, the column header and why. */
export const importRowErrorSchema = z.object({ row: z.number().int().positive(), column: z.string(), message: z.string() });

/** What a successful import reports (all rows or none: `failed` is 0 and `errors` empty). */
export const importResultSchema = z
  .object({ created: countOut, failed: countOut, errors: z.array(importRowErrorSchema) })
  .meta({ id: 'MemberImportResult' });

/** A revealed value: what was asked, in clear. */
export const revealedSchema = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() });

/**
 * The API shape of a member: ID and phone masked, party age computed for `today`, the caller's
 * abilities attached. Never the sealed values.
 */
export const presentMember = (actor: Actor, m: MemberRow, today: string): MemberOut => ({
  id: m.id,
  orgId: m.orgId,
  orgName: m.orgName,
  name: m.name,
  gender: m.gender,
  ethnicity: m.ethnicity,
  birthDate: m.birthDate,
  age: ageOn(m.birthDate, today),
  idNumber: m.idNumberMasked,
  phone: m.phoneMasked,
  education: m.education,
  occupation: m.occupation,
  joinedAt: m.joinedAt,
  fullMemberAt: m.fullMemberAt,
  status: m.status,
  partyAgeSince: partyAgeSince(m),
  partyAgeYears: partyAgeYears(m, today),
  isFlowing: m.isFlowing,
  isInService: m.isInService,
  exitType: m.exitType,
  exitAt: m.exitAt,
  abilities: { canManage: can(actor, 'member.manage', m), canReveal: can(actor, 'member.reveal', m) },
});

/** One 组织关系介绍信 as the API presents it: names of both sides, never their paths. */
export const transferSchema = z
  .object({
    id: idOut,
    memberId: idOut,
    memberName: z.string(),
    fromOrgId: idOut.nullable().meta({ description: '开具介绍信的党支部；从系统外转入为 null（见 origin）' }),
    fromOrgName: z.string().meta({ description: '开具介绍信的党支部名称，或从系统外转入时介绍信上的转出单位' }),
    origin: z.string().nullable().meta({ description: '从系统外转入时的转出单位' }),
    toOrgId: idOut.nullable().meta({ description: '系统内的接收党支部；转出本系统为 null（见 destination）' }),
    toOrgName: z.string().nullable(),
    destination: z.string().nullable().meta({ description: '转出本系统时转往的党组织' }),
    letterNo: z.string(),
    issuedAt: dateOut,
    receivedAt: dateOut.nullable(),
    status: z.enum(['pending', 'received', 'cancelled']),
    note: z.string().nullable(),
    abilities: z
      .object({ canReceive: z.boolean(), canCancel: z.boolean() })
      .meta({ description: '接收（接收方，待接收时）与撤回（开具方，待接收时）' }),
  })
  .meta({ id: 'Transfer' });
export type TransferOut = z.infer<typeof transferSchema>;

/** A member arriving from outside the system: the new roll record and the received letter. */
export const inboundTransferSchema = z.object({ member: memberSchema, transfer: transferSchema }).meta({ id: 'InboundTransfer' });

/**
 * Transfers with what the actor may do with each (receive it on the receiving side, withdraw it on
 * the issuing side), as the workflow engine says: one pass for the list.
 */
export const presentTransfers = async (q: Q, actor: Actor, list: TransferRow[], today: string): Promise<TransferOut[]> => {
  const views = await describeMany(
    q,
    TRANSFERS,
    list.map((t) => t.id),
    actor,
    today,
  );
  return list.map(({ fromOrgPath, toOrgPath, ...t }) => {
    const next = views.get(t.id)?.next ?? [];
    const may = (event: string) => next.some((e) => e.event === event && e.mayAct);
    return { ...t, abilities: { canReceive: may('receive'), canCancel: may('cancel') } };
  });
};

/** One transfer as {@link presentTransfers} presents it. */
export const presentTransfer = async (q: Q, actor: Actor, t: TransferRow, today: string): Promise<TransferOut> =>
  (await presentTransfers(q, actor, [t], today))[0] as TransferOut;
