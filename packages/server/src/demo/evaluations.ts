import {
  addDays,
  criteriaFor,
  ENTRY_PROCESS,
  entryStateAt,
  gradeByDeduction,
  levelForScore,
  publicityEndsOn,
  type Rating,
  type RoundStep,
  roundSteps,
  type Scheme,
  scoreByPoints,
  stepIndex,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { enrolEntries } from '../modules/evaluations/evaluation.rounds.js';
import { insertColumns, type Q, rows } from '../platform/db/index.js';
import type { Random } from './random.js';
import { branchGrading, FLAGS, happyCommunity, redFlagsAllDomains, redFlagsVillage, schoolGrading, secretaryReview } from './schemes.js';

/**
 * 评星定级 history and a round in progress (DOMAIN.md §4, seed figures): 「五面红旗」 2019–2021 with
 * 273 villages holding 600 flags and 1000 flags in all; 分类定级 2019–2021 with 2480 最强 of 7066
 * (35.1%) in 2021; 319 schools graded; 100 幸福社区; the secretaries' review; and this year's
 * 分类定级 and 「五面红旗」 rounds with entries at every step. Every result is entered the way the
 * engine records it: each score is 100 less the deductions recorded with it, each level the band
 * of its score, and every step is in the workflow log.
 */
const VILLAGE_FLAG_VILLAGES = 273;
const VILLAGE_FLAGS = 600;
const OTHER_FLAGS_2021 = 400;
const STRONGEST_2021 = 2480;
const HAPPY_COMMUNITIES = 100;

interface Entry {
  id: number;
  orgId: number;
  parentId: number;
  domain: string;
  type: string;
  villageLevel: boolean;
}

interface Result {
  stage: number;
  selfAssessment?: unknown;
  declaredFlags?: string[];
  review?: unknown;
  scoreTenths?: number | null;
  level?: string | null;
  rating?: Rating | null;
  flags?: string[];
  publicityFrom?: string | null;
  publicityTo?: string | null;
  finalAt?: string | null;
}

const shuffle = <T>(r: Random, list: T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Deductions that add up to `1000 - scoreTenths`, each within its item's maximum. */
const deductionsFor = (r: Random, def: Scheme, domain: string, scoreTenths: number) => {
  let left = 1000 - scoreTenths;
  const out: Record<string, number> = {};
  const items = shuffle(
    r,
    criteriaFor(def.criteria, domain).filter((c) => !c.veto),
  );
  for (const [i, c] of items.entries()) {
    if (left <= 0) break;
    const cap = Math.round((c.maxDeduction ?? 0) * 10);
    const last = i === items.length - 1;
    const take = Math.min(cap, last ? left : Math.min(left, 5 * r.int(0, Math.ceil(cap / 5))));
    if (take > 0) out[c.key] = take / 10;
    left -= take;
  }
  // Whatever is left goes to the first items with room.
  for (const c of items) {
    if (left <= 0) break;
    const room = Math.round((c.maxDeduction ?? 0) * 10) - Math.round((out[c.key] ?? 0) * 10);
    const take = Math.min(room, left);
    if (take > 0) out[c.key] = (Math.round((out[c.key] ?? 0) * 10) + take) / 10;
    left -= take;
  }
  return out;
};

const BANDS: Record<string, [number, number]> = {
  strongest: [950, 1000],
  standard: [850, 945],
  qualified: [700, 845],
  weak: [550, 695],
};
const scoreIn = (r: Random, level: string) => {
  const [lo, hi] = BANDS[level] as [number, number];
  return lo + 5 * r.int(0, (hi - lo) / 5);
};

/** A round with its steps' windows and its entries, as the engine would enrol them. */
const startRound = async (
  q: Q,
  root: { id: number; orgPath: string },
  schemeId: number,
  def: Scheme,
  name: string,
  windows: { opensAt: string; closesAt: string }[],
  publicityDays = 7,
) => {
  const steps = roundSteps(def.steps, windows) as RoundStep[];
  const [r] = await rows<{ id: number }>(
    q,
    sql`insert into evaluation_round (scheme_id, org_id, name, steps, publicity_days)
        values (${schemeId}, ${root.id}, ${name}, ${JSON.stringify(steps)}::jsonb, ${publicityDays}) returning id`,
  );
  const id = r?.id as number;
  await enrolEntries(q, { id, firstStep: steps[0]?.kind ?? 'published' }, def, root, windows[0]?.opensAt as string);
  const entries = await rows<Entry>(
    q,
    sql`select e.id, e.org_id as "orgId", o.parent_id as "parentId", o.domain, o.type,
          coalesce(length(o.division_code) = 12, false) as "villageLevel"
        from round_entry e join org o on o.id = e.org_id where e.round_id = ${id} order by e.id`,
  );
  return { id, steps, entries };
};

const insertScheme = async (q: Q, rootId: number, def: Scheme, copiedFrom: number | null = null) => {
  const [s] = await rows<{ id: number }>(
    q,
    sql`insert into scheme (org_id, programme, name, year, definition, copied_from)
        values (${rootId}, ${def.programme}, ${def.name}, ${def.year}, ${JSON.stringify(def)}::jsonb, ${copiedFrom}) returning id`,
  );
  return s?.id as number;
};

/** A round's results as loaded in bulk: JSON and arrays as their text, cast where they are used. */
const RESULT_COLUMNS: [string, string][] = [
  ['id', 'int'],
  ['self', 'text'],
  ['declared', 'text'],
  ['review', 'text'],
  ['reviewer', 'int'],
  ['score', 'int'],
  ['level', 'text'],
  ['rating', 'text'],
  ['flags', 'text'],
  ['pfrom', 'date'],
  ['pto', 'date'],
  ['final', 'date'],
  ['state', 'text'],
  ['stage', 'int'],
];

const arrayText = (list: readonly string[] | undefined) => `{${(list ?? []).join(',')}}`;
const jsonText = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Writes the results and the workflow log of a round's entries: the results loaded in bulk into a
 * scratch table, then one statement each for the entries, their instances and their log.
 */
const saveResults = async (q: Q, steps: RoundStep[], results: Map<number, Result>, today: string) => {
  const list = [...results.entries()];
  await q.execute(sql.raw(`create temp table entry_result (${RESULT_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) on commit drop`));
  await insertColumns(
    q,
    'entry_result',
    RESULT_COLUMNS,
    list.map(([id, r]) => [
      id,
      jsonText(r.selfAssessment),
      arrayText(r.declaredFlags),
      jsonText(r.review),
      (r.review as { reviewerOrgId?: number } | undefined)?.reviewerOrgId ?? null,
      r.scoreTenths ?? null,
      r.level ?? null,
      r.rating ?? null,
      arrayText(r.flags),
      r.publicityFrom ?? null,
      r.publicityTo ?? null,
      r.finalAt ?? null,
      entryStateAt(steps, r.stage),
      r.stage,
    ]),
  );
  await q.execute(sql`analyze entry_result`);
  await q.execute(
    sql`update round_entry e set self_assessment = v.self::jsonb, declared_flags = v.declared::text[], review = v.review::jsonb,
          reviewer_org_id = v.reviewer, score_tenths = v.score, level = v.level, rating = v.rating, flags = v.flags::text[],
          publicity_from = v.pfrom, publicity_to = v.pto, final_at = v.final
        from entry_result v where e.id = v.id`,
  );
  // The engine's view of the same: each entry at the step its result reached, a published one closed.
  await q.execute(
    sql`update workflow_instance wi set state = v.state, seq = v.stage, closed_on = v.final
        from entry_result v where wi.kind = ${ENTRY_PROCESS.kind} and wi.subject_id = v.id`,
  );
  // One log row per step passed, dated at the step's close (公示 at its end, never after today).
  const info = sql.join(
    steps.map((st, i) => sql`(${i}::int, ${st.kind}::text, ${st.closesAt}::date)`),
    sql`, `,
  );
  await q.execute(
    sql`insert into workflow_step (kind, subject_id, seq, event, step, date, data)
        select ${ENTRY_PROCESS.kind}, v.id, g.i + 1, ${sql.raw(CLOSING_EVENT_SQL)}, g.i,
          case when st.kind = 'publicity' then coalesce(v.final - 1, v.pto)
               else least(st.closes, coalesce(v.pfrom, st.closes), ${today}::date) end,
          '{"imported":true}'::jsonb
        from entry_result v
        cross join lateral generate_series(0, v.stage - 1) as g(i)
        join (values ${info}) as st(i, kind, closes) on st.i = g.i
        where v.stage > 0`,
  );
  await q.execute(sql`drop table entry_result`);
  // Those who did not take part in a finished round are not entries of it.
  return list.flatMap(([id, r]) => (r.stage > 0 ? [id] : []));
};

/** The event that ends each kind of step, as the engine names it (SQL over `st.kind`). */
const CLOSING_EVENT_SQL = `case st.kind when 'self' then 'file_self' when 'ballot' then 'close_ballot' when 'contest' then 'close_contest'
  when 'publicity' then 'publish' else st.kind end`;

const yearWindows = (year: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ opensAt: `${year}-0${3 + i}-01`, closesAt: `${year}-0${3 + i}-25` }));

