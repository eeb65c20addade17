import {
  type Actor,
  criteriaFor,
  DIVISION_CODE_DIGITS,
  type EntryState,
  entryStateAt,
  PROGRAMME_METHOD,
  type Programme,
  type Rating,
  resultVisibleToAssessed,
  stepIndex,
  subsidyFen,
  trimmedMean,
} from '@jishi/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { escapeLike, type Q, rows, schema } from '../../platform/db/index.js';
import { describeInstance, describeMany } from '../../platform/workflow.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { ballotTally } from './evaluation.ballots.js';
import {
  type EntryItemOut,
  type EntryOut,
  entryAbilitiesOf,
  type orgResultOut,
  type roundProgressOut,
  type secretaryReviewOut,
  type yearResultOut,
} from './evaluation.presenter.js';
import {
  ENTRIES,
  ENTRY_STATE_JOIN,
  type EntryRow,
  oversees,
  type RoundRow,
  readableEntry,
  readableRound,
  stageOf,
} from './evaluation.repo.js';
import { contestScores } from './evaluation.review.js';

const { objection } = schema;

type ObjectionDecision = 'dismissed' | 'upheld';

/** The judged result of an entry, or nothing while it is hidden from the reader. */
const resultOf = (actor: Actor, round: RoundRow, e: Pick<EntryRow, 'orgPath' | 'state' | 'scoreTenths' | 'level' | 'rating' | 'flags'>) => {
  const visible = oversees(actor, e.orgPath) || resultVisibleToAssessed(round.steps, stageOf(round, e));
  if (!visible) return { resultHidden: true as const, score: null, level: null, levelName: null, rating: null, flags: [] as string[] };
  const level = round.definition.levels.find((l) => l.key === e.level);
  return {
    resultHidden: false as const,
    score: e.scoreTenths === null ? null : e.scoreTenths / 10,
    level: e.level,
    levelName: level?.name ?? null,
    rating: e.rating,
    flags: e.flags,
  };
};

/**
 * The org (as `o`) an entry ranks within: SQL form of the domain's `rankingUnitOf` — the nearest
 * ancestor with a township-level division code, else the parent. Kept equal to it by a test.
 */
export const rankingUnitSql = sql`coalesce((select a.id from org a where a.id = any(string_to_array(o.path::text, '.')::int[]) and a.id <> o.id
    and length(a.division_code) = ${DIVISION_CODE_DIGITS.township} order by nlevel(a.path) desc limit 1), o.parent_id)`;

