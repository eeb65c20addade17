import {
  type Actor,
  awardProblem,
  BINDING_LABELS,
  type Binding,
  criteriaFor,
  DomainError,
  declarationProblem,
  flagRecommended,
  fromTenths,
  gradeByDeduction,
  isWithin,
  levelForScore,
  PROGRAMME_METHOD,
  publicityEndsOn,
  quotaProblem,
  type Rating,
  type ReviewInput,
  type Scheme,
  type SelfAssessment,
  scopesHeld,
  scoreByPoints,
  stepIndex,
  tenths,
  trimmedMean,
} from '@jishi/domain';
import { and, eq, sql } from 'drizzle-orm';
import { idIn, type Q, rows, schema } from '../../platform/db/index.js';
import { computeIndicators, findIndicator } from '../../platform/indicators.js';
import { advance, advanceEach, type Firing } from '../../platform/workflow.js';
import { ENTRIES, ENTRY_STATE_JOIN, type EntryRow, readableEntry, readableRound, type SelfRecord } from './evaluation.repo.js';

type Acting = Firing & { actor: Actor };

const { contestScore, roundEntry } = schema;

/** The figures a bound evidence item reads from the records, as of `today`. */
const BINDING_SOURCES: Record<Binding, { ids: string[]; value: (v: number[]) => number }> = {
  'life.completion_rate': { ids: ['life.completion_rate'], value: ([v]) => v ?? 0 },
  'dues.paid_rate': {
    ids: ['dues.paid', 'dues.due'],
    value: ([paid = 0, due = 0]) => (due === 0 ? 100 : Math.min(100, Math.round((paid / due) * 1000) / 10)),
  },
  'development.admitted': { ids: ['member.new'], value: ([v]) => v ?? 0 },
  'member.count': { ids: ['member.total'], value: ([v]) => v ?? 0 },
};

const readEvidence = async (q: Q, criteria: Scheme['criteria'], orgPath: string, today: string) => {
  const bound = criteria.filter((c) => c.binding);
  // Every figure the bindings need, in one computation (they share its passes over the records).
  const ids = [...new Set(bound.flatMap((c) => BINDING_SOURCES[c.binding as Binding].ids))];
  const defs = ids.map((id) => findIndicator(id)).filter((d) => d !== undefined);
  const values = bound.length ? await computeIndicators(q, defs, [orgPath], today) : new Map();
  return bound.map((c) => {
    const b = c.binding as Binding;
    const value = BINDING_SOURCES[b].value(BINDING_SOURCES[b].ids.map((id) => values.get(id)?.get(orgPath) ?? 0));
    return { key: c.key, binding: b, name: BINDING_LABELS[b].name, value, unit: BINDING_LABELS[b].unit };
  });
};

/** 自评: the org's own account of each criterion, the flags it competes for, and the figures the records give. */
export const fileSelfAssessment = async (q: Q, firing: Acting, entryId: number, input: SelfAssessment) => {
  const { entry, round } = await readableEntry(q, firing.actor, entryId);
  const def = round.definition;
  let record: SelfRecord | undefined;
  await advance(q, ENTRIES, firing, entry.id, 'file_self', input, {
    effect: async () => {
      const criteria = criteriaFor(def.criteria, entry.orgDomain);
      const keys = new Set(criteria.map((c) => c.key));
      const stray = input.items.find((i) => !keys.has(i.key));
      if (stray) throw new DomainError('INVALID_INPUT', `指标「${stray.key}」不适用于本组织`, { field: 'items' });
      const method = PROGRAMME_METHOD[round.programme];
      let selfScore: number | undefined;
      if (method === 'deduction') {
        const graded = gradeByDeduction(
          { ...def, criteria },
          Object.fromEntries(input.items.filter((i) => i.deduction !== undefined).map((i) => [i.key, i.deduction as number])),
        );
        if ('problem' in graded) throw new DomainError('INVALID_INPUT', graded.problem.message, { field: 'items' });
        selfScore = graded.result.score;
      }
      if (method === 'flags') {
        const problem = declarationProblem(input.flags, def.flags, def.flagCap);
        if (problem) throw new DomainError('RULE_VIOLATION', problem, { field: 'flags' });
      }
      record = {
        items: input.items,
        summary: input.summary,
        evidence: await readEvidence(q, criteria, entry.orgPath, firing.today),
        ...(selfScore !== undefined ? { selfScore } : {}),
        filedOn: firing.today,
      };
      await q.update(roundEntry).set({ selfAssessment: record, declaredFlags: input.flags }).where(eq(roundEntry.id, entry.id));
      return { selfScore, flags: input.flags };
    },
    data: {},
  });
  return record as SelfRecord;
};

