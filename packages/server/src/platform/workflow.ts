import {
  type Actor,
  addDays,
  type Deadline,
  type Decision,
  DomainError,
  deadlineOf,
  decide,
  type EventContext,
  isWithin,
  type LoggedEvent,
  type NextEvent,
  nextEvents,
  notFound,
  type OrgFacts,
  type ProcessDef,
  type Refusal,
  stateLabel,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditEntry } from './audit.js';
import { loadCalendar } from './calendar.js';
import { type Q, rows } from './db/index.js';
import { syncReminders, type WantedReminder } from './reminders.js';
import { dateOut, idOut } from './schemas.js';

/**
 * The one workflow engine (ARCHITECTURE.md Workflows). A process is data in the domain; this
 * keeps each instance's state in `workflow_instance`, its log in `workflow_step`, and is the only
 * code that changes either. `advance()` locks the instance, checks state and sequence, asks the
 * domain, lets the module write its own data, moves the state, logs the event, syncs reminders
 * and audits — in the caller's transaction — and returns what may happen next.
 */

/** A process with how the platform reads its subjects. */
export interface ProcessBinding<S extends string, Sub, I extends Record<string, unknown>> {
  def: ProcessDef<S, Sub, I>;
  /** The subjects' data for the rules and the org each hangs from, for many at once. */
  load: (q: Q, subjectIds: number[]) => Promise<Map<number, { subject: Sub; orgId: number }>>;
}

/** Binds a domain process to its loader. */
export const bindProcess = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  load: ProcessBinding<S, Sub, I>['load'],
): ProcessBinding<S, Sub, I> => ({ def, load });

/** Who fires the event (null: the system, for a timer), when, and the request's audit writer (a job passes its own). */
export interface Firing {
  actor: Actor | null;
  today: string;
  audit: (entry: Omit<AuditEntry, 'action'> & { action?: string }) => Promise<void>;
}

interface InstanceRow {
  id: number;
  subjectId: number;
  state: string;
  seq: number;
  enteredOn: string;
  dueOn: string | null;
}

/** An instance as the API shows it: state, deadline, and the events this reader may or may not fire. */
export interface InstanceView {
  state: string;
  stateLabel: string;
  seq: number;
  deadline: (Deadline & { overdue: boolean }) | null;
  next: NextEvent[];
}

/**
 * One row of an instance's log as an answer carries it (the acting org by id and name, never its
 * path); `data` is the event's own schema (what the step recorded).
 */
export const workflowStepOut = <D extends z.ZodType>(data: D) =>
  z.object({
    seq: z.number().int().positive(),
    event: z.string(),
    eventName: z.string().meta({ description: '事件的中文名称' }),
    step: z.number().int().meta({ description: '流程自身的步骤编号' }),
    date: dateOut,
    data,
    warnings: z.array(z.string()),
    actorId: idOut.nullable(),
    actorName: z.string().nullable(),
    orgId: idOut.nullable().meta({ description: '办理该步的组织' }),
    orgName: z.string().nullable(),
  });

/** An event the current state offers, with whether this reader may fire it and if not why. */
export const nextEventOut = z
  .object({ event: z.string(), label: z.string(), mayAct: z.boolean(), whyNot: z.string().nullable() })
  .meta({ id: 'WorkflowNextEvent' });

/** A log row as {@link workflowStepOut} presents it: the org's path left out. */
export const presentStep = <T extends { orgPath: string | null }>({ orgPath, ...step }: T): Omit<T, 'orgPath'> => step;

/** An instance with its log (each row named by its event), as the modules present it. */
export type DescribedInstance = InstanceView & { log: readonly (LoggedEvent & { eventName: string })[] };

/**
 * A new subject's instance, in the process's initial state (or `state`, for a record that is
 * settled as it is made, such as a letter to outside the system); later events come through `advance`.
 */
export const startInstance = async (
  q: Q,
  def: { kind: string; initial: string; states: Record<string, { final?: boolean }> },
  subjectId: number,
  today: string,
  state = def.initial,
) => {
  const closed = def.states[state]?.final ? today : null;
  await q.execute(
    sql`insert into workflow_instance (kind, subject_id, state, seq, entered_on, closed_on)
        values (${def.kind}, ${subjectId}, ${state}, 0, ${today}::date, ${closed}::date)`,
  );
};