/** The round's entries under the actor, with rank within township and domain once judged. */
export const listEntries = async (
  q: Q,
  actor: Actor,
  roundId: number,
  filter: { stage?: number; q?: string; orgId?: number; level?: string; limit: number; offset: number },
  today: string,
): Promise<{ items: EntryItemOut[]; total: number }> => {
  const round = await readableRound(q, actor, roundId);
  const under = filter.orgId ? await findOrgRef(q, filter.orgId) : undefined;
  if (filter.orgId) authorize(actor, 'evaluation.file', under, '党组织');
  const where: SQL[] = [sql`e.round_id = ${round.id}`, scopeFilter(actor, 'evaluation.file', sql`o.path`)];
  if (under) where.push(sql`o.path <@ ${under.orgPath}::ltree`);
  if (filter.stage !== undefined) where.push(sql`wi.state = ${entryStateAt(round.steps, filter.stage)}`);
  if (filter.level) where.push(sql`e.level = ${filter.level}`);
  if (filter.q) where.push(sql`o.name like ${`%${escapeLike(filter.q)}%`}`);
  const cond = sql.join(where, sql` and `);
  const list = await rows<EntryRow & { township: string | null; rank: number | null; total: number; openObjections: number }>(
    q,
    sql`with ranked as (
          select e.id, case when e.score_tenths is null then null else
            rank() over (partition by ${rankingUnitSql}, o.domain, e.score_tenths is null
                         order by e.score_tenths desc) end as rank
          from round_entry e join org o on o.id = e.org_id where e.round_id = ${round.id})
        select e.id, e.round_id as "roundId", e.org_id as "orgId", o.path::text as "orgPath", o.name as "orgName", o.domain as "orgDomain",
          o.type as "orgType", wi.state, wi.seq, e.declared_flags as "declaredFlags", e.score_tenths as "scoreTenths", e.level, e.rating, e.flags,
          to_char(e.publicity_to, 'YYYY-MM-DD') as "publicityTo", to_char(e.final_at, 'YYYY-MM-DD') as "finalAt",
          (select t.name from org t where t.id = ${rankingUnitSql}) as township,
          r.rank::int as rank, count(*) over ()::int as total,
          (select count(*)::int from objection x where x.entry_id = e.id and x.decision is null) as "openObjections"
        from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id join ranked r on r.id = e.id
        where ${cond}
        order by o.path limit ${filter.limit} offset ${filter.offset}`,
  );
  const views = await describeMany(
    q,
    ENTRIES,
    list.map((e) => e.id),
    actor,
    today,
  );
  return {
    total: list[0]?.total ?? 0,
    items: list.map((e) => {
      const result = resultOf(actor, round, e);
      const next = views.get(e.id)?.next ?? [];
      return {
        id: e.id,
        orgId: e.orgId,
        orgName: e.orgName,
        orgDomain: e.orgDomain,
        township: e.township,
        stage: stageOf(round, e),
        stepName: round.steps[stageOf(round, e)]?.name ?? '已发布',
        declaredFlags: e.declaredFlags,
        publicityTo: e.publicityTo,
        finalAt: e.finalAt,
        openObjections: e.openObjections,
        ...result,
        rank: result.resultHidden ? null : e.rank,
        abilities: entryAbilitiesOf(next),
      };
    }),
  };
};

/** Entries per step and results per level under the actor: the round's progress board. */
export const roundProgress = async (q: Q, actor: Actor, round: RoundRow): Promise<z.infer<typeof roundProgressOut>> => {
  const byState = await rows<{ state: EntryState; n: number }>(
    q,
    sql`select wi.state, count(*)::int as n from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id
        where e.round_id = ${round.id} and ${scopeFilter(actor, 'evaluation.file', sql`o.path`)} group by wi.state`,
  );
  const shown = [...round.steps.slice(stepIndex(round.steps, 'publicity')).map((s) => s.kind), 'published'];
  const byLevel = await rows<{ level: string | null; rating: Rating | null; n: number; flags: number }>(
    q,
    sql`select e.level, e.rating, count(*)::int as n, coalesce(sum(cardinality(e.flags)), 0)::int as flags
        from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id
        where e.round_id = ${round.id} and wi.state = any(${`{${shown.join(',')}}`}::text[])
          and ${scopeFilter(actor, 'evaluation.file', sql`o.path`)}
        group by e.level, e.rating`,
  );
  return {
    stages: round.steps.map((s, i) => ({ index: i, kind: s.kind, name: s.name, count: byState.find((b) => b.state === s.kind)?.n ?? 0 })),
    published: byState.find((b) => b.state === 'published')?.n ?? 0,
    results: byLevel,
  };
};

