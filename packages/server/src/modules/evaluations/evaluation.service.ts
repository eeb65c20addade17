import { randomInt } from 'node:crypto';
import {
  type Actor,
  awardProblem,
  BALLOT_CODE_ALPHABET,
  BINDING_LABELS,
  type Binding,
  can,
  criteriaFor,
  DomainError,
  declarationProblem,
  flagRecommended,
  gradeByDeduction,
  isWithin,
  levelForScore,
  notFound,
  PROGRAMME_METHOD,
  publicityEndsOn,
  quotaProblem,
  type Rating,
  type ReviewInput,
  type RoundCreate,
  roundSteps,
  type Scheme,
  type SelfAssessment,
  type StepKind,
  scoreByPoints,
  stepActorProblem,
  stepGate,
  stepIndex,
  tally,
  tenths,
  trimmedMean,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import type { Keys } from '../../platform/crypto.js';
import { blindIndex } from '../../platform/crypto.js';
import { type Q, rows } from '../../platform/db/index.js';
import { computeIndicators, findIndicator, orgExistsOn } from '../../platform/indicators.js';
import { appendStep } from '../../platform/workflow.js';
import { findOrg, findOrgRef } from '../orgs/org.repo.js';
import {
  type EntryRow,
  findEntry,
  findRound,
  findScheme,
  grantPaths,
  type RoundRow,
  readableEntry,
  readableRound,
  type SelfRecord,
} from './evaluation.repo.js';

export const WORKFLOW_KIND = 'evaluation';

// ---------------------------------------------------------------------------------------------
// Schemes

export const createScheme = async (q: Q, actor: Actor, orgId: number, input: Scheme, copiedFrom: number | null = null) => {
  const o = await findOrgRef(q, orgId);
  authorize(actor, 'evaluation.manage', o, '党组织');
  const [dup] = await rows<{ id: number }>(
    q,
    sql`select id from scheme where org_id = ${orgId} and year = ${input.year} and name = ${input.name}`,
  );
  if (dup) throw new DomainError('CONFLICT', `${input.year}年已有名为「${input.name}」的方案`, { field: 'name' });
  const [s] = await rows<{ id: number }>(
    q,
    sql`insert into scheme (org_id, programme, name, year, definition, copied_from, created_by)
        values (${orgId}, ${input.programme}, ${input.name}, ${input.year}, ${JSON.stringify({ ...input })}::jsonb, ${copiedFrom}, ${actor.userId})
        returning id`,
  );
  return s?.id as number;
};

/** Changes a scheme not yet in use; once a round has started on it, it is frozen (copy it forward instead). */
export const updateScheme = async (q: Q, actor: Actor, id: number, input: Scheme) => {
  const s = await findScheme(q, id);
  authorize(actor, 'evaluation.manage', s, '评选方案');
  if (input.programme !== s.programme) throw new DomainError('INVALID_INPUT', '不能改变方案的评选项目', { field: 'programme' });
  const [used] = await rows<{ name: string }>(q, sql`select name from evaluation_round where scheme_id = ${id} limit 1`);
  if (used) throw new DomainError('RULE_VIOLATION', `方案已用于轮次「${used.name}」，不能再修改；如需调整请复制为新版本`, { field: 'id' });
  await q.execute(
    sql`update scheme set name = ${input.name}, year = ${input.year}, definition = ${JSON.stringify(input)}::jsonb where id = ${id}`,
  );
  return id;
};

/** A scheme as read, with whether this reader may edit it (it belongs to an org they manage). */
export const schemeView = (actor: Actor, s: NonNullable<Awaited<ReturnType<typeof findScheme>>>) => ({
  id: s.id,
  canManage: can(actor, 'evaluation.manage', { orgPath: s.orgPath }),
  orgId: s.orgId,
  orgName: s.orgName,
  copiedFrom: s.copiedFrom,
  rounds: s.rounds,
  locked: s.rounds > 0,
  ...s.definition,
  programme: s.programme,
  name: s.name,
  year: s.year,
});

// ---------------------------------------------------------------------------------------------
// Rounds

/**
 * The orgs a round takes in: open orgs under the round's org (not itself) the scheme applies to,
 * and of those only the uppermost (a 嘎查村 党总支 competes, not its sub-branches as well).
 */
const eligibleSql = (def: Scheme, alias: SQL, asOf: string) => {
  const parts: SQL[] = [orgExistsOn(alias, asOf)];
  if (def.domains.length > 0) parts.push(sql`${alias}.domain = any(${`{${def.domains.join(',')}}`}::text[])`);
  if (def.orgTypes.length > 0) parts.push(sql`${alias}.type = any(${`{${def.orgTypes.join(',')}}`}::text[])`);
  if (def.unitOrgs) parts.push(sql`${alias}.unit is not null`);
  return sql.join(parts, sql` and `);
};

/** Enters every org the scheme takes in under `org` as it stood on `asOf`; returns how many. */
export const enrolEntries = async (q: Q, roundId: number, def: Scheme, org: { id: number; orgPath: string }, asOf: string) => {
  const [added] = await rows<{ n: number }>(
    q,
    sql`with ins as (
          insert into round_entry (round_id, org_id)
          select ${roundId}, e.id from org e
          where e.path <@ ${org.orgPath}::ltree and e.id <> ${org.id} and ${eligibleSql(def, sql`e`, asOf)}
            and not exists (select 1 from org a where a.path <@ ${org.orgPath}::ltree and e.path <@ a.path and a.id not in (e.id, ${org.id})
                              and ${eligibleSql(def, sql`a`, asOf)})
          returning 1)
        select count(*)::int as n from ins`,
  );
  return added?.n ?? 0;
};

export const createRound = async (q: Q, actor: Actor, input: RoundCreate, today: string) => {
  const s = await findScheme(q, input.schemeId);
  if (!s) throw notFound('评选方案');
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'evaluation.manage', o, '党组织');
  if (!isWithin(s.orgPath, o.orgPath))
    throw new DomainError('INVALID_INPUT', `「${o.name}」不在方案「${s.name}」的适用范围内`, { field: 'orgId' });
  const steps = roundSteps(s.definition.steps, input.windows);
  if (typeof steps === 'string') throw new DomainError('INVALID_INPUT', steps, { field: 'windows' });
  const [r] = await rows<{ id: number }>(
    q,
    sql`insert into evaluation_round (scheme_id, org_id, name, steps, publicity_days, created_by)
        values (${s.id}, ${o.id}, ${input.name}, ${JSON.stringify(steps)}::jsonb, ${input.publicityDays}, ${actor.userId}) returning id`,
  );
  const id = r?.id as number;
  const entries = await enrolEntries(q, id, s.definition, o, today);
  if (entries === 0) throw new DomainError('INVALID_INPUT', `「${o.name}」下没有方案「${s.name}」适用的党组织`, { field: 'orgId' });
  return { id, entries };
};