/**
 * Many new subjects' instances at once (a round enrols thousands of orgs): `subjects` selects
 * `subject_id` and the `state` each starts in.
 */
export const startInstancesFrom = async (q: Q, kind: string, subjects: SQL, today: string) => {
  await q.execute(
    sql`insert into workflow_instance (kind, subject_id, state, seq, entered_on)
        select ${kind}, s.subject_id, s.state, 0, ${today}::date from (${subjects}) s`,
  );
};

/** SQL for a subject's current state (`stateOf('medal50', sql\`c.id\`) = 'awarded'`): queries read state only here. */
export const stateOf = (kind: string, subjectId: SQL): SQL =>
  sql`(select wi.state from workflow_instance wi where wi.kind = ${kind} and wi.subject_id = ${subjectId})`;

const ids = (list: readonly number[]) => `{${list.join(',')}}`;

const loadInstances = (q: Q, kind: string, subjectIds: number[], lock: boolean) =>
  rows<InstanceRow>(
    q,
    sql`select id, subject_id as "subjectId", state, seq, to_char(entered_on, 'YYYY-MM-DD') as "enteredOn",
          to_char(due_on, 'YYYY-MM-DD') as "dueOn"
        from workflow_instance where kind = ${kind} and subject_id = any(${ids(subjectIds)}::int[])
        order by id ${lock ? sql`for update` : sql``}`,
  );

/** The log of many subjects at once, in order (boards and jobs: one query, not one per subject). */
export const loadStepsOfMany = async (q: Q, kind: string, subjectIds: number[]): Promise<Map<number, LoggedEvent[]>> => {
  const out = new Map<number, LoggedEvent[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return out;
  const found = await rows<LoggedEvent & { subjectId: number }>(
    q,
    sql`select w.subject_id as "subjectId", w.seq, w.event, w.step, to_char(w.date, 'YYYY-MM-DD') as date, w.data, w.warnings,
          w.actor_id as "actorId", u.display_name as "actorName", w.org_id as "orgId", o.path::text as "orgPath", o.name as "orgName"
        from workflow_step w left join app_user u on u.id = w.actor_id left join org o on o.id = w.org_id
        where w.kind = ${kind} and w.subject_id = any(${ids(subjectIds)}::int[]) order by w.subject_id, w.seq`,
  );
  for (const { subjectId, ...s } of found) out.get(subjectId)?.push(s);
  return out;
};

/** One subject's log, in order. */
export const loadSteps = async (q: Q, kind: string, subjectId: number): Promise<LoggedEvent[]> =>
  (await loadStepsOfMany(q, kind, [subjectId])).get(subjectId) ?? [];

/** Each org with its ancestors, nearest first: what the relation checks read. */
const loadChains = async (q: Q, orgIds: number[]): Promise<Map<number, OrgFacts[]>> => {
  const out = new Map<number, OrgFacts[]>();
  if (orgIds.length === 0) return out;
  const found = await rows<OrgFacts & { of: number }>(
    q,
    sql`select o.id as "of", a.id, a.name, a.path::text as path, a.type, a.domain, a.division_code as "divisionCode"
        from org o join org a on a.path @> o.path
        where o.id = any(${ids([...new Set(orgIds)])}::int[]) order by o.id, nlevel(a.path) desc`,
  );
  for (const { of, ...o } of found) {
    const chain = out.get(of) ?? [];
    chain.push(o);
    out.set(of, chain);
  }
  return out;
};

interface Loaded<S extends string, Sub> {
  instance: InstanceRow;
  orgId: number;
  ctx: EventContext<S, Sub>;
}

/** Instances, subjects, org chains and logs of many subjects: four queries whatever their number. */
const loadContexts = async <S extends string, Sub, I extends Record<string, unknown>>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  subjectIds: number[],
  actor: Actor,
  today: string,
  lock: boolean,
): Promise<Map<number, Loaded<S, Sub>>> => {
  const kind = binding.def.kind;
  const instances = await loadInstances(q, kind, subjectIds, lock);
  const subjects = await binding.load(
    q,
    instances.map((i) => i.subjectId),
  );
  const chains = await loadChains(
    q,
    [...subjects.values()].map((s) => s.orgId),
  );
  const logs = await loadStepsOfMany(
    q,
    kind,
    instances.map((i) => i.subjectId),
  );
  const calendar = await loadCalendar(q);
  const out = new Map<number, Loaded<S, Sub>>();
  for (const instance of instances) {
    const s = subjects.get(instance.subjectId);
    if (!s) continue;
    out.set(instance.subjectId, {
      instance,
      orgId: s.orgId,
      ctx: {
        subject: s.subject,
        chain: chains.get(s.orgId) ?? [],
        state: instance.state as S,
        seq: instance.seq,
        enteredOn: instance.enteredOn,
        log: logs.get(instance.subjectId) ?? [],
        actor,
        today,
        calendar,
      },
    });
  }
  return out;
};

