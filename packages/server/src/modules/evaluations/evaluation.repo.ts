import {
  type Action,
  type Actor,
  type Binding,
  ENTRY_PROCESS,
  type EntryState,
  entryStage,
  isWithin,
  notFound,
  type OrgDomain,
  type OrgPath,
  type OrgType,
  type Rating,
  type RoundStep,
  type Scheme,
  scopesHeld,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { bindProcess } from '../../platform/workflow.js';

export interface SchemeRow {
  id: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  programme: Scheme['programme'];
  name: string;
  year: number;
  definition: Scheme;
  copiedFrom: number | null;
  /** Rounds started on it: a scheme in use is frozen. */
  rounds: number;
}

export interface RoundRow {
  id: number;
  schemeId: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  name: string;
  steps: RoundStep[];
  publicityDays: number;
  programme: Scheme['programme'];
  year: number;
  definition: Scheme;
}

export interface EntryRow {
  id: number;
  roundId: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  orgDomain: OrgDomain;
  orgType: OrgType;
  /** The entry's workflow state: the kind of step it is at, or `published`. */
  state: EntryState;
  seq: number;
  declaredFlags: string[];
  selfAssessment: SelfRecord | null;
  review: Record<string, unknown> | null;
  reviewerOrgId: number | null;
  reviewerPath: string | null;
  scoreTenths: number | null;
  level: string | null;
  rating: Rating | null;
  flags: string[];
  publicityFrom: string | null;
  publicityTo: string | null;
  finalAt: string | null;
}

export interface SelfRecord {
  items: { key: string; deduction?: number; points?: number; met?: boolean; note?: string }[];
  summary: string;
  evidence: { key: string; binding: Binding; name: string; value: number; unit: string }[];
  selfScore?: number;
  filedOn: string;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const SCHEME_COLUMNS = sql`s.id, s.org_id as "orgId", o.path::text as "orgPath", o.name as "orgName", s.programme, s.name, s.year,
  s.definition, s.copied_from as "copiedFrom", (select count(*)::int from evaluation_round r where r.scheme_id = s.id) as rounds`;

export const findScheme = async (q: Q, id: number): Promise<SchemeRow | undefined> => {
  const [s] = await rows<SchemeRow>(q, sql`select ${SCHEME_COLUMNS} from scheme s join org o on o.id = s.org_id where s.id = ${id}`);
  return s && { ...s, definition: json<Scheme>(s.definition) };
};

/**
 * Schemes and rounds are read by everyone taking part: their org is above the reader (the city's
 * scheme seen by a branch) or within the reader's scope.
 */
export const visibleFrom = (actor: Actor, action: Action, path: SQL): SQL => {
  const grants = [...new Set(scopesHeld(actor, action))];
  if (grants.length === 0) return sql`false`;
  return sql`(${sql.join(
    grants.map((g) => sql`(${path} <@ ${g}::ltree or ${path} @> ${g}::ltree)`),
    sql` or `,
  )})`;
};

export const canSee = (actor: Actor, action: Action, path: OrgPath) =>
  scopesHeld(actor, action).some((g) => isWithin(g, path) || isWithin(path, g));

export const listSchemes = (q: Q, actor: Actor, filter: { programme?: string; year?: number }) =>
  rows<SchemeRow>(
    q,
    sql`select ${SCHEME_COLUMNS} from scheme s join org o on o.id = s.org_id
        where ${visibleFrom(actor, 'evaluation.file', sql`o.path`)}
          ${filter.programme ? sql`and s.programme = ${filter.programme}` : sql``}
          ${filter.year ? sql`and s.year = ${filter.year}` : sql``}
        order by s.year desc, s.programme, s.id`,
  ).then((list) => list.map((s) => ({ ...s, definition: json<Scheme>(s.definition) })));

/** A scheme the actor may read, or NOT_FOUND. */
export const readableScheme = async (q: Q, actor: Actor, id: number) => {
  const s = await findScheme(q, id);
  if (!s || !canSee(actor, 'evaluation.file', s.orgPath)) throw notFound('评选方案');
  return s;
};

const ROUND_COLUMNS = sql`r.id, r.scheme_id as "schemeId", r.org_id as "orgId", o.path::text as "orgPath", o.name as "orgName", r.name,
  r.steps, r.publicity_days as "publicityDays", s.programme, s.year, s.definition`;

export const findRound = async (q: Q, id: number): Promise<RoundRow | undefined> => {
  const [r] = await rows<RoundRow>(
    q,
    sql`select ${ROUND_COLUMNS} from evaluation_round r join scheme s on s.id = r.scheme_id join org o on o.id = r.org_id where r.id = ${id}`,
  );
  return r && { ...r, steps: json<RoundStep[]>(r.steps), definition: json<Scheme>(r.definition) };
};

export const readableRound = async (q: Q, actor: Actor, id: number) => {
  const r = await findRound(q, id);
  if (!r || !canSee(actor, 'evaluation.file', r.orgPath)) throw notFound('评选轮次');
  return r;
};

export const listRounds = (q: Q, actor: Actor, filter: { programme?: string; year?: number }) =>
  rows<RoundRow & { entries: number; final: number }>(
    q,
    sql`select ${ROUND_COLUMNS},
          (select count(*)::int from round_entry e join org eo on eo.id = e.org_id
            where e.round_id = r.id and ${scopeFilter(actor, 'evaluation.file', sql`eo.path`)}) as entries,
          (select count(*)::int from round_entry e join org eo on eo.id = e.org_id
            where e.round_id = r.id and e.final_at is not null and ${scopeFilter(actor, 'evaluation.file', sql`eo.path`)}) as final
        from evaluation_round r join scheme s on s.id = r.scheme_id join org o on o.id = r.org_id
        where ${visibleFrom(actor, 'evaluation.file', sql`o.path`)}
          ${filter.programme ? sql`and s.programme = ${filter.programme}` : sql``}
          ${filter.year ? sql`and s.year = ${filter.year}` : sql``}
        order by s.year desc, r.id desc`,
  ).then((list) => list.map((r) => ({ ...r, steps: json<RoundStep[]>(r.steps), definition: json<Scheme>(r.definition) })));

/** Joins each entry `e` to its workflow instance `wi` (its state). */
export const ENTRY_STATE_JOIN = sql`join workflow_instance wi on wi.kind = ${ENTRY_PROCESS.kind} and wi.subject_id = e.id`;

export const ENTRY_COLUMNS = sql`e.id, e.round_id as "roundId", e.org_id as "orgId", o.path::text as "orgPath", o.name as "orgName",
  o.domain as "orgDomain", o.type as "orgType", wi.state, wi.seq, e.declared_flags as "declaredFlags", e.self_assessment as "selfAssessment",
  e.review, e.reviewer_org_id as "reviewerOrgId", ro.path::text as "reviewerPath", e.score_tenths as "scoreTenths", e.level, e.rating, e.flags,
  to_char(e.publicity_from, 'YYYY-MM-DD') as "publicityFrom", to_char(e.publicity_to, 'YYYY-MM-DD') as "publicityTo",
  to_char(e.final_at, 'YYYY-MM-DD') as "finalAt"`;

const parseEntry = (e: EntryRow): EntryRow => ({
  ...e,
  selfAssessment: e.selfAssessment === null ? null : json<SelfRecord>(e.selfAssessment),
  review: e.review === null ? null : json<Record<string, unknown>>(e.review),
});

/** One entry with its state (the engine locks it when an event is fired). */
export const findEntry = async (q: Q, id: number): Promise<EntryRow | undefined> => {
  const [e] = await rows<EntryRow>(
    q,
    sql`select ${ENTRY_COLUMNS} from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id left join org ro on ro.id = e.reviewer_org_id
        where e.id = ${id}`,
  );
  return e && parseEntry(e);
};

/** The entry's step index in its round (the round's step count once published). */
export const stageOf = (round: Pick<RoundRow, 'steps'>, entry: Pick<EntryRow, 'state'>) => entryStage(round.steps, entry.state);

/** An entry in the actor's scope (taking part counts), with its round; NOT_FOUND otherwise. */
export const readableEntry = async (q: Q, actor: Actor, id: number) => {
  const e = await findEntry(q, id);
  if (!e) throw notFound('参评记录');
  authorize(actor, 'evaluation.file', { orgPath: e.orgPath }, '参评记录');
  const round = (await findRound(q, e.roundId)) as RoundRow;
  return { entry: e, round };
};

/** Does the actor oversee the entry (a grant strictly above it)? Results are theirs to see at every step. */
export const oversees = (actor: Actor, entryPath: string) =>
  scopesHeld(actor, 'evaluation.manage').some((g) => g !== entryPath && isWithin(g, entryPath));

/** Evaluation entries on the workflow engine: the rules read the round's steps, its org, the reviewer and the 公示. */
export const ENTRIES = bindProcess(ENTRY_PROCESS, async (q, ids) => {
  const found = await rows<{
    id: number;
    orgId: number;
    steps: RoundStep[] | string;
    roundPath: string;
    reviewerPath: string | null;
    publicityTo: string | null;
    openObjections: number;
  }>(
    q,
    sql`select e.id, e.org_id as "orgId", r.steps, ro.path::text as "roundPath", rv.path::text as "reviewerPath",
          to_char(e.publicity_to, 'YYYY-MM-DD') as "publicityTo",
          (select count(*)::int from objection x where x.entry_id = e.id and x.decision is null) as "openObjections"
        from round_entry e join evaluation_round r on r.id = e.round_id join org ro on ro.id = r.org_id
          left join org rv on rv.id = e.reviewer_org_id
        where e.id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(
    found.map((e) => [
      e.id,
      {
        orgId: e.orgId,
        subject: {
          steps: json<RoundStep[]>(e.steps),
          roundPath: e.roundPath,
          reviewerPath: e.reviewerPath,
          publicityTo: e.publicityTo,
          openObjections: e.openObjections,
        },
      },
    ]),
  );
});