// ---------------------------------------------------------------------------------------------
// Steps

/**
 * Why the actor may not act at step `kind` for the entry now (out of order, early, late, or not
 * theirs), in Chinese; null when they may. The entry page shows it before anyone tries.
 */
export const stepRefusal = (actor: Actor, round: RoundRow, entry: EntryRow, kind: StepKind, today: string) => {
  const index = stepIndex(round.steps, kind);
  if (index < 0) return { code: 'WORKFLOW_INVALID_TRANSITION' as const, message: `本轮评选没有「${kind}」环节` };
  const problem = stepGate(round.steps, entry.stage, index, today);
  if (problem) return { code: 'WORKFLOW_INVALID_TRANSITION' as const, message: problem };
  const action = kind === 'self' || kind === 'ballot' ? 'evaluation.file' : 'evaluation.manage';
  const who = stepActorProblem(kind, grantPaths(actor, action), entry.orgPath, round.orgPath, entry.reviewerPath ?? undefined);
  return who ? { code: 'FORBIDDEN' as const, message: who } : null;
};

/** Step `kind` may be acted on for the entry now and by this actor; returns its index. */
const gate = (actor: Actor, round: RoundRow, entry: EntryRow, kind: StepKind, today: string) => {
  const refusal = stepRefusal(actor, round, entry, kind, today);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  return stepIndex(round.steps, kind);
};

