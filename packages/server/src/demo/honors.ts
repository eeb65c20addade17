import {
  type CommendationLevel,
  type CommendationTitle,
  isBasicCommitteeOver,
  isCountyOrAboveCommittee,
  MEDAL50_PROCESS,
  medal50Cutoff,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { OrgInsert } from '../modules/orgs/org.repo.js';
import { type Q, rows } from '../platform/db/index.js';
import type { Random } from './random.js';

/**
 * 2021 表彰 from the seed: 全国先进基层党组织 1; 自治区 25 优秀共产党员, 10 优秀党务工作者, 12 先进基层党组织;
 * 市级 50 / 50 / 100 on the eve of 七一.
 */
const COMMENDATIONS_2021: [CommendationTitle, CommendationLevel, number, string, string][] = [
  ['advanced_org', 'national', 1, '2021-06-28', '中共中央'],
  ['excellent_member', 'region', 25, '2021-06-25', '内蒙古自治区党委'],
  ['excellent_worker', 'region', 10, '2021-06-25', '内蒙古自治区党委'],
  ['advanced_org', 'region', 12, '2021-06-25', '内蒙古自治区党委'],
  ['excellent_member', 'city', 50, '2021-06-29', '中共通辽市委'],
  ['excellent_worker', 'city', 50, '2021-06-29', '中共通辽市委'],
  ['advanced_org', 'city', 100, '2021-06-29', '中共通辽市委'],
];

/** A sample of `n` distinct elements. */
const sample = <T>(r: Random, list: readonly T[], n: number): T[] => {
  const copy = [...list];
  for (let i = 0; i < n && i < copy.length; i++) {
    const j = i + Math.floor(r.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
};

/** The seed's 2021 commendations, on randomly chosen full members and branches. */
export const generateCommendations = async (q: Q, r: Random, branchIds: number[]): Promise<number> => {
  const members = await rows<{ id: number }>(
    q,
    sql`select id from member where status = 'full' and exit_type is null and full_member_at <= '2016-07-01' order by id`,
  );
  const values = [];
  for (const [title, level, n, conferredAt, by] of COMMENDATIONS_2021) {
    const subjects = title === 'advanced_org' ? sample(r, branchIds, n) : sample(r, members, n).map((m) => m.id);
    const documentNo = `${level === 'city' ? '通党' : level === 'region' ? '内党' : '中发'}〔2021〕${r.int(10, 60)}号`;
    for (const id of subjects) {
      const [memberId, orgId] = title === 'advanced_org' ? [null, id] : [id, null];
      values.push(sql`(${title}, ${level}, 2021, ${memberId}, ${orgId}, ${conferredAt}::date, ${by}, ${documentNo})`);
    }
  }
  await q.execute(
    sql`insert into commendation (title, level, year, member_id, org_id, conferred_at, conferred_by, document_no)
        values ${sql.join(values, sql`, `)}`,
  );
  return values.length;
};

/** The orgs that act on a branch's medal cases: its nearest 基层党委 and nearest county-level committee. */
export interface ActingOrgs {
  basic: { id: number; name: string };
  county: { id: number; name: string };
}

/** For every branch of the tree, the orgs acting on its medal cases, by the domain's own predicates. */
export const actingOrgsByBranch = (orgs: OrgInsert[], branchIds: number[]): Map<number, ActingOrgs> => {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out = new Map<number, ActingOrgs>();
  for (const id of branchIds) {
    const b = byId.get(id);
    if (!b) continue;
    // Ancestors nearest first.
    const ancestors = b.path
      .split('.')
      .slice(0, -1)
      .reverse()
      .map((a) => byId.get(Number(a)) as OrgInsert);
    const basic = ancestors.find((a) => isBasicCommitteeOver(a, b.path));
    const county = ancestors.find((a) => isCountyOrAboveCommittee({ type: a.type, divisionCode: a.divisionCode ?? null }));
    if (basic && county) out.set(id, { basic: { id: basic.id, name: basic.name }, county: { id: county.id, name: county.name } });
  }
  return out;
};

/**
 * 「光荣在党50年」 cases, 2021 to this year, each on the step log as the API records it: the nearest
 * 基层党委 recommends in May, the county committee reviews in June and awards before 七一. This
 * year's cases are left at every step so the procedure shows work in progress.
 */
export const generateMedal50 = async (q: Q, today: string, acting: Map<number, ActingOrgs>): Promise<number> => {
  const thisYear = Number(today.slice(0, 4));
  // The current year's round starts in May and is complete by 七一 only in the past years.
  const lastYear = today >= `${thisYear}-07-01` ? thisYear : thisYear - 1;
  const REACHED: Record<string, number> = { recommended: 1, reviewed: 2, awarded: 3 };
  let total = 0;
  for (let year = 2021; year <= lastYear; year++) {
    const current = year === thisYear;
    // Eligible that year, alive then, not awarded before; this year's are spread over the steps by id.
    const cases = await rows<{ id: number; orgId: number; status: string }>(
      q,
      sql`with chosen as (
            select m.id as member_id, m.org_id, case when not ${current} then 'awarded'
                     when m.id % 10 < 5 then 'awarded' when m.id % 10 < 8 then 'reviewed' else 'recommended' end as status
            from member m
            where m.status = 'full' and m.full_member_at <= ${medal50Cutoff(year)}::date
              and (m.exit_type is null or m.exit_at > ${`${year}-06-28`}::date)
              and not exists (select 1 from medal50 x where x.member_id = m.id)
              and (not ${current} or m.id % 10 < 9)),
          c as (insert into medal50 (member_id, year) select member_id, ${year} from chosen returning id, member_id)
          select c.id, ch.org_id as "orgId", ch.status from c join chosen ch on ch.member_id = c.member_id`,
    );
    total += cases.length;
    const steps: SQL[] = [];
    const instances: SQL[] = [];
    const EVENTS = ['', 'recommend', 'review', 'award'];
    for (const c of cases) {
      const reached = REACHED[c.status] ?? 0;
      const last = [`${year}-05-20`, `${year}-06-10`, `${year}-06-28`][reached - 1];
      instances.push(
        sql`(${MEDAL50_PROCESS.kind}, ${c.id}::int, ${c.status}, ${reached}::int, ${last}::date, ${c.status === 'awarded' ? last : null}::date)`,
      );
      const by = acting.get(c.orgId);
      if (!by) continue;
      const step = (n: number, date: string, org: { id: number; name: string }, extra: Record<string, unknown> = {}) =>
        sql`(${MEDAL50_PROCESS.kind}, ${c.id}::int, ${n}::int, ${EVENTS[n]}, ${n}::int, ${date}::date, ${JSON.stringify(extra)}::jsonb, '[]'::jsonb, ${org.id}::int)`;
      steps.push(step(1, `${year}-05-20`, by.basic));
      if (reached >= 2)
        steps.push(step(2, `${year}-06-10`, by.county, { passed: true, disciplineOpinion: '经征求纪检监察机关意见，无不同意见' }));
      if (reached >= 3) steps.push(step(3, `${year}-06-28`, by.county));
    }
    for (let i = 0; i < steps.length; i += 2000) {
      await q.execute(
        sql`insert into workflow_step (kind, subject_id, seq, event, step, date, data, warnings, org_id) values ${sql.join(steps.slice(i, i + 2000), sql`, `)}`,
      );
    }
    for (let i = 0; i < instances.length; i += 2000) {
      await q.execute(
        sql`insert into workflow_instance (kind, subject_id, state, seq, entered_on, closed_on) values ${sql.join(instances.slice(i, i + 2000), sql`, `)}`,
      );
    }
  }
  return total;
};
