import { type Actor, can, DomainError, notFound, type TransferCreate, type TransferIn } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Keys } from '../../platform/crypto.js';
import { type Q, rows } from '../../platform/db/index.js';
import { findOpenBranchByCode } from '../orgs/org.repo.js';
import { createMember, getMemberFor } from './member.service.js';

export interface TransferRow {
  id: number;
  memberId: number;
  memberName: string;
  /** Null when the member came from outside the system (see `origin`). */
  fromOrgId: number | null;
  /** The issuing branch, or for an arrival from outside, the origin as written on the letter. */
  fromOrgName: string;
  fromOrgPath: string | null;
  origin: string | null;
  toOrgId: number | null;
  toOrgName: string | null;
  toOrgPath: string | null;
  destination: string | null;
  letterNo: string;
  issuedAt: string;
  receivedAt: string | null;
  status: 'pending' | 'received' | 'cancelled';
  note: string | null;
}

const SELECT = sql`select t.id, t.member_id as "memberId", m.name as "memberName", t.from_org_id as "fromOrgId",
  coalesce(f.name, t.origin) as "fromOrgName", f.path::text as "fromOrgPath", t.origin, t.to_org_id as "toOrgId", d.name as "toOrgName", d.path::text as "toOrgPath", t.destination,
  t.letter_no as "letterNo", to_char(t.issued_at, 'YYYY-MM-DD') as "issuedAt", to_char(t.received_at, 'YYYY-MM-DD') as "receivedAt",
  t.status, t.note
  from member_transfer t join member m on m.id = t.member_id left join org f on f.id = t.from_org_id left join org d on d.id = t.to_org_id`;

/** What the actor may do with a letter: receive it (the receiving side) or withdraw it (the issuing side). */
export const transferAbilities = (actor: Actor, t: TransferRow) => ({
  canReceive: t.status === 'pending' && t.toOrgPath !== null && can(actor, 'transfer.manage', { orgPath: t.toOrgPath }),
  canCancel: t.status === 'pending' && t.fromOrgPath !== null && can(actor, 'transfer.manage', { orgPath: t.fromOrgPath }),
});

/** Transfers matching `where`, newest first. */
export const findTransfers = (q: Q, where: SQL, limit = 200) =>
  rows<TransferRow>(q, sql`${SELECT} where ${where} order by t.id desc limit ${limit}`);

/**
 * Issues a transfer letter for a member. Inside the system the receiving branch is named by its
 * code (it may lie outside the issuer's scope: only its name is shown back); out of the system the
 * member leaves the roll as 转出 with the destination recorded.
 */