/** The judges' scores of an entry's 书记比武, in the order recorded. */
export const contestScores = async (q: Q, entryId: number) =>
  (
    await q
      .select({ judge: contestScore.judge, tenths: contestScore.scoreTenths })
      .from(contestScore)
      .where(eq(contestScore.entryId, entryId))
      .orderBy(contestScore.id)
  ).map((s) => ({ judge: s.judge, score: fromTenths(s.tenths) }));

/** A judge's score of the secretary's presentation (党委摆擂、书记比武); each judge scores once. */
export const addContestScore = async (q: Q, firing: Acting, entryId: number, input: { judge: string; score: number }) => {
  const { entry } = await readableEntry(q, firing.actor, entryId);
  await advance(q, ENTRIES, firing, entry.id, 'score_contest', input, {
    effect: async () => {
      const [dup] = await q
        .select({ id: contestScore.id })
        .from(contestScore)
        .where(and(eq(contestScore.entryId, entry.id), eq(contestScore.judge, input.judge)));
      if (dup) throw new DomainError('CONFLICT', `评委「${input.judge}」已评分`, { field: 'judge' });
      await q
        .insert(contestScore)
        .values({ entryId: entry.id, judge: input.judge, scoreTenths: tenths(input.score), recordedBy: firing.actor.userId });
      return undefined;
    },
    // The log names the judge; the score itself is kept with the contest, shown to those above.
    data: { judge: input.judge },
  });
  const scores = await contestScores(q, entry.id);
  return { scores, mean: trimmedMean(scores.map((s) => s.score)) };
};

export const closeContest = async (q: Q, firing: Acting, entryId: number) => {
  const { entry } = await readableEntry(q, firing.actor, entryId);
  const scores = await contestScores(q, entry.id);
  const mean = trimmedMean(scores.map((s) => s.score));
  await advance(
    q,
    ENTRIES,
    firing,
    entry.id,
    'close_contest',
    {},
    {
      effect: async () => {
        if (scores.length === 0) throw new DomainError('RULE_VIOLATION', '还没有评委评分，不能结束比武', { field: 'judge' });
        return undefined;
      },
      data: { judges: scores.length, mean },
    },
  );
  return { scores, mean };
};

/** 基层党委评定: the score, level, flags or rating, by the scheme's method. */
export const reviewEntry = async (q: Q, firing: Acting, entryId: number, input: ReviewInput) => {
  const { entry, round } = await readableEntry(q, firing.actor, entryId);
  const def = round.definition;
  const criteria = criteriaFor(def.criteria, entry.orgDomain);
  const method = PROGRAMME_METHOD[round.programme];
  const fail = (message: string, field: string): never => {
    throw new DomainError('RULE_VIOLATION', message, { field });
  };
  let score: number | null = null;
  let level: string | null = null;
  let flags: string[] = [];
  let rating: Rating | null = null;
  await advance(q, ENTRIES, firing, entry.id, 'review', input, {
    effect: async (decision) => {
      const contestMean = trimmedMean((await contestScores(q, entry.id)).map((s) => s.score));
      if (method === 'deduction') {
        const graded = gradeByDeduction({ ...def, criteria }, input.deductions, input.vetoFailed);
        if ('problem' in graded) fail(graded.problem.message, graded.problem.field);
        else ({ score, level } = graded.result);
      } else if (method === 'levels') {
        const banded = def.levels.some((l) => l.minScore !== undefined);
        if (banded) {
          const scored = scoreByPoints(criteria, input.points);
          if ('problem' in scored) fail(scored.problem.message, scored.problem.field);
          else {
            score = scored.score;
            level = levelForScore(def.levels, scored.score);
          }
        } else {
          if (!input.level || !def.levels.some((l) => l.key === input.level)) fail('请选择评定等次', 'level');
          level = input.level as string;
          score = contestMean;
        }
      } else if (method === 'flags') {
        const keys = new Set(criteria.map((c) => c.key));
        const stray = input.met.find((k) => !keys.has(k));
        if (stray) fail(`指标「${stray}」不适用于本组织`, 'met');
        const problem = awardProblem(input.flags, entry.declaredFlags);
        if (problem) fail(problem, 'flags');
        const met = new Set(input.met);
        const short = input.flags.find((f) => !flagRecommended(f, criteria, met));
        if (short) fail(`「${def.flags.find((f) => f.key === short)?.name ?? short}」的指标未全部达标，不能评定`, 'flags');
        flags = input.flags;
        score = contestMean;
      } else {
        if (!input.rating) fail('请选择评定等次', 'rating');
        rating = input.rating as Rating;
      }
      const review = { ...input, contestMean, reviewedOn: firing.today };
      // The reviewing org is the one the engine found acting: the nearest grant strictly above.
      await q
        .update(roundEntry)
        .set({ review, reviewerOrgId: decision.org.id, scoreTenths: score === null ? null : tenths(score), level, rating, flags })
        .where(eq(roundEntry.id, entry.id));
      return { score, level, flags, rating };
    },
    data: {},
  });
  return { score, level, flags, rating };
};

