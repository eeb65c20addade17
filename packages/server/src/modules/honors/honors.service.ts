import {
  type Actor,
  COMMENDATION_LEVELS,
  type CommendationCreate,
  type CommendationLevel,
  type CommendationTitle,
  can,
  DomainError,
  isBasicCommitteeOver,
  isCountyOrAboveCommittee,
  isMedal50Eligible,
  MEDAL50_PROCESS,
  MEDAL50_STATUS_LABELS,
  type Medal50Recommend,
  type Medal50Review,
  type Medal50Status,
  medal50Cutoff,
} from '@jishi/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { commendation, medal50 } from '../../platform/db/schema.js';
import { advance, bindProcess, describeMany, type Firing, startInstance } from '../../platform/workflow.js';
import { presentStep } from '../../platform/workflow.schema.js';
import { presentMember } from '../members/member.presenter.js';
import { searchMembers } from '../members/member.repo.js';
import { getMemberFor } from '../members/member.service.js';
import { findActingOrg, findOrg } from '../orgs/org.repo.js';
import type { Medal50CaseOut, Medal50StepData } from './honors.presenter.js';

/** The org a list is for, already checked for reading. */
interface ListOrg {
  id: number;
  name: string;
  orgPath: string;
}

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
const findMedal50Cases = (q: Q, where: SQL, limit = 5000) =>
  rows<Medal50Case>(q, sql`${CASE_SELECT} where ${where} order by o.path, m.pinyin, c.id limit ${limit}`);

/** Cases with their workflow views (state, log, next events for this reader), in one pass. */
const presentMedal50Cases = async (q: Q, actor: Actor, cases: Medal50Case[], today: string): Promise<Medal50CaseOut[]> => {
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
      // A step's data is what its event's input schema accepted (Medal50Inputs).
      steps: (v?.log ?? []).map((s) => ({ ...presentStep(s), data: s.data as Medal50StepData })),
      next: v?.next ?? [],
      abilities: Object.fromEntries((v?.next ?? []).map((e) => [e.event, e.mayAct])) as Record<string, boolean>,
    };
  });
};

/** One case with its log and next events, if the actor may read its member. */
export const getMedal50Case = async (q: Q, actor: Actor, id: number, today: string): Promise<Medal50CaseOut> => {
  const [c] = await findMedal50Cases(q, sql`c.id = ${id}`);
  authorize(actor, 'honor.read', c, '纪念章申报');
  return (await presentMedal50Cases(q, actor, [c], today))[0] as Medal50CaseOut;
};

/**
 * The 「光荣在党50年」 list of `year` under an org: full members in the reader's scope whose 党龄
 * reaches 50 years by 1 July, each with their live case; a medal awarded in an earlier year is for
 * life, so that member is not on this year's list.
 */
export const medal50List = async (q: Q, actor: Actor, o: ListOrg, year: number, today: string) => {
  const cutoff = medal50Cutoff(year);
  const found = await searchMembers(q, {
    actor,
    underPath: o.orgPath,
    status: 'full',
    fullMemberBy: cutoff,
    limit: 100_000,
    offset: 0,
  });
  const cases = new Map(
    (await findMedal50Cases(q, sql`o.path <@ ${o.orgPath}::ltree and wi.state <> 'rejected'`, 100_000)).map((c) => [c.memberId, c]),
  );
  const items = found.items
    .filter((m) => isMedal50Eligible(m, year))
    .filter((m) => {
      const c = cases.get(m.id);
      return !(c && c.status === 'awarded' && c.year < year);
    })
    .map((m) => {
      const c = cases.get(m.id);
      return { ...presentMember(actor, m, today), medal50: c ? { id: c.id, year: c.year, status: c.status } : null };
    });
  return {
    org: { id: o.id, name: o.name },
    year,
    cutoff,
    items,
    total: items.length,
    abilities: await medal50Abilities(q, actor, o.orgPath),
  };
};

/** The medal cases under an org in the reader's scope, by year and status. */
export const listMedal50Cases = async (
  q: Q,
  actor: Actor,
  o: ListOrg,
  f: { year?: number; status?: Medal50Status },
  today: string,
): Promise<Medal50CaseOut[]> => {
  const where = sql.join(
    [
      sql`o.path <@ ${o.orgPath}::ltree`,
      scopeFilter(actor, 'honor.read', sql`o.path`),
      f.year ? sql`c.year = ${f.year}` : sql`true`,
      f.status ? sql`wi.state = ${f.status}` : sql`true`,
    ],
    sql` and `,
  );
  return presentMedal50Cases(q, actor, await findMedal50Cases(q, where), today);
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
  const [created] = await q.insert(medal50).values({ memberId: m.id, year: input.year }).returning({ id: medal50.id });
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
  title: CommendationTitle;
  level: CommendationLevel;
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

const findCommendations = (q: Q, where: SQL, limit = 2000) =>
  rows<CommendationRow>(
    q,
    sql`${COMMENDATION_SELECT} where ${where} order by c.year desc, array_position(${COMMENDATION_LEVELS_HIGH_FIRST}::text[], c.level), c.title, s.path, c.id limit ${limit}`,
  );

/** Commendations under an org in the reader's scope (a member's with the branch they are in now), by year, title and level. */
export const listCommendations = (
  q: Q,
  actor: Actor,
  o: ListOrg,
  f: { year?: number; title?: CommendationTitle; level?: CommendationLevel },
) =>
  findCommendations(
    q,
    sql.join(
      [
        sql`s.path <@ ${o.orgPath}::ltree`,
        scopeFilter(actor, 'honor.read', sql`s.path`),
        f.year ? sql`c.year = ${f.year}` : sql`true`,
        f.title ? sql`c.title = ${f.title}` : sql`true`,
        f.level ? sql`c.level = ${f.level}` : sql`true`,
      ],
      sql` and `,
    ),
  );

/** Records a commendation of a member or an org the actor manages; the same honour once. */
export const createCommendation = async (q: Q, actor: Actor, userId: number, input: CommendationCreate, today: string) => {
  let subject: SQL;
  if (input.memberId) {
    const m = await getMemberFor(q, actor, 'honor.manage', input.memberId);
    subject = eq(commendation.memberId, m.id);
  } else {
    const o = await findOrg(q, input.orgId as number);
    authorize(actor, 'honor.manage', o, '党组织');
    subject = eq(commendation.orgId, o.id);
  }
  if (input.conferredAt > today) throw new DomainError('INVALID_INPUT', '表彰日期不能晚于今天', { field: 'conferredAt' });
  const [dup] = await q
    .select({ id: commendation.id })
    .from(commendation)
    .where(and(subject, eq(commendation.title, input.title), eq(commendation.level, input.level), eq(commendation.year, input.year)))
    .limit(1);
  if (dup) throw new DomainError('CONFLICT', `已登记过${input.year}年度的同一表彰`, { field: 'title' });
  const [created] = await q
    .insert(commendation)
    .values({
      title: input.title,
      level: input.level,
      year: input.year,
      memberId: input.memberId ?? null,
      orgId: input.orgId ?? null,
      conferredAt: input.conferredAt,
      conferredBy: input.conferredBy ?? null,
      documentNo: input.documentNo ?? null,
      createdBy: userId,
    })
    .returning({ id: commendation.id });
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