/**
 * Moves the entry one step on (or to `to`) and logs the step. The row was read `for update` and
 * the update checks stage and seq: of two concurrent recordings exactly one is stored.
 */
const advance = async (
  q: Q,
  actor: Actor,
  entry: EntryRow,
  fromStage: number,
  today: string,
  data: Record<string, unknown>,
  set: SQL = sql``,
  to = fromStage + 1,
) => {
  const [u] = await rows<{ id: number }>(
    q,
    sql`update round_entry set stage = ${to}, seq = seq + 1 ${set}
        where id = ${entry.id} and stage = ${entry.stage} and seq = ${entry.seq} returning id`,
  );
  if (!u) throw new DomainError('CONFLICT', '该记录刚被他人办理，请刷新后查看');
  await appendStep(q, {
    kind: WORKFLOW_KIND,
    subjectId: entry.id,
    afterSeq: entry.seq,
    step: fromStage,
    date: today,
    data,
    warnings: [],
    actorId: actor.userId,
  });
};

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
export const fileSelfAssessment = async (q: Q, actor: Actor, entryId: number, input: SelfAssessment, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  const index = gate(actor, round, entry, 'self', today);
  const def = round.definition;
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
  const record: SelfRecord = {
    items: input.items,
    summary: input.summary,
    evidence: await readEvidence(q, criteria, entry.orgPath, today),
    ...(selfScore !== undefined ? { selfScore } : {}),
    filedOn: today,
  };
  await advance(
    q,
    actor,
    entry,
    index,
    today,
    { action: 'self', selfScore, flags: input.flags },
    sql`, self_assessment = ${JSON.stringify(record)}::jsonb, declared_flags = ${`{${input.flags.join(',')}}`}::text[]`,
  );
  return record;
};

/** Issues one-time codes for the entry's 测评; the plain codes are returned once and kept only as keyed hashes. */
export const issueCodes = async (q: Q, actor: Actor, keys: Keys, entryId: number, count: number, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  gate(actor, round, entry, 'ballot', today);
  const codes = Array.from({ length: count }, () =>
    Array.from({ length: 10 }, () => BALLOT_CODE_ALPHABET[randomInt(BALLOT_CODE_ALPHABET.length)]).join(''),
  );
  await q.execute(
    sql`insert into ballot_code (entry_id, code_hash, issued_by, issued_on) values ${sql.join(
      codes.map((c) => sql`(${entry.id}, ${blindIndex(keys, c)}, ${actor.userId}, ${today}::date)`),
      sql`, `,
    )}`,
  );
  return { codes, closesAt: round.steps[stepIndex(round.steps, 'ballot')]?.closesAt ?? null };
};

export const ballotTally = async (q: Q, entryId: number) => {
  const counts = await rows<{ choice: Rating; n: number }>(q, sql`select choice, votes as n from ballot_tally where entry_id = ${entryId}`);
  const [codes] = await rows<{ issued: number; used: number }>(
    q,
    sql`select count(*)::int as issued, count(used_on)::int as used from ballot_code where entry_id = ${entryId}`,
  );
  return { ...tally(Object.fromEntries(counts.map((c) => [c.choice, c.n]))), codesIssued: codes?.issued ?? 0, codesUsed: codes?.used ?? 0 };
};

/** Ends the entry's 测评: the count is recorded in the step log and unused codes stop working. */
export const closeBallot = async (q: Q, actor: Actor, entryId: number, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  const index = gate(actor, round, entry, 'ballot', today);
  const t = await ballotTally(q, entry.id);
  await advance(q, actor, entry, index, today, { action: 'ballot', tally: t });
  return t;
};