const viewOf = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
): InstanceView => {
  const deadline = deadlineOf(def, ctx);
  return {
    state: ctx.state,
    stateLabel: stateLabel(def, ctx),
    seq: ctx.seq,
    deadline: deadline ? { ...deadline, overdue: deadline.kind === 'due' && deadline.date < ctx.today } : null,
    next: nextEvents(def, ctx),
  };
};

/** What an instance shows a reader: its state, deadline and next events with `mayAct` / `whyNot`. */
export const describeMany = async <S extends string, Sub, I extends Record<string, unknown>>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  subjectIds: number[],
  actor: Actor,
  today: string,
): Promise<Map<number, DescribedInstance>> => {
  const loaded = await loadContexts(q, binding, subjectIds, actor, today, false);
  const named = (e: LoggedEvent) => {
    const label = (binding.def.events as Record<string, { label: unknown }>)[e.event]?.label;
    return { ...e, eventName: typeof label === 'string' ? label : binding.def.label };
  };
  return new Map([...loaded].map(([id, l]) => [id, { ...viewOf(binding.def, l.ctx), log: l.ctx.log.map(named) }]));
};

export const describeInstance = async <S extends string, Sub, I extends Record<string, unknown>>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  subjectId: number,
  actor: Actor,
  today: string,
) => {
  const view = (await describeMany(q, binding, [subjectId], actor, today)).get(subjectId);
  if (!view) throw notFound(binding.def.label);
  return view;
};

/** The reminder an instance's state wants now: a `due` deadline within the state's lead days, or past. */
const wantedReminder = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
  subjectId: number,
  orgId: number,
): { deadline: Deadline | null; wanted: WantedReminder | null } => {
  const deadline = deadlineOf(def, ctx);
  const lead = def.states[ctx.state].remindDaysBefore;
  const wanted =
    deadline?.kind === 'due' && lead !== undefined && deadline.date <= addDays(ctx.today, lead)
      ? { subjectId, orgId, step: deadline.step, dueDate: deadline.date, title: deadline.title }
      : null;
  return { deadline, wanted };
};

/** The role the actor acted in: their grant nearest above the org they acted for. */
const roleFor = (actor: Actor, org: OrgFacts) =>
  actor.grants.filter((g) => isWithin(g.orgPath, org.path)).sort((a, b) => b.orgPath.length - a.orgPath.length)[0]?.role ?? null;

/** Stands in for the system in rule contexts: it holds no grant, so it may fire only timers. */
const SYSTEM: Actor = { userId: 0, username: 'system', grants: [] };

const refusalError = (r: Refusal, prefix = '') =>
  new DomainError(r.code, `${prefix}${r.message}`, r.field ? { field: r.field } : undefined);

export interface AdvanceOptions<S extends string, Sub> {
  /** The sequence the caller saw: a page left open while someone else acted gets a conflict, not a wrong step. */
  expectSeq?: number;
  /** The module's own writes for this event, once the rules passed; may refuse by throwing. Returns extra log data. */
  effect?: (decision: Decision<S>, ctx: EventContext<S, Sub>) => Promise<Record<string, unknown> | undefined>;
  /** What the log keeps of the event (defaults to the input). */
  data?: Record<string, unknown>;
  /** The business date of the event (defaults to today); a step done on paper last week is logged on its day. */
  date?: string;
}

/**
 * Fires `event` on one subject's instance: row lock, state and sequence checked (of two
 * concurrent events exactly one wins), the domain's decision, the module's effect, the new state
 * with its deadline, the log row, reminders and the audit row — all in the caller's transaction.
 */