/** One entry with everything its page shows: criteria for its domain, what was filed, ballots, judges, log. */
export const entryDetail = async (q: Q, actor: Actor, entryId: number, today: string): Promise<EntryOut> => {
  const { entry, round } = await readableEntry(q, actor, entryId);
  const stage = stageOf(round, entry);
  const above = oversees(actor, entry.orgPath);
  const visible = above || resultVisibleToAssessed(round.steps, stage);
  const scores = await contestScores(q, entry.id);
  const objections = await q
    .select({
      id: objection.id,
      text: objection.text,
      raisedBy: objection.raisedBy,
      recordedOn: objection.recordedOn,
      decision: sql<ObjectionDecision | null>`${objection.decision}`,
      answer: objection.answer,
      answeredOn: objection.answeredOn,
    })
    .from(objection)
    .where(eq(objection.entryId, entry.id))
    .orderBy(objection.id);
  const workflow = await describeInstance(q, ENTRIES, entry.id, actor, today);
  return {
    id: entry.id,
    round: { id: round.id, name: round.name, programme: round.programme, method: PROGRAMME_METHOD[round.programme], year: round.year },
    org: { id: entry.orgId, name: entry.orgName, domain: entry.orgDomain, type: entry.orgType },
    stage,
    state: entry.state,
    seq: workflow.seq,
    steps: round.steps,
    publicityDays: round.publicityDays,
    criteria: criteriaFor(round.definition.criteria, entry.orgDomain),
    levels: round.definition.levels,
    flagsOffered: round.definition.flags,
    flagCap: round.definition.flagCap ?? null,
    declaredFlags: entry.declaredFlags,
    selfAssessment: entry.selfAssessment,
    ballots: await ballotTally(q, entry.id),
    contest: { scores: above ? scores : [], judges: scores.length, mean: visible ? trimmedMean(scores.map((s) => s.score)) : null },
    review: visible ? entry.review : null,
    ...resultOf(actor, round, entry),
    publicityFrom: entry.publicityFrom,
    publicityTo: entry.publicityTo,
    finalAt: entry.finalAt,
    objections: above ? objections : objections.map((o) => ({ ...o, raisedBy: null })),
    log: workflow.log.map((s) => {
      const d = s.data as {
        note?: string;
        score?: number;
        level?: string;
        flags?: string[];
        mean?: number;
        tally?: { total: number };
        decision?: string;
      };
      // What the step decided, for those who may see results.
      const decided = visible
        ? { score: d.score ?? d.mean ?? null, level: d.level ?? null, flags: d.flags ?? [], ballots: d.tally?.total ?? null }
        : { score: null, level: null, flags: [], ballots: d.tally?.total ?? null };
      return {
        step: s.step,
        stepName: round.steps[s.step]?.name ?? '',
        date: s.date,
        actorName: s.actorName,
        event: s.event,
        eventName: s.eventName,
        /** The entry went back to 评定 (退回, or an objection upheld). */
        sentBack: s.event === 'return' || (s.event === 'answer_objection' && d.decision === 'upheld'),
        note: d.note ?? null,
        ...decided,
      };
    }),
    oversees: above,
    vetoCap: round.definition.vetoCap ?? null,
    /** What the current step offers this reader, and whether and why not they may act now. */
    next: workflow.next,
    mayAct: workflow.next.some((e) => e.mayAct),
    whyNot: workflow.next.some((e) => e.mayAct) ? null : (workflow.next[0]?.whyNot ?? '本轮评选已结束，结果已发布'),
    abilities: entryAbilitiesOf(workflow.next),
  };
};

/** An org's published results across rounds, newest first: its badges and history. */
export const orgResults = async (q: Q, actor: Actor, orgId: number): Promise<z.infer<typeof orgResultOut>[]> => {
  const o = await findOrgRef(q, orgId);
  authorize(actor, 'org.read', o, '党组织');
  const list = await rows<{
    entryId: number;
    roundId: number;
    roundName: string;
    programme: Programme;
    year: number;
    scoreTenths: number | null;
    level: string | null;
    levels: { key: string; name: string }[] | string;
    flagNames: { key: string; name: string }[] | string;
    rating: Rating | null;
    flags: string[];
    finalAt: string;
  }>(
    q,
    sql`select e.id as "entryId", r.id as "roundId", r.name as "roundName", s.programme, s.year, e.score_tenths as "scoreTenths", e.level,
          coalesce(s.definition->'levels', '[]') as levels, coalesce(s.definition->'flags', '[]') as "flagNames",
          e.rating, e.flags, to_char(e.final_at, 'YYYY-MM-DD') as "finalAt"
        from round_entry e join evaluation_round r on r.id = e.round_id join scheme s on s.id = r.scheme_id
        where e.org_id = ${o.id} and e.final_at is not null order by s.year desc, e.final_at desc`,
  );
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
  return list.map((r) => {
    const levels = parse(r.levels);
    const flagNames = parse(r.flagNames);
    return {
      entryId: r.entryId,
      roundId: r.roundId,
      roundName: r.roundName,
      programme: r.programme,
      year: r.year,
      score: r.scoreTenths === null ? null : r.scoreTenths / 10,
      level: r.level,
      levelName: levels.find((l) => l.key === r.level)?.name ?? null,
      rating: r.rating,
      flags: r.flags.map((f) => flagNames.find((n) => n.key === f)?.name ?? f),
      finalAt: r.finalAt,
    };
  });
};