/** What the phone page shows for a code before voting; says plainly when it cannot be used. */
export const ballotInfo = async (q: Q, keys: Keys, code: string, today: string) => {
  const [found] = await rows<{ entryId: number; usedOn: string | null; orgName: string; roundId: number; stage: number }>(
    q,
    sql`select c.entry_id as "entryId", to_char(c.used_on, 'YYYY-MM-DD') as "usedOn", o.name as "orgName", e.round_id as "roundId", e.stage
        from ballot_code c join round_entry e on e.id = c.entry_id join org o on o.id = e.org_id
        where c.code_hash = ${blindIndex(keys, code)}`,
  );
  if (!found) throw new DomainError('NOT_FOUND', '测评码无效，请核对后重新输入');
  const round = (await findRound(q, found.roundId)) as RoundRow;
  const index = stepIndex(round.steps, 'ballot');
  const step = round.steps[index];
  let refusal: string | null = null;
  if (found.usedOn) refusal = '该测评码已投过票，每个测评码只能投一次';
  else if (found.stage !== index) refusal = '本次测评已结束，测评码已失效';
  else if (step && today > step.closesAt) refusal = `本次测评已于${step.closesAt}截止，测评码已失效`;
  else if (step && today < step.opensAt) refusal = `本次测评${step.opensAt}开始`;
  return {
    entryId: found.entryId,
    orgName: found.orgName,
    roundName: round.name,
    programme: round.programme,
    stepName: step?.name ?? '',
    refusal,
    summary: found.stage > 0 ? ((await findEntry(q, found.entryId))?.selfAssessment?.summary ?? null) : null,
  };
};

/**
 * One anonymous ballot per code: the code is marked used and the choice counted; no row is kept
 * per ballot, so nothing links a choice to a code, a time or an address. A second vote with the
 * same code is refused, also when two arrive at once.
 */
export const castBallot = async (q: Q, keys: Keys, code: string, choice: Rating, today: string) => {
  const info = await ballotInfo(q, keys, code, today);
  if (info.refusal) throw new DomainError('RULE_VIOLATION', info.refusal, { field: 'code' });
  const [used] = await rows<{ entryId: number }>(
    q,
    sql`update ballot_code set used_on = ${today}::date where code_hash = ${blindIndex(keys, code)} and used_on is null
        returning entry_id as "entryId"`,
  );
  if (!used) throw new DomainError('RULE_VIOLATION', '该测评码已投过票，每个测评码只能投一次', { field: 'code' });
  await q.execute(
    sql`insert into ballot_tally (entry_id, choice, votes) values (${used.entryId}, ${choice}, 1)
        on conflict (entry_id, choice) do update set votes = ballot_tally.votes + 1`,
  );
  return { entryId: used.entryId, orgName: info.orgName };
};

export const contestScores = (q: Q, entryId: number) =>
  rows<{ judge: string; score: number }>(
    q,
    sql`select judge, score_tenths / 10.0 as score from contest_score where entry_id = ${entryId} order by id`,
  ).then((list) => list.map((s) => ({ ...s, score: Number(s.score) })));

/** A judge's score of the secretary's presentation (党委摆擂、书记比武); each judge scores once. */
export const addContestScore = async (q: Q, actor: Actor, entryId: number, input: { judge: string; score: number }, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  gate(actor, round, entry, 'contest', today);
  const [dup] = await rows<{ id: number }>(q, sql`select id from contest_score where entry_id = ${entry.id} and judge = ${input.judge}`);
  if (dup) throw new DomainError('CONFLICT', `评委「${input.judge}」已评分`, { field: 'judge' });
  await q.execute(
    sql`insert into contest_score (entry_id, judge, score_tenths, recorded_by) values (${entry.id}, ${input.judge}, ${tenths(input.score)}, ${actor.userId})`,
  );
  const scores = await contestScores(q, entry.id);
  return { scores, mean: trimmedMean(scores.map((s) => s.score)) };
};

export const closeContest = async (q: Q, actor: Actor, entryId: number, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  const index = gate(actor, round, entry, 'contest', today);
  const scores = await contestScores(q, entry.id);
  if (scores.length === 0) throw new DomainError('RULE_VIOLATION', '还没有评委评分，不能结束比武', { field: 'judge' });
  const mean = trimmedMean(scores.map((s) => s.score));
  await advance(q, actor, entry, index, today, { action: 'contest', judges: scores.length, mean });
  return { scores, mean };
};

