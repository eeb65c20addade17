import {
  type Actor,
  COMMENDATION_LEVELS,
  type CommendationCreate,
  can,
  DomainError,
  isBasicCommitteeOver,
  isCountyOrAboveCommittee,
  isMedal50Eligible,
  MEDAL50_STATUS_LABELS,
  type Medal50Recommend,
  type Medal50Review,
  type Medal50Status,
  medal50Cutoff,
  medal50StepProblem,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { appendStep, loadSteps, type RecordedStep } from '../../platform/workflow.js';
import { getMemberFor } from '../members/member.service.js';
import { findActingOrg, findOrg } from '../orgs/org.repo.js';

/** The workflow kind of a medal case on the shared step log. */
const MEDAL50 = 'medal50';

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

const CASE_SELECT = sql`select c.id, c.member_id as "memberId", m.name as "memberName", o.id as "orgId", o.name as "orgName",
  o.path::text as "orgPath", c.year, c.status
  from medal50 c join member m on m.id = c.member_id join org o on o.id = m.org_id`;

/** Medal cases matching `where`, by org then name. */
export const findMedal50Cases = (q: Q, where: SQL, limit = 5000) =>
  rows<Medal50Case>(q, sql`${CASE_SELECT} where ${where} order by o.path, m.pinyin, c.id limit ${limit}`);

/** One case with its recorded steps, if the actor may read its member. */
export const getMedal50Case = async (q: Q, actor: Actor, id: number) => {
  const [c] = await findMedal50Cases(q, sql`c.id = ${id}`);
  authorize(actor, 'member.read', c, '纪念章申报');
  return { ...c, steps: await loadSteps(q, MEDAL50, c.id) };
};

const actingOrgOrRefuse = async (q: Q, actor: Actor, orgPath: string, qualifies: Parameters<typeof findActingOrg>[4], refusal: string) => {
  const org = await findActingOrg(q, actor, 'member.manage', orgPath, qualifies);
  if (!org) throw new DomainError('FORBIDDEN', refusal);
  return org;
};

/**
 * 推荐: the 乡镇/基层党委 above the member's branch puts an eligible member forward for the year's
 * medal (RULES.md §4). A member has at most one live case; an awarded medal is for life.
 */
export const recommendMedal50 = async (q: Q, actor: Actor, input: Medal50Recommend, today: string) => {
  const m = await getMemberFor(q, actor, 'member.read', input.memberId);
  const org = await actingOrgOrRefuse(
    q,
    actor,
    m.orgPath,
    (o) => isBasicCommitteeOver(o, m.orgPath),
    '纪念章由党支部核实党龄后，经乡镇（街道）或基层党委推荐（中办《关于做好"光荣在党50年"纪念章颁发工作的通知》）；您不是该党员所在支部的上级基层党委管理员',
  );
  if (!isMedal50Eligible(m, input.year)) {
    throw new DomainError(
      'RULE_VIOLATION',
      m.exitType
        ? `${m.name}已不在册，纪念章只颁发给健在的党员`
        : `${m.name}到${input.year}年7月1日党龄不满50年（转正日期须不晚于${medal50Cutoff(input.year)}；中办《关于做好"光荣在党50年"纪念章颁发工作的通知》）`,
    );
  }
  if (input.date > today) throw new DomainError('INVALID_INPUT', '推荐日期不能晚于今天', { field: 'date' });
  const [live] = await rows<{ year: number; status: Medal50Status }>(
    q,
    sql`select year, status from medal50 where member_id = ${m.id} and status <> 'rejected'`,
  );
  if (live) {
    throw new DomainError('CONFLICT', `${m.name}已有${live.year}年度的纪念章申报（${MEDAL50_STATUS_LABELS[live.status]}），每人只颁发一次`);
  }
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into medal50 (member_id, year, status) values (${m.id}, ${input.year}, 'recommended') returning id`,
  );
  const id = created?.id as number;
  await appendStep(q, {
    kind: MEDAL50,
    subjectId: id,
    afterSeq: 0,
    step: 1,
    date: input.date,
    data: { orgId: org.id, orgName: org.name, ...(input.note ? { note: input.note } : {}) },
    warnings: [],
    actorId: actor.userId,
  });
  return getMedal50Case(q, actor, id);
};

const COUNTY_REFUSAL =
  '纪念章由旗县级以上党委组织部门审核、旗县级以上党委颁发（中办《关于做好"光荣在党50年"纪念章颁发工作的通知》）；您不是该党员所在旗县及以上党委的管理员';

/**
 * Moves a case one step: 审核 (with the 纪检监察 opinion; a refusal ends it as 未通过) or 颁发. Of two
 * concurrent actions exactly one wins: the status only changes from the state that was read.
 */
const advanceMedal50 = async (
  q: Q,
  actor: Actor,
  id: number,
  step: 2 | 3,
  date: string,
  data: Record<string, unknown>,
  next: Medal50Status,
  today: string,
) => {
  const c = await getMedal50Case(q, actor, id);
  const org = await actingOrgOrRefuse(q, actor, c.orgPath, isCountyOrAboveCommittee, COUNTY_REFUSAL);
  const last = c.steps.at(-1) as RecordedStep;
  const problem = medal50StepProblem({ status: c.status, year: c.year, lastDate: last.date }, step, date, today);
  if (problem) throw new DomainError('RULE_VIOLATION', problem, { field: 'date' });
  if (step === 3) {
    const m = await getMemberFor(q, actor, 'member.read', c.memberId);
    if (m.exitType) throw new DomainError('RULE_VIOLATION', `${m.name}已不在册，纪念章只颁发给健在的党员`);
  }
  const won = await rows(q, sql`update medal50 set status = ${next} where id = ${id} and status = ${c.status} returning id`);
  if (won.length === 0) throw new DomainError('CONFLICT', '该申报已被他人处理，请刷新');
  await appendStep(q, {
    kind: MEDAL50,
    subjectId: id,
    afterSeq: last.seq,
    step,
    date,
    data: { orgId: org.id, orgName: org.name, ...data },
    warnings: [],
    actorId: actor.userId,
  });
  return getMedal50Case(q, actor, id);
};

export const reviewMedal50 = (q: Q, actor: Actor, id: number, r: Medal50Review, today: string) =>
  advanceMedal50(
    q,
    actor,
    id,
    2,
    r.date,
    { passed: r.passed, disciplineOpinion: r.disciplineOpinion, ...(r.reason ? { reason: r.reason } : {}) },
    r.passed ? 'reviewed' : 'rejected',
    today,
  );

export const awardMedal50 = (q: Q, actor: Actor, id: number, date: string, today: string) =>
  advanceMedal50(q, actor, id, 3, date, {}, 'awarded', today);

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
    const m = await getMemberFor(q, actor, 'member.manage', input.memberId);
    subject = sql`c.member_id = ${m.id}`;
  } else {
    const o = await findOrg(q, input.orgId as number);
    authorize(actor, 'member.manage', o, '党组织');
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
export const memberHonors = async (q: Q, actor: Actor, memberId: number) => {
  const m = await getMemberFor(q, actor, 'member.read', memberId);
  const commendations = await findCommendations(q, sql`c.member_id = ${m.id}`);
  const [medal] = await findMedal50Cases(q, sql`c.member_id = ${m.id} and c.status <> 'rejected'`);
  return { commendations, medal50: medal ? { ...medal, steps: await loadSteps(q, MEDAL50, medal.id) } : null };
};

/**
 * Whether the actor may recommend, and review or award, for members beneath the org at `orgPath`
 * (the UI's abilities on the list page): asked for a branch below it, so the org itself counts.
 */
export const medal50Abilities = async (q: Q, actor: Actor, orgPath: string) => {
  const below = `${orgPath}.0`;
  if (!can(actor, 'member.manage', { orgPath: below })) return { canRecommend: false, canReview: false };
  return {
    canRecommend: Boolean(await findActingOrg(q, actor, 'member.manage', below, (o) => isBasicCommitteeOver(o, below))),
    canReview: Boolean(await findActingOrg(q, actor, 'member.manage', below, isCountyOrAboveCommittee)),
  };
};