export const issueTransfer = async (q: Q, actor: Actor, userId: number, memberId: number, input: TransferCreate, today: string) => {
  const m = await getMemberFor(q, actor, 'transfer.manage', memberId);
  if (m.exitType) throw new DomainError('RULE_VIOLATION', `${m.name}已不在册，不能办理转接`);
  if (input.issuedAt > today) throw new DomainError('INVALID_INPUT', '介绍信开具日期不能晚于今天', { field: 'issuedAt' });
  if (input.issuedAt < m.joinedAt) {
    throw new DomainError('INVALID_INPUT', `介绍信开具日期不能早于入党日期（${m.joinedAt}）`, { field: 'issuedAt' });
  }
  const [lastIn] = await rows<{ receivedAt: string }>(
    q,
    sql`select to_char(max(received_at), 'YYYY-MM-DD') as "receivedAt" from member_transfer
        where member_id = ${m.id} and status = 'received' and to_org_id = ${m.orgId}`,
  );
  if (lastIn?.receivedAt && input.issuedAt < lastIn.receivedAt) {
    throw new DomainError('INVALID_INPUT', `介绍信开具日期不能早于转入本支部的日期（${lastIn.receivedAt}）`, { field: 'issuedAt' });
  }
  let toOrgId: number | null = null;
  if (input.toOrgCode) {
    const to = await findOpenBranchByCode(q, input.toOrgCode);
    if (!to) {
      throw new DomainError('INVALID_INPUT', `找不到代码为「${input.toOrgCode}」的在册党支部`, { field: 'toOrgCode' });
    }
    if (to.id === m.orgId) throw new DomainError('INVALID_INPUT', '接收党支部与所在党支部相同', { field: 'toOrgCode' });
    toOrgId = to.id;
  }
  const [pending] = await rows(q, sql`select 1 from member_transfer where member_id = ${m.id} and status = 'pending'`);
  if (pending) throw new DomainError('CONFLICT', `${m.name}已有一份待接收的转接介绍信，请先办结或撤回`);
  const outbound = toOrgId === null;
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into member_transfer (member_id, from_org_id, to_org_id, destination, letter_no, issued_at, received_at, status, note, created_by)
        values (${m.id}, ${m.orgId}, ${toOrgId}, ${input.destination ?? null}, ${input.letterNo}, ${input.issuedAt}::date,
                ${outbound ? input.issuedAt : null}::date, ${outbound ? 'received' : 'pending'}, ${input.note ?? null}, ${userId})
        returning id`,
  );
  if (outbound) {
    await q.execute(
      sql`update member set exit_type = 'transferred_out', exit_at = ${input.issuedAt}::date, updated_at = now() where id = ${m.id}`,
    );
  }
  return (await findTransfers(q, sql`t.id = ${created?.id}`))[0] as TransferRow;
};

/** Loads a transfer the actor sees from either side. */
const getTransferFor = async (q: Q, actor: Actor, id: number) => {
  const [t] = await findTransfers(q, sql`t.id = ${id}`);
  if (!t) throw notFound('转接记录');
  const seesFrom = t.fromOrgPath !== null && can(actor, 'member.read', { orgPath: t.fromOrgPath });
  const seesTo = t.toOrgPath !== null && can(actor, 'member.read', { orgPath: t.toOrgPath });
  if (!seesFrom && !seesTo) throw notFound('转接记录');
  return t;
};

/**
 * The receiving branch records the arrival: the member moves to it. Exactly one of two concurrent
 * receipts (or a receipt and a withdrawal) wins; the other is told it is no longer pending.
 */
export const receiveTransfer = async (q: Q, actor: Actor, id: number, receivedAt: string, today: string) => {
  const t = await getTransferFor(q, actor, id);
  // The caller sees the letter (from either side), so a refusal here is 403, not 404.
  if (!t.toOrgPath || !can(actor, 'transfer.manage', { orgPath: t.toOrgPath })) {
    throw new DomainError('FORBIDDEN', `只有接收方「${t.toOrgName ?? '转入党组织'}」可以办理接收`);
  }
  if (receivedAt > today) throw new DomainError('INVALID_INPUT', '接收日期不能晚于今天', { field: 'receivedAt' });
  if (receivedAt < t.issuedAt) throw new DomainError('INVALID_INPUT', '接收日期不能早于介绍信开具日期', { field: 'receivedAt' });
  // Either side may have changed since the letter was issued.
  const [state] = await rows<{ exitType: string | null; closedAt: string | null }>(
    q,
    sql`select m.exit_type as "exitType", o.closed_at::text as "closedAt" from member m, org o where m.id = ${t.memberId} and o.id = ${t.toOrgId}`,
  );
  if (state?.exitType) throw new DomainError('RULE_VIOLATION', `${t.memberName}已不在册，不能接收；请与开具方核实后撤回介绍信`);
  if (state?.closedAt) throw new DomainError('ORG_CLOSED', `「${t.toOrgName}」已撤销，不能接收；请开具方撤回后重新开具`);
  const won = await rows(
    q,
    sql`update member_transfer set status = 'received', received_at = ${receivedAt}::date where id = ${id} and status = 'pending' returning id`,
  );
  if (won.length === 0) throw new DomainError('CONFLICT', '该转接已办结或已撤回');
  await q.execute(sql`update member set org_id = ${t.toOrgId}, updated_at = now() where id = ${t.memberId}`);
  return (await findTransfers(q, sql`t.id = ${id}`))[0] as TransferRow;
};

/** The issuing branch withdraws a letter not yet received. */
export const cancelTransfer = async (q: Q, actor: Actor, id: number) => {
  const t = await getTransferFor(q, actor, id);
  if (t.fromOrgPath === null || !can(actor, 'transfer.manage', { orgPath: t.fromOrgPath }))
    throw new DomainError('FORBIDDEN', `只有开具介绍信的「${t.fromOrgName}」可以撤回`);
  const won = await rows(q, sql`update member_transfer set status = 'cancelled' where id = ${id} and status = 'pending' returning id`);
  if (won.length === 0) throw new DomainError('CONFLICT', '该转接已办结或已撤回，不能撤回');
  return (await findTransfers(q, sql`t.id = ${id}`))[0] as TransferRow;
};

/**
 * 组织关系 arriving from outside the system: the member joins the receiving branch's roll (every
 * check of a new member applies, one ID in the whole system included) and the letter is kept as a
 * received transfer with its origin.
 */
export const receiveFromOutside = async (q: Q, keys: Keys, actor: Actor, input: TransferIn, today: string) => {
  if (input.receivedAt > today) throw new DomainError('INVALID_INPUT', '接收日期不能晚于今天', { field: 'receivedAt' });
  const { origin, letterNo, issuedAt, receivedAt, transferNote, ...member } = input;
  const m = await createMember(q, keys, actor, member, today);
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into member_transfer (member_id, from_org_id, origin, to_org_id, letter_no, issued_at, received_at, status, note, created_by)
        values (${m.id}, null, ${origin}, ${m.orgId}, ${letterNo}, ${issuedAt}::date, ${receivedAt}::date, 'received', ${transferNote ?? null}, ${actor.userId})
        returning id`,
  );
  return { member: m, transfer: (await findTransfers(q, sql`t.id = ${created?.id}`))[0] as TransferRow };
};