export const advance = async <S extends string, Sub, I extends Record<string, unknown>, E extends keyof I & string>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  firing: Firing,
  subjectId: number,
  event: E,
  input: I[E],
  opts: AdvanceOptions<S, Sub> = {},
) => {
  const { view, decisions } = await advanceEach(q, binding, firing, [subjectId], event, () => input, {
    ...opts,
    effect: opts.effect ? async (_id, d, ctx) => opts.effect?.(d, ctx) : undefined,
    data: opts.data ? () => opts.data as Record<string, unknown> : undefined,
  });
  return { ...(view.get(subjectId) as InstanceView), warnings: (decisions.get(subjectId) as Decision<S>).warnings };
};

/**
 * Fires `event` on many instances in one transaction (审定 of hundreds of entries at once): the
 * same checks for each, any refusal refuses the lot (prefixed with `nameOf`), then one update,
 * one log insert, one reminder sync and one audit row.
 */
export const advanceEach = async <S extends string, Sub, I extends Record<string, unknown>, E extends keyof I & string>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  firing: Firing,
  subjectIds: number[],
  event: E,
  inputOf: (subjectId: number) => I[E],
  opts: {
    expectSeq?: number;
    effect?: (subjectId: number, d: Decision<S>, ctx: EventContext<S, Sub>) => Promise<Record<string, unknown> | undefined>;
    data?: (subjectId: number) => Record<string, unknown>;
    date?: string;
    /** Names a subject in a refusal of the lot (「XX党支部」：…). */
    nameOf?: (subjectId: number) => string;
  } = {},
) => {
  const def = binding.def;
  const unique = [...new Set(subjectIds)];
  const loaded = await loadContexts(q, binding, unique, firing.actor ?? SYSTEM, firing.today, true);
  const decisions = new Map<number, Decision<S>>();
  for (const id of unique) {
    const l = loaded.get(id);
    if (!l) throw notFound(def.label);
    if (opts.expectSeq !== undefined && l.instance.seq !== opts.expectSeq)
      throw new DomainError('CONFLICT', '该记录刚被他人办理，请刷新后查看');
    const d = decide(def, l.ctx, event, inputOf(id), firing.actor === null);
    if ('code' in d) throw refusalError(d, unique.length > 1 && opts.nameOf ? `「${opts.nameOf(id)}」：` : '');
    decisions.set(id, d);
  }
  const date = opts.date ?? firing.today;
  const moved: SQL[] = [];
  const logged: SQL[] = [];
  const wanted: WantedReminder[] = [];
  const view = new Map<number, InstanceView>();
  for (const id of unique) {
    const l = loaded.get(id) as Loaded<S, Sub>;
    const d = decisions.get(id) as Decision<S>;
    const extra = (await opts.effect?.(id, d, l.ctx)) ?? {};
    const data = { ...(opts.data?.(id) ?? (inputOf(id) as Record<string, unknown>)), ...extra };
    const entry: LoggedEvent = {
      seq: l.instance.seq + 1,
      event,
      step: d.step,
      date,
      data,
      warnings: d.warnings,
      actorId: firing.actor?.userId ?? null,
      actorName: null,
      orgId: d.org.id,
      orgPath: d.org.path,
      orgName: d.org.name,
    };
    const after: EventContext<S, Sub> = {
      ...l.ctx,
      state: d.to,
      seq: entry.seq,
      enteredOn: d.to === l.ctx.state ? l.ctx.enteredOn : firing.today,
      log: [...l.ctx.log, entry],
    };
    const r = wantedReminder(def, after, id, l.orgId);
    if (r.wanted) wanted.push(r.wanted);
    const closed = def.states[d.to].final ? firing.today : null;
    moved.push(
      sql`(${l.instance.id}::int, ${l.instance.seq}::int, ${d.to}, ${after.enteredOn}::date, ${r.deadline?.kind === 'due' ? r.deadline.date : null}::date, ${closed}::date)`,
    );
    logged.push(
      sql`(${def.kind}, ${id}::int, ${entry.seq}::int, ${event}, ${d.step}::int, ${date}::date, ${JSON.stringify(data)}::jsonb,
           ${JSON.stringify(d.warnings)}::jsonb, ${firing.actor?.userId ?? null}::int, ${firing.actor ? roleFor(firing.actor, d.org) : 'system'}, ${d.org.id}::int)`,
    );
    view.set(id, viewOf(def, after));
  }
  for (let i = 0; i < moved.length; i += 1000) {
    const chunk = moved.slice(i, i + 1000);
    const updated = await rows(
      q,
      sql`update workflow_instance wi set state = v.state, seq = wi.seq + 1, entered_on = v.entered, due_on = v.due, closed_on = v.closed
          from (values ${sql.join(chunk, sql`, `)}) as v(id, seq, state, entered, due, closed)
          where wi.id = v.id and wi.seq = v.seq returning wi.id`,
    );
    if (updated.length !== chunk.length) throw new DomainError('CONFLICT', '该记录刚被他人办理，请刷新后查看');
    await q.execute(
      sql`insert into workflow_step (kind, subject_id, seq, event, step, date, data, warnings, actor_id, actor_role, org_id)
          values ${sql.join(logged.slice(i, i + 1000), sql`, `)}`,
    );
  }
  await syncReminders(q, def.kind, wanted, firing.today, unique);
  const [first] = unique;
  const from = loaded.get(first as number)?.ctx.state;
  await firing.audit({
    targetType: def.kind,
    targetId: unique.length === 1 ? first : undefined,
    detail:
      unique.length === 1
        ? { event, from, to: decisions.get(first as number)?.to, warnings: decisions.get(first as number)?.warnings.length }
        : { event, count: unique.length },
  });
  return { view, decisions };
};