/** Clears a judged result when an entry goes back to 评定. */
export const clearResult = (q: Q, entryId: number) =>
  q
    .update(roundEntry)
    .set({
      review: null,
      reviewerOrgId: null,
      scoreTenths: null,
      level: null,
      rating: null,
      flags: [],
      publicityFrom: null,
      publicityTo: null,
    })
    .where(eq(roundEntry.id, entryId));

/** 审定 returns an entry to 评定 with the reason. */
export const returnEntry = async (q: Q, firing: Acting, entryId: number, note: string) => {
  const { entry } = await readableEntry(q, firing.actor, entryId);
  await advance(
    q,
    ENTRIES,
    firing,
    entry.id,
    'return',
    { note },
    {
      effect: async () => {
        await clearResult(q, entry.id);
        return undefined;
      },
    },
  );
};

/**
 * 上级党委组织部门审定 for several entries at once. The quota (最强 ≤ n%) is held over the approved
 * results under the approver's org, these included; 公示 starts today.
 */
export const approveEntries = async (q: Q, firing: Acting, roundId: number, entryIds: number[], note: string | undefined) => {
  const { actor, today } = firing;
  const round = await readableRound(q, actor, roundId);
  const entries: EntryRow[] = [];
  for (const id of [...new Set(entryIds)]) {
    const { entry, round: r } = await readableEntry(q, actor, id);
    if (r.id !== round.id) throw new DomainError('INVALID_INPUT', `「${entry.orgName}」不在本轮评选中`, { field: 'entryIds' });
    entries.push(entry);
  }
  const names = new Map(entries.map((e) => [e.id, e.orgName]));
  const ends = publicityEndsOn(today, round.publicityDays);
  const ids = entries.map((e) => e.id);
  await advanceEach(q, ENTRIES, firing, ids, 'approve', () => (note ? { note } : {}), {
    nameOf: (id) => names.get(id) ?? '',
    data: () => ({ ...(note ? { note } : {}), publicityTo: ends }),
  });
  await quotaHeld(q, actor, round, entries);
  await q.update(roundEntry).set({ publicityFrom: today, publicityTo: ends }).where(idIn(roundEntry.id, ids));
  return { approved: entries.length, publicityTo: ends };
};

/** The 最强 quota over everything approved under each of the approver's orgs, the new ones counted (they are past 审定 now). */
const quotaHeld = async (q: Q, actor: Actor, round: Awaited<ReturnType<typeof readableRound>>, entries: EntryRow[]) => {
  const def = round.definition;
  const top = def.levels[0];
  if (def.topQuotaPercent === undefined || !top) return;
  const publicity = stepIndex(round.steps, 'publicity');
  const past = round.steps.slice(publicity).map((s) => s.kind);
  for (const scope of scopesHeld(actor, 'evaluation.manage')) {
    if (!entries.some((e) => isWithin(scope, e.orgPath))) continue;
    const [done] = await rows<{ total: number; top: number }>(
      q,
      sql`select count(*)::int as total, count(*) filter (where e.level = ${top.key})::int as top
          from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id
          where e.round_id = ${round.id} and wi.state = any(${`{${[...past, 'published'].join(',')}}`}::text[]) and o.path <@ ${scope}::ltree`,
    );
    const problem = quotaProblem(done?.top ?? 0, done?.total ?? 0, def.topQuotaPercent, top.name);
    if (problem) throw new DomainError('RULE_VIOLATION', problem, { field: 'entryIds' });
  }
};
