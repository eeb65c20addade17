import { type Action, type Actor, can, type OrgPath } from '../access/access.js';
import type { BusinessCalendar } from './calendar.js';

/**
 * A multi-step process as data (ARCHITECTURE.md Workflows): its states, the events that move an
 * instance between them, who may fire each event, the guards that refuse in Chinese naming the
 * rule, each state's deadline and reminder. Nothing here does I/O: the platform's `advance()`
 * loads an `EventContext`, asks `decide()`, and writes what it answers.
 */

/** An org as the relation checks see it: the record's org and its ancestors. */
export interface OrgFacts {
  id: number;
  name: string;
  path: OrgPath;
  type: string;
  domain: string;
  divisionCode: string | null;
}

/** One accepted event in an instance's log. */
export interface LoggedEvent {
  seq: number;
  event: string;
  /** The process's own numbering of the step (发展党员 1–25, a round's step index …). */
  step: number;
  date: string;
  data: Record<string, unknown>;
  warnings: string[];
  actorId: number | null;
  actorName: string | null;
  /** The org the actor acted for (the township that approved, the county that reviewed). */
  orgId: number | null;
  orgPath: string | null;
  orgName: string | null;
}

/** Why an event may not be fired; the message names the rule, in Chinese. */
export interface Refusal {
  code: 'FORBIDDEN' | 'RULE_VIOLATION' | 'WORKFLOW_INVALID_TRANSITION' | 'INVALID_INPUT' | 'CONFLICT';
  message: string;
  field?: string;
}

export const refuse = (code: Refusal['code'], message: string, field?: string): Refusal => ({
  code,
  message,
  ...(field ? { field } : {}),
});

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

/** A state's time limit: due by `date`, or not allowed before it. */
export interface Deadline {
  kind: 'due' | 'earliest';
  date: string;
  /** The step that is due, in the process's numbering (the reminder's key with the date). */
  step: number;
  /** What is due, for the reminder and the board: 「苏日娜：第17步「上级党委审批」」. */
  title: string;
}

/** Everything an event's rules may read: plain data the platform loaded for this instance. */
export interface EventContext<S extends string, Sub> {
  subject: Sub;
  /** The record's org first, then its ancestors up to the root. */
  chain: readonly OrgFacts[];
  state: S;
  seq: number;
  /** The business date the current state was entered. */
  enteredOn: string;
  log: readonly LoggedEvent[];
  actor: Actor;
  today: string;
  calendar: BusinessCalendar;
}

/** Who may fire an event: the org the actor acts for, or a refusal. */
export type Who<S extends string, Sub> = (ctx: EventContext<S, Sub>) => { org: OrgFacts } | Refusal;

export interface EventDef<S extends string, Sub, In> {
  label: string | ((ctx: EventContext<S, Sub>) => string);
  from: readonly S[];
  to: S | ((ctx: EventContext<S, Sub>, input: In) => S);
  who: Who<S, Sub>;
  /** Checks that need no input (windows, timing): shown as `whyNot` before anyone tries. */
  gate?: (ctx: EventContext<S, Sub>) => Refusal | null;
  /** Checks on the input; accepting may carry warnings, which the log keeps. */
  guard?: (ctx: EventContext<S, Sub>, input: In) => Refusal | { warnings: string[] } | null;
  /** The step number the log records; defaults to the log's length + 1. */
  step?: (ctx: EventContext<S, Sub>, input: In) => number;
  /** Fired by the deadline job when the state's deadline passes, never offered to a person. */
  timer?: boolean;
}

export interface StateDef<S extends string, Sub> {
  label: string | ((ctx: EventContext<S, Sub>) => string);
  /** No event leaves it: the instance is closed. */
  final?: boolean;
  /** The limit the state must meet; worked out when the state is entered and each night. */
  deadline?: (ctx: EventContext<S, Sub>) => Deadline | null;
  /** A `due` deadline is raised as a reminder to the record's org this many days ahead, and stays until met. */
  remindDaysBefore?: number;
  /** The timer event the deadline job fires once the deadline has passed (an escalation). */
  onDeadline?: string;
}

/** A process: states, events (each with its input type in `Inputs`), and how it starts. */
export interface ProcessDef<S extends string, Sub, Inputs extends Record<string, unknown>> {
  kind: string;
  label: string;
  initial: S;
  states: Record<S, StateDef<S, Sub>>;
  events: { [E in keyof Inputs & string]: EventDef<S, Sub, Inputs[E]> };
  /**
   * The refusal for an event that does not apply in the current state, when the process can say it
   * better (a message, or a whole refusal — e.g. a conflict when someone else has just settled it).
   */
  outOfTurn?: (ctx: EventContext<S, Sub>, event: keyof Inputs & string) => string | Refusal | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds processes of every shape.
export type AnyProcess = ProcessDef<any, any, any>;

/** Declares a process (typed). */
export const defineProcess = <S extends string, Sub, Inputs extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, Inputs>,
): ProcessDef<S, Sub, Inputs> => def;

const labelOf = <C>(l: string | ((ctx: C) => string), ctx: C) => (typeof l === 'function' ? l(ctx) : l);

/** The current state's name, in Chinese. */
export const stateLabel = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
) => labelOf(def.states[ctx.state].label, ctx);

/** The event's name, in Chinese. */
export const eventLabel = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
  event: keyof I & string,
) => labelOf(def.events[event].label, ctx);

