import {
  type Actor,
  BRANCH_TYPES,
  type CommitteeCreate,
  type CommitteeKind,
  type CommitteePost,
  can,
  committeeProblem,
  DomainError,
  termStatus,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { findOrgRef, type OrgRow } from '../orgs/org.repo.js';

export interface CommitteeView {
  id: number;
  kind: CommitteeKind;
  electedAt: string;
  endedAt: string | null;
  adjustmentMonths: number;
  adjustmentReason: string | null;
  members: { memberId: number; name: string; post: CommitteePost }[];
}

const isBranch = (type: string) => (BRANCH_TYPES as readonly string[]).includes(type);

/** The org's elections, newest first, with their posts. */
export const findCommittees = (q: Q, orgId: number) =>
  rows<CommitteeView>(
    q,
    sql`select c.id, c.kind, to_char(c.elected_at, 'YYYY-MM-DD') as "electedAt", to_char(c.ended_at, 'YYYY-MM-DD') as "endedAt",
          c.adjustment_months as "adjustmentMonths", c.adjustment_reason as "adjustmentReason",
          coalesce((select json_agg(json_build_object('memberId', m.id, 'name', m.name, 'post', cm.post)
                      order by array_position(array['secretary','deputy_secretary','organization','propaganda','discipline','youth','women','member'], cm.post), m.pinyin)
                    from committee_member cm join member m on m.id = cm.member_id where cm.committee_id = c.id), '[]') as members
        from committee c where c.org_id = ${orgId} order by c.elected_at desc, c.id desc`,
  ).then((list) => list.map((c) => ({ ...c, members: typeof c.members === 'string' ? JSON.parse(c.members) : c.members })));

/** The org's current leadership with where its term stands on `asOf`. */
export const committeeOverview = async (q: Q, o: OrgRow, asOf: string) => {
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
      await rows<{ id: number }>(
        q,
        sql`select id from member where org_id = ${orgId} and full_member_at is not null and full_member_at <= ${date}::date
              and joined_at <= ${date}::date and (exit_at is null or exit_at > ${date}::date)`,
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
  const [current] = await rows<{ id: number; electedAt: string }>(
    q,
    sql`select id, to_char(elected_at, 'YYYY-MM-DD') as "electedAt" from committee where org_id = ${o.id} and ended_at is null for update`,
  );
  if (current && input.electedAt <= current.electedAt)
    throw new DomainError('INVALID_INPUT', `选举日期须晚于上一届的选举日期（${current.electedAt}）`, { field: 'electedAt' });
  const problem = committeeProblem(input, await fullMemberIdsOn(q, o.id, input.electedAt), isBranch(o.type));
  if (problem) throw new DomainError('RULE_VIOLATION', problem.message, { field: problem.field });
  if (current) await q.execute(sql`update committee set ended_at = ${input.electedAt}::date where id = ${current.id}`);
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into committee (org_id, kind, elected_at, created_by) values (${o.id}, ${input.kind}, ${input.electedAt}::date, ${actor.userId}) returning id`,
  );
  const id = created?.id as number;
  await q.execute(
    sql`insert into committee_member (committee_id, member_id, post) values ${sql.join(
      input.members.map((m) => sql`(${id}, ${m.memberId}, ${m.post})`),
      sql`, `,
    )}`,
  );
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
  const [updated] = await rows<{ id: number }>(
    q,
    sql`update committee set adjustment_months = ${input.adjustmentMonths}, adjustment_reason = ${input.reason}
        where org_id = ${o.id} and ended_at is null returning id`,
  );
  if (!updated) throw new DomainError('INVALID_INPUT', `「${o.name}」尚未登记选举，无法调整换届时间`, { field: 'adjustmentMonths' });
  return updated.id;
};

export interface GroupRow {
  id: number;
  name: string;
  leaderId: number | null;
  leaderName: string | null;
}

/** The org's open 党小组. */
export const findGroups = (q: Q, orgId: number) =>
  rows<GroupRow>(
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
    const [leader] = await rows<{ id: number }>(
      q,
      sql`select id from member where id = ${input.leaderId} and org_id = ${o.id} and exit_type is null`,
    );
    if (!leader) throw new DomainError('INVALID_INPUT', `组长须为「${o.name}」名册中的党员`, { field: 'leaderId' });
  }
  const [dup] = await rows<{ id: number }>(q, sql`select id from party_group where org_id = ${o.id} and name = ${input.name}`);
  if (dup) throw new DomainError('CONFLICT', `「${input.name}」已存在`, { field: 'name' });
  const [g] = await rows<{ id: number }>(
    q,
    sql`insert into party_group (org_id, name, leader_id) values (${o.id}, ${input.name}, ${input.leaderId ?? null}) returning id`,
  );
  return g?.id as number;
};