/** The reviewing org: the actor's nearest grant strictly above the entry. */
const reviewerOrg = (actor: Actor, entryPath: string) => {
  const above = grantPaths(actor, 'evaluation.manage').filter((g) => g !== entryPath && isWithin(g, entryPath));
  const nearest = above.sort((a, b) => b.length - a.length)[0] as string;
  return Number(nearest.split('.').pop());
};

/** 基层党委评定: the score, level, flags or rating, by the scheme's method. */
export const reviewEntry = async (q: Q, actor: Actor, entryId: number, input: ReviewInput, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  const index = gate(actor, round, entry, 'review', today);
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
  const review = { ...input, contestMean, reviewedOn: today };
  await advance(
    q,
    actor,
    entry,
    index,
    today,
    { action: 'review', score, level, flags, rating },
    sql`, review = ${JSON.stringify(review)}::jsonb, reviewer_org_id = ${reviewerOrg(actor, entry.orgPath)},
          score_tenths = ${score === null ? null : tenths(score)}, level = ${level}, rating = ${rating},
          flags = ${`{${flags.join(',')}}`}::text[]`,
  );
  return { score, level, flags, rating };
};

/** Clears a judged result and sends the entry back to an earlier step. */
const clearResult = sql`, review = null, reviewer_org_id = null, score_tenths = null, level = null, rating = null,
  flags = '{}', publicity_from = null, publicity_to = null`;

/** 审定 returns an entry to 评定 with the reason. */
export const returnEntry = async (q: Q, actor: Actor, entryId: number, note: string, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  const index = gate(actor, round, entry, 'approve', today);
  await advance(q, actor, entry, index, today, { action: 'return', note }, clearResult, stepIndex(round.steps, 'review'));
};

/**
 * 上级党委组织部门审定 for several entries at once. The quota (最强 ≤ n%) is held over the approved
 * results under the approver's org, these included; 公示 starts today.
 */
export const approveEntries = async (q: Q, actor: Actor, roundId: number, entryIds: number[], note: string | undefined, today: string) => {
  const round = await readableRound(q, actor, roundId);
  const entries: EntryRow[] = [];
  for (const id of [...new Set(entryIds)]) {
    const { entry, round: r } = await readableEntry(q, actor, id, true);
    if (r.id !== round.id) throw new DomainError('INVALID_INPUT', `「${entry.orgName}」不在本轮评选中`, { field: 'entryIds' });
    try {
      gate(actor, round, entry, 'approve', today);
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError(err.code, `「${entry.orgName}」：${err.message}`, { field: 'entryIds' });
      throw err;
    }
    entries.push(entry);
  }
  const def = round.definition;
  const top = def.levels[0];
  if (def.topQuotaPercent !== undefined && top) {
    const publicity = stepIndex(round.steps, 'publicity');
    for (const scope of grantPaths(actor, 'evaluation.manage')) {
      const mine = entries.filter((e) => isWithin(scope, e.orgPath));
      if (mine.length === 0) continue;
      const [done] = await rows<{ total: number; top: number }>(
        q,
        sql`select count(*)::int as total, count(*) filter (where e.level = ${top.key})::int as top
            from round_entry e join org o on o.id = e.org_id
            where e.round_id = ${round.id} and e.stage >= ${publicity} and o.path <@ ${scope}::ltree`,
      );
      const problem = quotaProblem(
        (done?.top ?? 0) + mine.filter((e) => e.level === top.key).length,
        (done?.total ?? 0) + mine.length,
        def.topQuotaPercent,
        top.name,
      );
      if (problem) throw new DomainError('RULE_VIOLATION', problem, { field: 'entryIds' });
    }
  }
  const index = stepIndex(round.steps, 'approve');
  const ends = publicityEndsOn(today, round.publicityDays);
  for (const entry of entries)
    await advance(
      q,
      actor,
      entry,
      index,
      today,
      { action: 'approve', note, publicityTo: ends },
      sql`, publicity_from = ${today}::date, publicity_to = ${ends}::date`,
    );
  return { approved: entries.length, publicityTo: ends };
};