/** A finished entry: every step passed, published after its 公示. */
const finished = (steps: RoundStep[], days: number, r: Partial<Result>): Result => {
  const approve = steps[stepIndex(steps, 'approve')] as RoundStep;
  const from = approve.closesAt;
  const to = publicityEndsOn(from, days);
  return { ...r, stage: steps.length, publicityFrom: from, publicityTo: to, finalAt: addDays(to, 1) };
};

const selfOf = (summary: string, filedOn: string, selfScore?: number) => ({
  items: [],
  summary,
  evidence: [],
  ...(selfScore !== undefined ? { selfScore } : {}),
  filedOn,
});

const gradingResult = (r: Random, def: Scheme, e: Entry, level: string, filedOn: string, reviewedOn: string) => {
  const score = scoreIn(r, level);
  const deductions = deductionsFor(r, def, e.domain, score);
  const graded = gradeByDeduction({ ...def, criteria: criteriaFor(def.criteria, e.domain) }, deductions);
  if ('problem' in graded || graded.result.level !== level) throw new Error(`demo grading ${level} ${score} ${JSON.stringify(graded)}`);
  return {
    selfAssessment: selfOf('对照参考标准逐项自查，整改了发现的问题。', filedOn, Math.min(100, graded.result.score + r.int(0, 4))),
    review: { deductions, vetoFailed: [], reviewedOn, reviewerOrgId: e.parentId },
    scoreTenths: score,
    level,
  };
};

