import {
  type Actor,
  BRANCH_TYPES,
  COMMITTEE_POSTS,
  type CommitteeCreate,
  can,
  committeeProblem,
  DomainError,
  termStatus,
} from '@jishi/domain';
import { and, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows, schema } from '../../platform/db/index.js';
import { findOrgRef, type OrgRow } from '../orgs/org.repo.js';
import type { CommitteeOut, CommitteeOverviewOut, PartyGroupOut } from './committee.presenter.js';

const { committee, committeeMember, member, partyGroup } = schema;

/** A committee row with its seats; the json arrives parsed or as text, by engine. */
type CommitteeRow = Omit<CommitteeOut, 'members'> & { members: CommitteeOut['members'] | string };

const isBranch = (type: string) => (BRANCH_TYPES as readonly string[]).includes(type);

/** Posts in the domain's order (书记 first), for sorting seats. */
const POST_ORDER = sql`${`{${COMMITTEE_POSTS.join(',')}}`}::text[]`;

/** The org's elections, newest first, with their posts. */
export const findCommittees = (q: Q, orgId: number): Promise<CommitteeOut[]> =>
  rows<CommitteeRow>(
    q,
    sql`select c.id, c.kind, to_char(c.elected_at, 'YYYY-MM-DD') as "electedAt", to_char(c.ended_at, 'YYYY-MM-DD') as "endedAt",
          c.adjustment_months as "adjustmentMonths", c.adjustment_reason as "adjustmentReason",
          coalesce((select json_agg(json_build_object('memberId', m.id, 'name', m.name, 'post', cm.post)
                      order by array_position(${POST_ORDER}, cm.post), m.pinyin)
                    from committee_member cm join member m on m.id = cm.member_id where cm.committee_id = c.id), '[]') as members
        from committee c where c.org_id = ${orgId} order by c.elected_at desc, c.id desc`,
  ).then((list) => list.map((c) => ({ ...c, members: typeof c.members === 'string' ? JSON.parse(c.members) : c.members })));

/** The org's current leadership with where its term stands on `asOf`. */
export const committeeOverview = async (q: Q, o: OrgRow, asOf: string): Promise<CommitteeOverviewOut> => {
  const all = await findCommittees(q, o.id);
  const current = all.find((c) => c.endedAt === null) ?? null;
  return {
    current: current && { ...current, term: termStatus(o, current.electedAt, asOf, current.adjustmentMonths) },
    history: all.filter((c) => c.endedAt !== null),
  };
};

/** Ids of the org's 正式党员 on the roll on `date`. */
export const fullMemberIdsOn = async (q: Q, orgId: number, date: string) =>
  new Set(
    (
      await q
        .select({ id: member.id })
        .from(member)
        .where(
          and(
            eq(member.orgId, orgId),
            isNotNull(member.fullMemberAt),
            lte(member.fullMemberAt, date),
            lte(member.joinedAt, date),
            or(isNull(member.exitAt), gt(member.exitAt, date)),
          ),
        )
    ).map((m) => m.id),
  );

/**
 * Records a 换届 (or a first election): the new committee replaces the current one from its
 * election date. Of two concurrent elections exactly one is stored (one current per org).
 */
export const electCommittee = async (q: Q, actor: Actor, o: OrgRow, input: CommitteeCreate, today: string) => {
  authorize(actor, 'org.committee', o, '党组织');
  if (o.closedAt) throw new DomainError('ORG_CLOSED', `「${o.name}」已撤销，不能登记选举`);
  if (input.electedAt > today) throw new DomainError('INVALID_INPUT', '选举日期不能晚于今天', { field: 'electedAt' });
  const [current] = await q
    .select({ id: committee.id, electedAt: committee.electedAt })
    .from(committee)
    .where(and(eq(committee.orgId, o.id), isNull(committee.endedAt)))
    .for('update');
  if (current && input.electedAt <= current.electedAt)
    throw new DomainError('INVALID_INPUT', `选举日期须晚于上一届的选举日期（${current.electedAt}）`, { field: 'electedAt' });
  const problem = committeeProblem(input, await fullMemberIdsOn(q, o.id, input.electedAt), isBranch(o.type));
  if (problem) throw new DomainError('RULE_VIOLATION', problem.message, { field: problem.field });
  if (current) await q.update(committee).set({ endedAt: input.electedAt }).where(eq(committee.id, current.id));
  const [created] = await q
    .insert(committee)
    .values({ orgId: o.id, kind: input.kind, electedAt: input.electedAt, createdBy: actor.userId })
    .returning({ id: committee.id });
  const id = created?.id as number;
  await q.insert(committeeMember).values(input.members.map((m) => ({ committeeId: id, memberId: m.memberId, post: m.post })));
  return id;
};

/** An approved advance or delay of the next 换届 (选举工作条例第三条): the 上级 records it. */
export const adjustTerm = async (q: Q, actor: Actor, o: OrgRow, input: { adjustmentMonths: number; reason: string }) => {
  authorize(actor, 'org.read', o, '党组织');
  const parent = o.parentId === null ? undefined : await findOrgRef(q, o.parentId);
  if (!parent || !can(actor, 'org.manage', parent))
    throw new DomainError(
      'FORBIDDEN',
      '提前或延期换届须经上级党组织批准，由上级党组织管理员登记（《中国共产党基层组织选举工作条例》第三条）',
    );
  const [updated] = await q
    .update(committee)
    .set({ adjustmentMonths: input.adjustmentMonths, adjustmentReason: input.reason })
    .where(and(eq(committee.orgId, o.id), isNull(committee.endedAt)))
    .returning({ id: committee.id });
  if (!updated) throw new DomainError('INVALID_INPUT', `「${o.name}」尚未登记选举，无法调整换届时间`, { field: 'adjustmentMonths' });
  return updated.id;
};

/** The org's open 党小组. */
export const findGroups = (q: Q, orgId: number) =>
  rows<PartyGroupOut>(
    q,
    sql`select g.id, g.name, g.leader_id as "leaderId", m.name as "leaderName"
        from party_group g left join member m on m.id = g.leader_id
        where g.org_id = ${orgId} and g.closed_at is null order by g.id`,
  );

/** Sets up a 党小组 with its 组长 (条例第十三条); the 组长 must be on the branch's roll. */
export const createGroup = async (q: Q, actor: Actor, o: OrgRow, input: { name: string; leaderId?: number }) => {
  authorize(actor, 'org.committee', o, '党组织');
  if (!isBranch(o.type) && o.type !== 'general_branch') throw new DomainError('INVALID_INPUT', '党小组设在党支部之下', { field: 'orgId' });
  if (input.leaderId !== undefined) {
    const [leader] = await q
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.id, input.leaderId), eq(member.orgId, o.id), isNull(member.exitType)));
    if (!leader) throw new DomainError('INVALID_INPUT', `组长须为「${o.name}」名册中的党员`, { field: 'leaderId' });
  }
  const [dup] = await q
    .select({ id: partyGroup.id })
    .from(partyGroup)
    .where(and(eq(partyGroup.orgId, o.id), eq(partyGroup.name, input.name)));
  if (dup) throw new DomainError('CONFLICT', `「${input.name}」已存在`, { field: 'name' });
  const [g] = await q
    .insert(partyGroup)
    .values({ orgId: o.id, name: input.name, leaderId: input.leaderId ?? null })
    .returning({ id: partyGroup.id });
  return g?.id as number;
};
