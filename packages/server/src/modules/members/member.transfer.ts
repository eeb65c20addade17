import {
  type Actor,
  can,
  DomainError,
  notFound,
  type OrgFacts,
  TRANSFER_PROCESS,
  type TransferCreate,
  type TransferIn,
  type TransferState,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Keys } from '../../platform/crypto.js';
import { type Q, rows } from '../../platform/db/index.js';
import { advance, bindProcess, describeMany, type Firing, startInstance } from '../../platform/workflow.js';
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
  /** The letter's workflow state. */
  status: TransferState;
  note: string | null;
}

const SELECT = sql`select t.id, t.member_id as "memberId", m.name as "memberName", t.from_org_id as "fromOrgId",
  coalesce(f.name, t.origin) as "fromOrgName", f.path::text as "fromOrgPath", t.origin, t.to_org_id as "toOrgId", d.name as "toOrgName", d.path::text as "toOrgPath", t.destination,
  t.letter_no as "letterNo", to_char(t.issued_at, 'YYYY-MM-DD') as "issuedAt", to_char(t.received_at, 'YYYY-MM-DD') as "receivedAt",
  wi.state as status, t.note
  from member_transfer t join member m on m.id = t.member_id left join org f on f.id = t.from_org_id left join org d on d.id = t.to_org_id
  join workflow_instance wi on wi.kind = ${TRANSFER_PROCESS.kind} and wi.subject_id = t.id`;

const ORG_FACTS = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'path', ${alias}.path::text,
    'type', ${alias}.type, 'domain', ${alias}.domain, 'divisionCode', ${alias}.division_code) end`);

/** Transfers on the workflow engine: the rules read both sides as they are now. */
export const TRANSFERS = bindProcess(TRANSFER_PROCESS, async (q, ids) => {
  const found = await rows<{
    id: number;
    orgId: number;
    memberName: string;
    issuedAt: string;
    fromOrg: OrgFacts | string | null;
    toOrg: OrgFacts | string | null;
    memberGone: boolean;
    toOrgClosed: boolean;
  }>(
    q,
    sql`select t.id, coalesce(t.to_org_id, t.from_org_id) as "orgId", m.name as "memberName", to_char(t.issued_at, 'YYYY-MM-DD') as "issuedAt",
          ${ORG_FACTS('f')} as "fromOrg", ${ORG_FACTS('d')} as "toOrg",
          m.exit_type is not null as "memberGone", d.closed_at is not null as "toOrgClosed"
        from member_transfer t join member m on m.id = t.member_id left join org f on f.id = t.from_org_id left join org d on d.id = t.to_org_id
        where t.id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  const facts = (v: OrgFacts | string | null) => (typeof v === 'string' ? (JSON.parse(v) as OrgFacts) : v);
  return new Map(
    found.map((t) => [
      t.id,
      {
        orgId: t.orgId,
        subject: {
          memberName: t.memberName,
          issuedAt: t.issuedAt,
          fromOrg: facts(t.fromOrg),
          toOrg: facts(t.toOrg),
          memberGone: t.memberGone,
          toOrgClosed: t.toOrgClosed,
        },
      },
    ]),
  );
});

/** SQL: the letter `t` is in `state`. */
export const inState = (state: TransferState) =>
  sql`exists (select 1 from workflow_instance wi where wi.kind = ${TRANSFER_PROCESS.kind} and wi.subject_id = t.id and wi.state = ${state})`;

/**
 * Transfers with what the actor may do with each (receive it on the receiving side, withdraw it on
 * the issuing side), as the workflow engine says: one pass for the list.
 */
export const presentTransfers = async (q: Q, actor: Actor, list: TransferRow[], today: string) => {
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
    sql`select to_char(max(t.received_at), 'YYYY-MM-DD') as "receivedAt"
        from member_transfer t where t.member_id = ${m.id} and ${inState('received')} and t.to_org_id = ${m.orgId}`,
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
  const [pending] = await rows(q, sql`select 1 from member_transfer t where t.member_id = ${m.id} and ${inState('pending')}`);
  if (pending) throw new DomainError('CONFLICT', `${m.name}已有一份待接收的转接介绍信，请先办结或撤回`);
  const outbound = toOrgId === null;
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into member_transfer (member_id, from_org_id, to_org_id, destination, letter_no, issued_at, received_at, note, created_by)
        values (${m.id}, ${m.orgId}, ${toOrgId}, ${input.destination ?? null}, ${input.letterNo}, ${input.issuedAt}::date,
                ${outbound ? input.issuedAt : null}::date, ${input.note ?? null}, ${userId})
        returning id`,
  );
  // A letter out of the system is settled as it is issued; one inside waits for the receiving branch.
  await startInstance(q, TRANSFER_PROCESS, created?.id as number, today, outbound ? 'received' : 'pending');
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
export const receiveTransfer = async (q: Q, firing: Firing & { actor: Actor }, id: number, receivedAt: string) => {
  const t = await getTransferFor(q, firing.actor, id);
  await advance(
    q,
    TRANSFERS,
    firing,
    t.id,
    'receive',
    { receivedAt },
    {
      date: receivedAt,
      effect: async () => {
        await q.execute(sql`update member_transfer set received_at = ${receivedAt}::date where id = ${t.id}`);
        await q.execute(sql`update member set org_id = ${t.toOrgId}, updated_at = now() where id = ${t.memberId}`);
        return undefined;
      },
    },
  );
  return (await findTransfers(q, sql`t.id = ${id}`))[0] as TransferRow;
};

/** The issuing branch withdraws a letter not yet received. */
export const cancelTransfer = async (q: Q, firing: Firing & { actor: Actor }, id: number) => {
  const t = await getTransferFor(q, firing.actor, id);
  await advance(q, TRANSFERS, firing, t.id, 'cancel', {}, { data: {} });
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
    sql`insert into member_transfer (member_id, from_org_id, origin, to_org_id, letter_no, issued_at, received_at, note, created_by)
        values (${m.id}, null, ${origin}, ${m.orgId}, ${letterNo}, ${issuedAt}::date, ${receivedAt}::date, ${transferNote ?? null}, ${actor.userId})
        returning id`,
  );
  await startInstance(q, TRANSFER_PROCESS, created?.id as number, today, 'received');
  return { member: m, transfer: (await findTransfers(q, sql`t.id = ${created?.id}`))[0] as TransferRow };
};
