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
import { eq, type SQL, sql } from 'drizzle-orm';
import { scopeFilter } from '../../platform/authorize.js';
import type { Keys } from '../../platform/crypto.js';
import { type Q, rows } from '../../platform/db/index.js';
import { member, memberTransfer } from '../../platform/db/schema.js';
import { advance, bindProcess, type Firing, startInstance } from '../../platform/workflow.js';
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

const FROM = sql`from member_transfer t join member m on m.id = t.member_id left join org f on f.id = t.from_org_id left join org d on d.id = t.to_org_id
  join workflow_instance wi on wi.kind = ${TRANSFER_PROCESS.kind} and wi.subject_id = t.id`;

const SELECT = sql`select t.id, t.member_id as "memberId", m.name as "memberName", t.from_org_id as "fromOrgId",
  coalesce(f.name, t.origin) as "fromOrgName", f.path::text as "fromOrgPath", t.origin, t.to_org_id as "toOrgId", d.name as "toOrgName", d.path::text as "toOrgPath", t.destination,
  t.letter_no as "letterNo", to_char(t.issued_at, 'YYYY-MM-DD') as "issuedAt", to_char(t.received_at, 'YYYY-MM-DD') as "receivedAt",
  wi.state as status, t.note
  ${FROM}`;

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
const inState = (state: TransferState) =>
  sql`exists (select 1 from workflow_instance wi where wi.kind = ${TRANSFER_PROCESS.kind} and wi.subject_id = t.id and wi.state = ${state})`;

/** Transfers matching `where`, newest first. */
/** Letters by id or of one member: a handful, never a list to page. */
const findTransfers = (q: Q, where: SQL) => rows<TransferRow>(q, sql`${SELECT} where ${where} order by t.id desc`);

const findTransfer = async (q: Q, id: number): Promise<TransferRow | undefined> => (await findTransfers(q, sql`t.id = ${id}`))[0];

/** A transfer this request has just written, read back. */
const readBack = async (q: Q, id: number) => (await findTransfer(q, id)) as TransferRow;

/** A member's letters, newest first. */
export const findTransfersOfMember = (q: Q, memberId: number) => findTransfers(q, sql`t.member_id = ${memberId}`);

/**
 * Letters coming in to (`in`: the receiving branch) or going out of (`out`: the issuing branch) the
 * actor's scope, optionally only under `underPath` on that side and in one state; one page of them,
 * newest first, with how many there are in all.
 */
export const findTransfersWithin = async (
  q: Q,
  actor: Actor,
  f: { direction: 'in' | 'out'; status?: TransferState; underPath?: string },
  page: { limit: number; offset: number },
): Promise<{ items: TransferRow[]; total: number }> => {
  const side = f.direction === 'in' ? sql`d.path` : sql`f.path`;
  const where = sql.join(
    [
      f.direction === 'in' ? sql`d.id is not null` : sql`true`,
      scopeFilter(actor, 'member.read', side),
      f.status ? inState(f.status) : sql`true`,
      f.underPath ? sql`${side} <@ ${f.underPath}::ltree` : sql`true`,
    ],
    sql` and `,
  );
  const [items, [count]] = await Promise.all([
    rows<TransferRow>(q, sql`${SELECT} where ${where} order by t.id desc limit ${page.limit} offset ${page.offset}`),
    rows<{ n: number }>(q, sql`select count(*)::int as n ${FROM} where ${where}`),
  ]);
  return { items, total: count?.n ?? 0 };
};

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
  const [created] = await q
    .insert(memberTransfer)
    .values({
      memberId: m.id,
      fromOrgId: m.orgId,
      toOrgId,
      destination: input.destination ?? null,
      letterNo: input.letterNo,
      issuedAt: input.issuedAt,
      receivedAt: outbound ? input.issuedAt : null,
      note: input.note ?? null,
      createdBy: userId,
    })
    .returning({ id: memberTransfer.id });
  const id = created?.id as number;
  // A letter out of the system is settled as it is issued; one inside waits for the receiving branch.
  await startInstance(q, TRANSFER_PROCESS, id, today, outbound ? 'received' : 'pending');
  if (outbound) {
    await q.update(member).set({ exitType: 'transferred_out', exitAt: input.issuedAt, updatedAt: sql`now()` }).where(eq(member.id, m.id));
  }
  return readBack(q, id);
};

/** Loads a transfer the actor sees from either side. */
const getTransferFor = async (q: Q, actor: Actor, id: number) => {
  const t = await findTransfer(q, id);
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
        await q.update(memberTransfer).set({ receivedAt }).where(eq(memberTransfer.id, t.id));
        await q
          .update(member)
          .set({ orgId: t.toOrgId as number, updatedAt: sql`now()` })
          .where(eq(member.id, t.memberId));
        return undefined;
      },
    },
  );
  return readBack(q, id);
};

/** The issuing branch withdraws a letter not yet received. */
export const cancelTransfer = async (q: Q, firing: Firing & { actor: Actor }, id: number) => {
  const t = await getTransferFor(q, firing.actor, id);
  await advance(q, TRANSFERS, firing, t.id, 'cancel', {}, { data: {} });
  return readBack(q, id);
};

/**
 * 组织关系 arriving from outside the system: the member joins the receiving branch's roll (every
 * check of a new member applies, one ID in the whole system included) and the letter is kept as a
 * received transfer with its origin.
 */
export const receiveFromOutside = async (q: Q, keys: Keys, actor: Actor, input: TransferIn, today: string) => {
  if (input.receivedAt > today) throw new DomainError('INVALID_INPUT', '接收日期不能晚于今天', { field: 'receivedAt' });
  const { origin, letterNo, issuedAt, receivedAt, transferNote, ...record } = input;
  const m = await createMember(q, keys, actor, record, today);
  const [created] = await q
    .insert(memberTransfer)
    .values({
      memberId: m.id,
      fromOrgId: null,
      origin,
      toOrgId: m.orgId,
      letterNo,
      issuedAt,
      receivedAt,
      note: transferNote ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: memberTransfer.id });
  const id = created?.id as number;
  await startInstance(q, TRANSFER_PROCESS, id, today, 'received');
  return { member: m, transfer: await readBack(q, id) };
};