/**
 * The deadline pass of one process, for the nightly job: every open instance's deadline is worked
 * out again from its log (a changed rule or calendar reaches old instances), reminders synced for
 * the whole kind, and each state's timer event fired once its deadline has passed.
 */
export const runDeadlines = async <S extends string, Sub, I extends Record<string, unknown>>(
  q: Q,
  binding: ProcessBinding<S, Sub, I>,
  firing: Firing,
): Promise<{ open: number; raised: number; resolved: number; fired: number }> => {
  const def = binding.def;
  const timed = (Object.keys(def.states) as S[]).filter((s) => def.states[s].deadline);
  if (timed.length === 0) return { open: 0, raised: 0, resolved: 0, fired: 0 };
  const open = await rows<{ subjectId: number }>(
    q,
    sql`select subject_id as "subjectId" from workflow_instance
        where kind = ${def.kind} and closed_on is null and state = any(${`{${timed.join(',')}}`}::text[]) order by subject_id`,
  );
  const wanted: WantedReminder[] = [];
  const due: SQL[] = [];
  const timers: number[] = [];
  for (let i = 0; i < open.length; i += 5000) {
    const chunk = open.slice(i, i + 5000).map((o) => o.subjectId);
    const loaded = await loadContexts(q, binding, chunk, SYSTEM, firing.today, false);
    for (const [id, l] of loaded) {
      const r = wantedReminder(def, l.ctx, id, l.orgId);
      const dueOn = r.deadline?.kind === 'due' ? r.deadline.date : null;
      if (dueOn !== l.instance.dueOn) due.push(sql`(${l.instance.id}::int, ${dueOn}::date)`);
      // A state whose timer fires now leaves it: its reminder is resolved, not kept.
      if (def.states[l.ctx.state].onDeadline && dueOn && dueOn < firing.today) timers.push(id);
      else if (r.wanted) wanted.push(r.wanted);
    }
  }
  for (let i = 0; i < due.length; i += 1000)
    await q.execute(
      sql`update workflow_instance wi set due_on = v.due from (values ${sql.join(due.slice(i, i + 1000), sql`, `)}) as v(id, due) where wi.id = v.id`,
    );
  const synced = await syncReminders(q, def.kind, wanted, firing.today);
  let fired = 0;
  for (const id of timers) {
    const [instance] = await loadInstances(q, def.kind, [id], true);
    const event = instance && def.states[instance.state as S].onDeadline;
    if (!event) continue;
    await advanceEach(q, binding, { ...firing, actor: null }, [id], event as keyof I & string, () => ({}) as I[keyof I & string]);
    fired++;
  }
  return { open: open.length, ...synced, fired };
};