/** The finance office's list: flags named per org in a published 「五面红旗」 round, with the money. */
export const subsidyList = async (q: Q, actor: Actor, roundId: number) => {
  const round = await readableRound(q, actor, roundId);
  const per = round.definition.subsidyPerFlagFen ?? 0;
  const list = await rows<{ orgName: string; township: string | null; code: string; flags: string[]; finalAt: string }>(
    q,
    sql`select o.name as "orgName", o.code, e.flags, to_char(e.final_at, 'YYYY-MM-DD') as "finalAt",
          (select t.name from org t where t.id = ${rankingUnitSql}) as township
        from round_entry e join org o on o.id = e.org_id
        where e.round_id = ${round.id} and e.final_at is not null and cardinality(e.flags) > 0
          and ${scopeFilter(actor, 'evaluation.file', sql`o.path`)}
        order by o.path`,
  );
  const names = new Map(round.definition.flags.map((f) => [f.key, f.name]));
  const items = list.map((r) => ({
    ...r,
    flagNames: r.flags.map((f) => names.get(f) ?? f),
    amountFen: subsidyFen(r.flags.length, per),
  }));
  return {
    round,
    perFlagFen: per,
    items,
    totalFen: items.reduce((n, i) => n + i.amountFen, 0),
    flags: items.reduce((n, i) => n + i.flags.length, 0),
  };
};

/**
 * Year on year for one programme under an org: per year of published results, how many took part,
 * how many at each level or rating, and the flags named.
 */
export const compareYears = async (q: Q, actor: Actor, programme: Programme, orgId: number): Promise<z.infer<typeof yearResultOut>[]> => {
  const o = await findOrgRef(q, orgId);
  authorize(actor, 'evaluation.file', o, '党组织');
  const list = await rows<{ year: number; key: string | null; n: number; flags: number }>(
    q,
    sql`select s.year, coalesce(e.level, e.rating) as key, count(*)::int as n, coalesce(sum(cardinality(e.flags)), 0)::int as flags
        from round_entry e join evaluation_round r on r.id = e.round_id join scheme s on s.id = r.scheme_id join org eo on eo.id = e.org_id
        where s.programme = ${programme} and e.final_at is not null and eo.path <@ ${o.orgPath}::ltree
        group by s.year, coalesce(e.level, e.rating) order by s.year`,
  );
  const years = [...new Set(list.map((r) => r.year))];
  return years.map((year) => {
    const of = list.filter((r) => r.year === year);
    return {
      year,
      entries: of.reduce((n, r) => n + r.n, 0),
      flags: of.reduce((n, r) => n + r.flags, 0),
      byKey: Object.fromEntries(of.filter((r) => r.key !== null).map((r) => [r.key, r.n])),
    };
  });
};

/**
 * 述职评议 results of the years a member was 书记 of the org that reported: the rating goes into
 * the secretary's record (DOMAIN.md §4), read from the committee in office when it was published.
 */
export const secretaryReviews = (q: Q, memberId: number) =>
  rows<z.infer<typeof secretaryReviewOut>>(
    q,
    sql`select r.name as "roundName", s.year, o.name as "orgName", e.rating, to_char(e.final_at, 'YYYY-MM-DD') as "finalAt"
        from round_entry e join evaluation_round r on r.id = e.round_id join scheme s on s.id = r.scheme_id join org o on o.id = e.org_id
        join committee c on c.org_id = e.org_id and c.elected_at <= e.final_at and (c.ended_at is null or c.ended_at > e.final_at)
        join committee_member cm on cm.committee_id = c.id and cm.post = 'secretary' and cm.member_id = ${memberId}
        where s.programme = 'secretary_review' and e.final_at is not null and e.rating is not null
        order by s.year desc, e.final_at desc`,
  );