/** An objection raised during 公示, recorded by the office that runs it. */
export const addObjection = async (q: Q, actor: Actor, entryId: number, input: { text: string; raisedBy?: string }, today: string) => {
  const { entry, round } = await readableEntry(q, actor, entryId, true);
  gate(actor, round, entry, 'publicity', today);
  if (entry.publicityTo && today > entry.publicityTo)
    throw new DomainError('RULE_VIOLATION', `公示已于${entry.publicityTo}结束，不再受理异议`, { field: 'text' });
  const [o] = await rows<{ id: number }>(
    q,
    sql`insert into objection (entry_id, text, raised_by, recorded_by, recorded_on)
        values (${entry.id}, ${input.text}, ${input.raisedBy ?? null}, ${actor.userId}, ${today}::date) returning id`,
  );
  return o?.id as number;
};

/** Answers an objection; one upheld sends the entry back to 评定 and clears its result. */
export const answerObjection = async (
  q: Q,
  actor: Actor,
  objectionId: number,
  input: { decision: 'dismissed' | 'upheld'; answer: string },
  today: string,
) => {
  const [found] = await rows<{ entryId: number; decision: string | null }>(
    q,
    sql`select entry_id as "entryId", decision from objection where id = ${objectionId} for update`,
  );
  if (!found) throw notFound('异议');
  const { entry, round } = await readableEntry(q, actor, found.entryId, true);
  const index = gate(actor, round, entry, 'publicity', today);
  if (found.decision) throw new DomainError('CONFLICT', '该异议已答复');
  await q.execute(
    sql`update objection set decision = ${input.decision}, answer = ${input.answer}, answered_by = ${actor.userId}, answered_on = ${today}::date
        where id = ${objectionId}`,
  );
  if (input.decision === 'upheld')
    await advance(
      q,
      actor,
      entry,
      index,
      today,
      { action: 'objection_upheld', objectionId },
      clearResult,
      stepIndex(round.steps, 'review'),
    );
  return { entryId: entry.id };
};

/**
 * Ends 公示 for the entries under the actor whose 公示 is over with every objection answered: the
 * results are published (flags named, levels final). The others stay and are counted.
 */
export const publishRound = async (q: Q, actor: Actor, roundId: number, today: string) => {
  const round = await readableRound(q, actor, roundId);
  const index = stepIndex(round.steps, 'publicity');
  const candidates = await rows<{ id: number; path: string; publicityTo: string; open: number }>(
    q,
    sql`select e.id, o.path::text as path, to_char(e.publicity_to, 'YYYY-MM-DD') as "publicityTo",
          (select count(*)::int from objection x where x.entry_id = e.id and x.decision is null) as open
        from round_entry e join org o on o.id = e.org_id where e.round_id = ${round.id} and e.stage = ${index}
        order by e.id`,
  );
  let waiting = 0;
  let objections = 0;
  const ready: number[] = [];
  for (const c of candidates) {
    if (stepActorProblem('publicity', grantPaths(actor, 'evaluation.manage'), c.path, round.orgPath)) continue;
    if (c.publicityTo >= today) waiting++;
    else if (c.open > 0) objections++;
    else ready.push(c.id);
  }
  // One statement for the lot (a county publishes hundreds at once); the stage check keeps it to
  // entries no one moved meanwhile, and the log's unique key still holds each step once.
  const moved = ready.length
    ? await rows<{ id: number; seq: number }>(
        q,
        sql`update round_entry set stage = stage + 1, seq = seq + 1, final_at = ${today}::date
            where id = any(${`{${ready.join(',')}}`}::int[]) and stage = ${index} returning id, seq - 1 as seq`,
      )
    : [];
  if (moved.length)
    await q.execute(
      sql`insert into workflow_step (kind, subject_id, seq, step, date, data, warnings, actor_id)
          select ${WORKFLOW_KIND}, m.id, m.seq + 1, ${index}, ${today}::date, '{"action":"publish"}'::jsonb, '[]'::jsonb, ${actor.userId}
          from unnest(${`{${moved.map((m) => m.id).join(',')}}`}::int[], ${`{${moved.map((m) => m.seq).join(',')}}`}::int[]) as m(id, seq)`,
    );
  const published = moved.length;
  return { published, waiting, objections };
};
