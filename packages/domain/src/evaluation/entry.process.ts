import { type Action, type OrgPath, scopesHeld } from '../access/access.js';
import { defineProcess, type EventContext, type EventDef, type OrgFacts, refuse, type Who } from '../workflow/process.js';
import { type RoundStep, stepActorProblem, stepGate, stepIndex } from './round.js';
import { STEP_KIND_LABELS, type StepKind } from './scheme.js';

/**
 * An evaluation entry (one org in one round) as a process on the one workflow engine. Its states
 * are the round's own steps (a scheme picks and orders them: 自评 → 测评 → 比武 → 评定 → 审定 →
 * 公示), then `published`. Each step's window, and who acts at it, come from round.ts.
 */
export type EntryState = StepKind | 'published';

/** What the rules read of an entry and its round. */
export interface EntrySubject {
  steps: readonly RoundStep[];
  roundPath: OrgPath;
  /** The org that did the 评定: 审定 and 公示 must come from above it. */
  reviewerPath: OrgPath | null;
  publicityTo: string | null;
  openObjections: number;
}

type Ctx = EventContext<EntryState, EntrySubject>;

/** The step index of a state (the round's step count once published). */
export const entryStage = (steps: readonly { kind: StepKind }[], state: EntryState) =>
  state === 'published' ? steps.length : stepIndex(steps, state);

/** The state an entry at step index `stage` is in. */
export const entryStateAt = (steps: readonly { kind: StepKind }[], stage: number): EntryState => steps[stage]?.kind ?? 'published';

const after = (ctx: Ctx, kind: StepKind): EntryState => entryStateAt(ctx.subject.steps, stepIndex(ctx.subject.steps, kind) + 1);

const ACTION_OF: Record<StepKind, Action> = {
  self: 'evaluation.file',
  ballot: 'evaluation.file',
  contest: 'evaluation.manage',
  review: 'evaluation.manage',
  approve: 'evaluation.manage',
  publicity: 'evaluation.manage',
};

/** Who acts at a step (round.ts `stepActorProblem`); they act for their nearest grant (strictly above for 评定 onwards). */
const actorAt =
  (kind: StepKind): Who<EntryState, EntrySubject> =>
  (ctx) => {
    const action = ACTION_OF[kind];
    const held = scopesHeld(ctx.actor, action);
    const record = ctx.chain[0] as OrgFacts;
    const problem = stepActorProblem(kind, held, record.path, ctx.subject.roundPath, ctx.subject.reviewerPath ?? undefined);
    if (problem) return refuse('FORBIDDEN', problem);
    const strictly = kind !== 'self' && kind !== 'ballot';
    const org = ctx.chain.slice(strictly ? 1 : 0).find((o) => held.includes(o.path));
    return { org: org ?? record };
  };

/** The step's window and order (round.ts `stepGate`). */
const windowOf = (kind: StepKind) => (ctx: Ctx) => {
  const index = stepIndex(ctx.subject.steps, kind);
  if (index < 0) return refuse('WORKFLOW_INVALID_TRANSITION', `本轮评选没有「${STEP_KIND_LABELS[kind]}」环节`);
  const problem = stepGate(ctx.subject.steps, entryStage(ctx.subject.steps, ctx.state), index, ctx.today);
  return problem ? refuse('WORKFLOW_INVALID_TRANSITION', problem) : null;
};

/** An event at step `kind`: the step's actor and window; logged under the step's index. */
const at = <In>(
  kind: StepKind,
  label: string,
  to: EntryState | ((ctx: Ctx, input: In) => EntryState),
  extra: Partial<EventDef<EntryState, EntrySubject, In>> = {},
): EventDef<EntryState, EntrySubject, In> => ({
  label,
  from: [kind],
  to,
  who: actorAt(kind),
  gate: windowOf(kind),
  step: (ctx) => stepIndex(ctx.subject.steps, kind),
  ...extra,
});

/** Which step each event belongs to (for the refusal when it is not that step's turn). */
const EVENT_STEP = {
  file_self: 'self',
  issue_codes: 'ballot',
  close_ballot: 'ballot',
  score_contest: 'contest',
  close_contest: 'contest',
  review: 'review',
  return: 'approve',
  approve: 'approve',
  object: 'publicity',
  answer_objection: 'publicity',
  publish: 'publicity',
} as const satisfies Record<string, StepKind>;

export type EntryInputs = {
  file_self: Record<string, unknown>;
  issue_codes: { count: number };
  close_ballot: Record<string, unknown>;
  score_contest: { judge: string };
  close_contest: Record<string, unknown>;
  review: Record<string, unknown>;
  return: { note: string };
  approve: { note?: string };
  object: Record<string, unknown>;
  answer_objection: { decision: 'dismissed' | 'upheld' };
  publish: Record<string, unknown>;
};

export const ENTRY_PROCESS = defineProcess<EntryState, EntrySubject, EntryInputs>({
  kind: 'evaluation',
  label: '评星定级',
  initial: 'self',
  states: {
    self: { label: (ctx) => stepName(ctx, 'self') },
    ballot: { label: (ctx) => stepName(ctx, 'ballot') },
    contest: { label: (ctx) => stepName(ctx, 'contest') },
    review: { label: (ctx) => stepName(ctx, 'review') },
    approve: { label: (ctx) => stepName(ctx, 'approve') },
    publicity: {
      label: (ctx) => stepName(ctx, 'publicity'),
      deadline: (ctx) =>
        ctx.subject.publicityTo
          ? { kind: 'earliest', date: ctx.subject.publicityTo, step: stepIndex(ctx.subject.steps, 'publicity'), title: '公示期满' }
          : null,
    },
    published: { label: '已发布', final: true },
  },
  events: {
    file_self: at('self', '提交自评', (ctx) => after(ctx, 'self')),
    issue_codes: at('ballot', '发放测评码', 'ballot'),
    close_ballot: at('ballot', '结束测评', (ctx) => after(ctx, 'ballot')),
    score_contest: at('contest', '录入比武评分', 'contest'),
    close_contest: at('contest', '结束比武', (ctx) => after(ctx, 'contest')),
    review: at('review', '评定', (ctx) => after(ctx, 'review')),
    return: at('approve', '退回重新评定', 'review'),
    approve: at('approve', '审定', (ctx) => after(ctx, 'approve')),
    object: at('publicity', '登记异议', 'publicity', {
      gate: (ctx) =>
        windowOf('publicity')(ctx) ??
        (ctx.subject.publicityTo && ctx.today > ctx.subject.publicityTo
          ? refuse('RULE_VIOLATION', `公示已于${ctx.subject.publicityTo}结束，不再受理异议`, 'text')
          : null),
    }),
    answer_objection: at('publicity', '答复异议', (_ctx, input) => (input.decision === 'upheld' ? 'review' : 'publicity')),
    publish: at('publicity', '发布结果', 'published', {
      gate: (ctx) => {
        const to = ctx.subject.publicityTo;
        if (to && to >= ctx.today) return refuse('RULE_VIOLATION', `公示至${to}，期满后方可发布结果`);
        if (ctx.subject.openObjections > 0)
          return refuse('RULE_VIOLATION', `还有${ctx.subject.openObjections}条异议未答复，答复后方可发布`);
        return windowOf('publicity')(ctx);
      },
    }),
  },
  outOfTurn: (ctx, event) => windowOf(EVENT_STEP[event as keyof typeof EVENT_STEP])(ctx)?.message ?? null,
});

function stepName(ctx: Ctx, kind: StepKind) {
  return ctx.subject.steps[stepIndex(ctx.subject.steps, kind)]?.name ?? kind;
}
