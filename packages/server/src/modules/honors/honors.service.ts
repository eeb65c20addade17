import {
  type Actor,
  COMMENDATION_LEVELS,
  type CommendationCreate,
  can,
  DomainError,
  isBasicCommitteeOver,
  isCountyOrAboveCommittee,
  MEDAL50_PROCESS,
  MEDAL50_STATUS_LABELS,
  type Medal50Recommend,
  type Medal50Review,
  type Medal50Status,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { advance, bindProcess, describeMany, type Firing, startInstance } from '../../platform/workflow.js';
import { getMemberFor } from '../members/member.service.js';
import { findActingOrg, findOrg } from '../orgs/org.repo.js';

/** 「光荣在党50年」 on the workflow engine: the rules read the member as they are now. */
export const MEDAL50 = bindProcess(MEDAL50_PROCESS, async (q, ids) => {
  const found = await rows<{
    id: number;
    orgId: number;
    name: string;
    year: number;
    status: 'probationary' | 'full';
    fullMemberAt: string | null;
    exitType: string | null;
  }>(
    q,
    sql`select c.id, m.org_id as "orgId", m.name, c.year, m.status, to_char(m.full_member_at, 'YYYY-MM-DD') as "fullMemberAt",
          m.exit_type as "exitType"
        from medal50 c join member m on m.id = c.member_id where c.id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(
    found.map((c) => [
      c.id,
      {
        orgId: c.orgId,
        subject: { memberName: c.name, year: c.year, member: { status: c.status, fullMemberAt: c.fullMemberAt, exitType: c.exitType } },
      },
    ]),
  );
});

export interface Medal50Case {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  year: number;
  status: Medal50Status;
}

// A case's status is its workflow state (`wi.state` in the filters).
const CASE_SELECT = sql`select c.id, c.member_id as "memberId", m.name as "memberName", o.id as "orgId", o.name as "orgName",
  o.path::text as "orgPath", c.year, wi.state as status
  from medal50 c join member m on m.id = c.member_id join org o on o.id = m.org_id
  join workflow_instance wi on wi.kind = ${MEDAL50_PROCESS.kind} and wi.subject_id = c.id`;

/** Medal cases matching `where`, by org then name. */
export const findMedal50Cases = (q: Q, where: SQL, limit = 5000) =>
  rows<Medal50Case>(q, sql`${CASE_SELECT} where ${where} order by o.path, m.pinyin, c.id limit ${limit}`);

/** Cases with their workflow views (state, log, next events for this reader), in one pass. */
export const presentMedal50Cases = async (q: Q, actor: Actor, cases: Medal50Case[], today: string) => {
  const views = await describeMany(
    q,
    MEDAL50,
    cases.map((c) => c.id),
    actor,
    today,
  );
  return cases.map(({ orgPath, ...c }) => {
    const v = views.get(c.id);
    return {
      ...c,
      statusName: v?.stateLabel ?? MEDAL50_STATUS_LABELS[c.status],
      steps: (v?.log ?? []).map((s) => ({ ...s, orgPath: undefined })),
      next: v?.next ?? [],
      abilities: Object.fromEntries((v?.next ?? []).map((e) => [e.event, e.mayAct])) as Record<string, boolean>,
    };
  });
};

/** One case with its log and next events, if the actor may read its member. */
export const getMedal50Case = async (q: Q, actor: Actor, id: number, today: string) => {
  const [c] = await findMedal50Cases(q, sql`c.id = ${id}`);
  authorize(actor, 'honor.read', c, '纪念章申报');
  return (await presentMedal50Cases(q, actor, [c], today))[0] as Awaited<ReturnType<typeof presentMedal50Cases>>[number];
};

/**
 * 推荐: the 乡镇/基层党委 above the member's branch puts an eligible member forward for the year's
 * medal (RULES.md §4). A member has at most one live case; an awarded medal is for life.
 */
export const recommendMedal50 = async (q: Q, firing: Firing & { actor: Actor }, input: Medal50Recommend) => {
  const m = await getMemberFor(q, firing.actor, 'honor.read', input.memberId);
  const [live] = await rows<{ year: number; status: Medal50Status }>(
    q,
    sql`select c.year, wi.state as status from medal50 c join workflow_instance wi on wi.kind = ${MEDAL50_PROCESS.kind} and wi.subject_id = c.id
        where c.member_id = ${m.id} and wi.state <> 'rejected'`,
  );
  if (live) {
    throw new DomainError('CONFLICT', `${m.name}已有${live.year}年度的纪念章申报（${MEDAL50_STATUS_LABELS[live.status]}），每人只颁发一次`);
  }
  const [created] = await rows<{ id: number }>(q, sql`insert into medal50 (member_id, year) values (${m.id}, ${input.year}) returning id`);
  const id = created?.id as number;
  await startInstance(q, MEDAL50_PROCESS, id, firing.today);
  await advance(q, MEDAL50, firing, id, 'recommend', input, { date: input.date, data: input.note ? { note: input.note } : {} });
  return getMedal50Case(q, firing.actor, id, firing.today);
};

/** 审核, with the 纪检监察 opinion; a refusal ends the case as 未通过. */
export const reviewMedal50 = async (q: Q, firing: Firing & { actor: Actor }, id: number, r: Medal50Review) => {
  await getMedal50Case(q, firing.actor, id, firing.today);
  const { date, ...data } = r;
  await advance(q, MEDAL50, firing, id, 'review', r, { date, data });
  return getMedal50Case(q, firing.actor, id, firing.today);
};

/** 颁发. */
export const awardMedal50 = async (q: Q, firing: Firing & { actor: Actor }, id: number, date: string) => {
  await getMedal50Case(q, firing.actor, id, firing.today);
  await advance(q, MEDAL50, firing, id, 'award', { date }, { date, data: {} });
  return getMedal50Case(q, firing.actor, id, firing.today);
};

export interface CommendationRow {
  id: number;
  title: string;
  level: string;
  year: number;
  memberId: number | null;
  memberName: string | null;
  orgId: number;
  orgName: string;
  path: string;
  conferredAt: string;
  conferredBy: string | null;
  documentNo: string | null;
}

// Lists show the highest level first (全国 → 旗县级).
const COMMENDATION_LEVELS_HIGH_FIRST = `{${[...COMMENDATION_LEVELS].reverse().join(',')}}`;

// A member's honour lives where the member is now; an org's with the org.
const COMMENDATION_SELECT = sql`select c.id, c.title, c.level, c.year, c.member_id as "memberId", m.name as "memberName",
  s.id as "orgId", s.name as "orgName", s.path::text as path, to_char(c.conferred_at, 'YYYY-MM-DD') as "conferredAt",
  c.conferred_by as "conferredBy", c.document_no as "documentNo"
  from commendation c left join member m on m.id = c.member_id join org s on s.id = coalesce(m.org_id, c.org_id)`;

export const findCommendations = (q: Q, where: SQL, limit = 2000) =>
  rows<CommendationRow>(
    q,
    sql`${COMMENDATION_SELECT} where ${where} order by c.year desc, array_position(${COMMENDATION_LEVELS_HIGH_FIRST}::text[], c.level), c.title, s.path, c.id limit ${limit}`,
  );

/** Records a commendation of a member or an org the actor manages; the same honour once. */
export const createCommendation = async (q: Q, actor: Actor, userId: number, input: CommendationCreate, today: string) => {
  let subject: SQL;
  if (input.memberId) {
    const m = await getMemberFor(q, actor, 'honor.manage', input.memberId);
    subject = sql`c.member_id = ${m.id}`;
  } else {
    const o = await findOrg(q, input.orgId as number);
    authorize(actor, 'honor.manage', o, '党组织');
    subject = sql`c.org_id = ${o.id}`;
  }
  if (input.conferredAt > today) throw new DomainError('INVALID_INPUT', '表彰日期不能晚于今天', { field: 'conferredAt' });
  const [dup] = await rows(
    q,
    sql`select 1 from commendation c where ${subject} and c.title = ${input.title} and c.level = ${input.level} and c.year = ${input.year}`,
  );
  if (dup) throw new DomainError('CONFLICT', `已登记过${input.year}年度的同一表彰`, { field: 'title' });
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into commendation (title, level, year, member_id, org_id, conferred_at, conferred_by, document_no, created_by)
        values (${input.title}, ${input.level}, ${input.year}, ${input.memberId ?? null}, ${input.orgId ?? null}, ${input.conferredAt}::date,
                ${input.conferredBy ?? null}, ${input.documentNo ?? null}, ${userId}) returning id`,
  );
  return (await findCommendations(q, sql`c.id = ${created?.id}`))[0] as CommendationRow;
};

/** A member's honours: commendations and the medal case, if any. */
export const memberHonors = async (q: Q, actor: Actor, memberId: number, today: string) => {
  const m = await getMemberFor(q, actor, 'honor.read', memberId);
  const commendations = await findCommendations(q, sql`c.member_id = ${m.id}`);
  const [medal] = await findMedal50Cases(q, sql`c.member_id = ${m.id} and wi.state <> 'rejected'`);
  return { commendations, medal50: medal ? ((await presentMedal50Cases(q, actor, [medal], today))[0] ?? null) : null };
};

/**
 * Whether the actor may recommend, and review or award, for members beneath the org at `orgPath`
 * (the UI's abilities on the list page): asked for a branch below it, so the org itself counts.
 */
export const medal50Abilities = async (q: Q, actor: Actor, orgPath: string) => {
  const below = `${orgPath}.0`;
  if (!can(actor, 'honor.manage', { orgPath: below })) return { canRecommend: false, canReview: false };
  return {
    canRecommend: Boolean(await findActingOrg(q, actor, 'honor.manage', below, (o) => isBasicCommitteeOver(o, below))),
    canReview: Boolean(await findActingOrg(q, actor, 'honor.manage', below, isCountyOrAboveCommittee)),
  };
};