/** What `decide` answers when the event may be fired. */
export interface Decision<S extends string> {
  to: S;
  warnings: string[];
  /** The org the actor acted for; the log records it. */
  org: OrgFacts;
  step: number;
}

/**
 * May `event` be fired with `input` now? The order is fixed: the state, then who, then the
 * input-free gate, then the guard on the input — so the first refusal is the one a user can act on.
 */
export const decide = <S extends string, Sub, I extends Record<string, unknown>, E extends keyof I & string>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
  event: E,
  input: I[E],
  /** A timer fired by the system: no person's relation is checked, and it acts for the record's own org. */
  bySystem = false,
): Decision<S> | Refusal => {
  const e = def.events[event] as EventDef<S, Sub, I[E]> | undefined;
  if (!e) return refuse('WORKFLOW_INVALID_TRANSITION', `「${def.label}」没有这一操作`);
  const before = bySystem ? systemAvailability(def, ctx, event) : availability(def, ctx, event);
  if (isRefusal(before)) return before;
  const verdict = e.guard?.(ctx, input) ?? null;
  if (isRefusal(verdict)) return verdict;
  const to = typeof e.to === 'function' ? e.to(ctx, input) : e.to;
  return { to, warnings: verdict?.warnings ?? [], org: before.org, step: e.step?.(ctx, input) ?? ctx.log.length + 1 };
};

/** State, who and gate, without the input: what `mayAct` / `whyNot` report. */
const availability = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
  event: keyof I & string,
): { org: OrgFacts } | Refusal => {
  const e = def.events[event];
  if (!e.from.includes(ctx.state)) {
    const said = def.outOfTurn?.(ctx, event);
    if (isRefusal(said)) return said;
    return refuse('WORKFLOW_INVALID_TRANSITION', said ?? `当前为「${stateLabel(def, ctx)}」，不能办理「${eventLabel(def, ctx, event)}」`);
  }
  if (e.timer) return refuse('FORBIDDEN', `「${eventLabel(def, ctx, event)}」由系统到期自动办理`);
  const who = e.who(ctx);
  if (isRefusal(who)) return who;
  return e.gate?.(ctx) ?? who;
};

/** A timer's availability: only the state and the gate apply. */
const systemAvailability = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
  event: keyof I & string,
): { org: OrgFacts } | Refusal => {
  const e = def.events[event];
  const record = ctx.chain[0];
  if (!e.timer || !record) return refuse('FORBIDDEN', `「${eventLabel(def, ctx, event)}」不由系统自动办理`);
  if (!e.from.includes(ctx.state)) return refuse('WORKFLOW_INVALID_TRANSITION', `当前为「${stateLabel(def, ctx)}」，无需到期办理`);
  return e.gate?.(ctx) ?? { org: record };
};

/** An event the current state offers, with whether this actor may fire it now and if not why. */
export interface NextEvent {
  event: string;
  label: string;
  mayAct: boolean;
  whyNot: string | null;
}

/** The events the current state offers people (timers excluded): the abilities the UI shows. */
export const nextEvents = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
): NextEvent[] =>
  (Object.keys(def.events) as (keyof I & string)[])
    .filter((name) => def.events[name].from.includes(ctx.state) && !def.events[name].timer)
    .map((name) => {
      const a = availability(def, ctx, name);
      return { event: name, label: eventLabel(def, ctx, name), mayAct: !isRefusal(a), whyNot: isRefusal(a) ? a.message : null };
    });

/** The current state's deadline, if it has one. */
export const deadlineOf = <S extends string, Sub, I extends Record<string, unknown>>(
  def: ProcessDef<S, Sub, I>,
  ctx: EventContext<S, Sub>,
) => def.states[ctx.state].deadline?.(ctx) ?? null;

// ---------------------------------------------------------------------------------------------
// Who: relations between the actor's grants and the record's org.

/**
 * The actor holds `action` over the record (at its org or above); they act for their nearest
 * grant's org. A grant below the record does not count.
 */
export const holderOf =
  <S extends string, Sub>(action: Action, refusal: string): Who<S, Sub> =>
  (ctx) => {
    const record = ctx.chain[0];
    if (!record || !can(ctx.actor, action, { orgPath: record.path })) return refuse('FORBIDDEN', refusal);
    const granted = new Set(ctx.actor.grants.map((g) => g.orgPath));
    return { org: ctx.chain.find((o) => granted.has(o.path) && can(ctx.actor, action, { orgPath: o.path })) ?? record };
  };

/**
 * An org strictly above the record, covered by the actor's `action` grant, that `qualifies` (a
 * 基层党委 with approval power, a 旗县级 committee): the nearest such org is the one acting.
 */
export const committeeAbove =
  <S extends string, Sub>(action: Action, qualifies: (o: OrgFacts, record: OrgFacts) => boolean, refusal: string): Who<S, Sub> =>
  (ctx) => {
    const record = ctx.chain[0];
    const org = record && ctx.chain.slice(1).find((o) => can(ctx.actor, action, { orgPath: o.path }) && qualifies(o, record));
    return org ? { org } : refuse('FORBIDDEN', refusal);
  };

/** The last log entry of `event`, if any (who acted at an earlier step). */
export const lastOf = (log: readonly LoggedEvent[], event: string) => log.filter((l) => l.event === event).at(-1);