/** Levels for a list of entries: exactly `top` at the top level, the rest by shares. */
const levelsFor = (r: Random, entries: Entry[], top: number, weak: number, qualified: number) => {
  const order = shuffle(r, entries);
  return new Map(
    order.map((e, i) => [
      e.id,
      i < top ? 'strongest' : i < top + weak ? 'weak' : i < top + weak + Math.round(qualified * entries.length) ? 'qualified' : 'standard',
    ]),
  );
};

export const generateEvaluations = async (q: Q, r: Random, today: string) => {
  const [root] = await rows<{ id: number; orgPath: string }>(
    q,
    sql`select id, path::text as "orgPath" from org where parent_id is null order by id limit 1`,
  );
  if (!root) return { rounds: 0, entries: 0 };
  const year = Number(today.slice(0, 4));
  let rounds = 0;
  let entriesTotal = 0;

  // 分类定级 2019–2021: 最强 growing to the seed's 2480 of 7066 (35.1%).
  let gradingId = 0;
  for (const [y, share] of [
    [2019, 0.265],
    [2020, 0.302],
    [2021, 0],
  ] as const) {
    const def = branchGrading(y);
    gradingId = await insertScheme(q, root.id, def, gradingId || null);
    const round = await startRound(q, root, gradingId, def, `${y}年党支部分类定级`, yearWindows(y, 4));
    const top = y === 2021 ? STRONGEST_2021 : Math.round(share * round.entries.length);
    const levels = levelsFor(r, round.entries, top, Math.round(0.02 * round.entries.length), 0.15);
    const results = new Map<number, Result>();
    for (const e of round.entries) {
      const level = levels.get(e.id) as string;
      results.set(
        e.id,
        finished(round.steps, 7, gradingResult(r, def, e, level, round.steps[0]?.closesAt as string, round.steps[2]?.closesAt as string)),
      );
    }
    entriesTotal += (await saveResults(q, round.steps, results, today)).length;
    rounds++;
  }

  // 「五面红旗」 2019–2021: 273 villages holding 600 flags, then 400 more in the other domains in 2021.
  const v2019 = await insertScheme(q, root.id, redFlagsVillage(2019));
  const v2020 = await insertScheme(q, root.id, redFlagsVillage(2020), v2019);
  const all2021 = await insertScheme(q, root.id, redFlagsAllDomains(2021), v2020);
  const flagRounds = [
    { year: 2019, schemeId: v2019, def: redFlagsVillage(2019) },
    { year: 2020, schemeId: v2020, def: redFlagsVillage(2020) },
    { year: 2021, schemeId: all2021, def: redFlagsAllDomains(2021) },
  ];
  const started = [];
  for (const f of flagRounds)
    started.push({ ...f, round: await startRound(q, root, f.schemeId, f.def, `${f.year}年“五面红旗”评选`, yearWindows(f.year, 5)) });
  // Villages that enter every year (not the 141 village 党委, which the 2021 scheme leaves to their branches).
  const entered = started.map((s) => new Set(s.round.entries.map((e) => e.orgId)));
  const everyYear = (started[0]?.round.entries ?? []).filter((e) => e.villageLevel && entered.every((set) => set.has(e.orgId)));
  const winners = shuffle(
    r,
    everyYear.map((e) => e.orgId),
  ).slice(0, VILLAGE_FLAG_VILLAGES);
  const count = new Map(winners.map((v) => [v, 1]));
  for (let extra = VILLAGE_FLAGS - winners.length; extra > 0; ) {
    const v = r.pick(winners);
    if ((count.get(v) ?? 0) >= FLAGS.length) continue;
    count.set(v, (count.get(v) ?? 0) + 1);
    extra--;
  }
  // Each village's flags, each in one year, at most 3 a round (the cap).
  const won = new Map<string, string[]>(); // `${year}:${orgId}` → flags
  for (const v of winners) {
    for (const flag of shuffle(
      r,
      FLAGS.map((f) => f.key),
    ).slice(0, count.get(v))) {
      for (;;) {
        const y = r.pick([2019, 2020, 2021]);
        const k = `${y}:${v}`;
        if ((won.get(k)?.length ?? 0) >= 3) continue;
        won.set(k, [...(won.get(k) ?? []), flag]);
        break;
      }
    }
  }
  for (const s of started) {
    const results = new Map<number, Result>();
    const others =
      s.year === 2021
        ? shuffle(
            r,
            s.round.entries.filter((e) => e.domain !== 'village'),
          )
        : [];
    let otherFlags = OTHER_FLAGS_2021;
    const otherWon = new Map<number, string[]>();
    for (const e of others) {
      if (otherFlags <= 0) break;
      const k = Math.min(otherFlags, r.int(1, 3));
      otherWon.set(
        e.orgId,
        shuffle(
          r,
          FLAGS.map((f) => f.key),
        ).slice(0, k),
      );
      otherFlags -= k;
    }
    for (const e of s.round.entries) {
      const flags = won.get(`${s.year}:${e.orgId}`) ?? otherWon.get(e.orgId) ?? [];
      // Winners and about one in four of the rest took part.
      if (flags.length === 0 && !r.chance(0.25)) continue;
      const declared =
        flags.length > 0
          ? flags
          : shuffle(
              r,
              FLAGS.map((f) => f.key),
            ).slice(0, r.int(1, 2));
      const contestMean = flags.length > 0 ? r.int(880, 980) / 10 : r.int(700, 880) / 10;
      results.set(
        e.id,
        finished(s.round.steps, 7, {
          selfAssessment: selfOf('对照争创标准逐项自评，申报争创红旗。', s.round.steps[0]?.closesAt as string),
          declaredFlags: declared,
          review: {
            met: criteriaFor(s.def.criteria, e.domain)
              .filter((c) => c.flag && flags.includes(c.flag))
              .map((c) => c.key),
            flags,
            contestMean,
            reviewedOn: s.round.steps[3]?.closesAt,
            reviewerOrgId: e.parentId,
          },
          scoreTenths: Math.round(contestMean * 10),
          flags,
        }),
      );
    }
    const kept = new Set(await saveResults(q, s.round.steps, results, today));
    const gone = s.round.entries.map((e) => e.id).filter((id) => !kept.has(id));
    const goneIds = `{${gone.join(',')}}`;
    await q.execute(sql`delete from workflow_instance where kind = ${ENTRY_PROCESS.kind} and subject_id = any(${goneIds}::int[])`);
    await q.execute(sql`delete from round_entry where id = any(${goneIds}::int[])`);
    entriesTotal += kept.size;
    rounds++;
  }

  // 2021: 319 schools graded, 100 幸福社区 named, the secretaries' review.
  const others: [Scheme, (e: Entry, i: number, n: number) => Partial<Result>][] = [
    [
      schoolGrading(2021),
      (_e, i, n) => ({ level: i < Math.round(n * 0.3) ? 'advanced' : i < Math.round(n * 0.93) ? 'average' : 'lagging' }),
    ],
    [
      happyCommunity(2021),
      (e, i) => {
        const def = happyCommunity(2021);
        const named = i < HAPPY_COMMUNITIES;
        const points = Object.fromEntries(
          def.criteria.map((c) => [c.key, Math.max(0, (c.points ?? 0) - (named ? r.int(0, 2) : r.int(3, 8)))]),
        );
        const scored = scoreByPoints(def.criteria, points);
        const score = 'score' in scored ? scored.score : 0;
        return {
          review: { points, reviewerOrgId: e.parentId },
          scoreTenths: Math.round(score * 10),
          level: levelForScore(def.levels, score),
        };
      },
    ],
    [secretaryReview(2021), (_e, i) => ({ rating: i % 10 < 7 ? 'good' : i % 10 < 9 ? 'fairly_good' : 'average' })],
  ];
  for (const [def, result] of others) {
    const schemeId = await insertScheme(q, root.id, def);
    const round = await startRound(q, root, schemeId, def, def.name, yearWindows(2021, 4));
    const order = shuffle(r, round.entries);
    const results = new Map<number, Result>();
    order.forEach((e, i) => {
      const got = result(e, i, order.length);
      results.set(
        e.id,
        finished(round.steps, 7, {
          selfAssessment: selfOf('按评价标准自评。', round.steps[0]?.closesAt as string),
          review: { reviewerOrgId: e.parentId },
          ...got,
        }),
      );
    });
    if (def.programme === 'happy_community' && order.filter((e) => results.get(e.id)?.level === 'named').length !== HAPPY_COMMUNITIES)
      throw new Error('demo: 幸福社区 count');
    entriesTotal += (await saveResults(q, round.steps, results, today)).length;
    rounds++;
  }

  // This year's 分类定级, in progress: windows around today, entries at every step.
  const current = branchGrading(year);
  const currentId = await insertScheme(q, root.id, current, gradingId);
  const win = (from: number, to: number) => ({ opensAt: addDays(today, from), closesAt: addDays(today, to) });
  const live = await startRound(q, root, currentId, current, `${year}年党支部分类定级`, [
    win(-40, 10),
    win(-40, 15),
    win(-40, 20),
    win(-40, 25),
  ]);
  const results = new Map<number, Result>();
  for (const e of live.entries) {
    const roll = r.next();
    // Results are published for the round as a whole: none yet, some 公示 over and waiting.
    const stage = roll < 0.25 ? 0 : roll < 0.45 ? 1 : roll < 0.65 ? 2 : roll < 0.85 ? 3 : 4;
    if (stage === 0) continue;
    const level = r.chance(0.33) ? 'strongest' : r.chance(0.8) ? 'standard' : r.chance(0.9) ? 'qualified' : 'weak';
    const filedOn = addDays(today, -r.int(15, 35));
    const judged = gradingResult(r, current, e, level, filedOn, addDays(today, -r.int(3, 12)));
    const base: Result = { stage, selfAssessment: judged.selfAssessment };
    if (stage >= 3) Object.assign(base, { review: judged.review, scoreTenths: judged.scoreTenths, level });
    if (stage >= 4) {
      // Half of those in 公示 have finished it and wait to be published.
      const from = addDays(today, r.chance(0.5) ? -r.int(8, 12) : -r.int(0, 5));
      Object.assign(base, { publicityFrom: from, publicityTo: publicityEndsOn(from, 7) });
    }
    results.set(e.id, base);
  }
  await saveResults(q, live.steps, results, today);
  entriesTotal += live.entries.length;
  rounds++;

  // This year's 「五面红旗」: declarations open, a few already filed.
  const flagsNow = redFlagsAllDomains(year);
  const flagsNowId = await insertScheme(q, root.id, flagsNow, all2021);
  const flagRound = await startRound(q, root, flagsNowId, flagsNow, `${year}年“五面红旗”评选`, [
    win(-20, 40),
    win(-20, 50),
    win(-20, 60),
    win(-20, 70),
    win(-20, 80),
  ]);
  const filed = new Map<number, Result>();
  for (const e of flagRound.entries)
    if (r.chance(0.1))
      filed.set(e.id, {
        stage: 1,
        selfAssessment: selfOf('申报争创红旗。', addDays(today, -r.int(1, 15))),
        declaredFlags: shuffle(
          r,
          FLAGS.map((f) => f.key),
        ).slice(0, r.int(1, 3)),
      });
  await saveResults(q, flagRound.steps, filed, today);
  entriesTotal += flagRound.entries.length;
  rounds++;
  return { rounds, entries: entriesTotal };
};
