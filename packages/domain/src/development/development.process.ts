import { committeeAbove, defineProcess, type EventDef, holderOf, type LoggedEvent, refuse, type StateDef } from '../workflow/process.js';
import {
  checkStep,
  type DoneStep,
  mayApproveAdmission,
  nextDeadline,
  nextStepNo,
  orderProblem,
  REMINDER_LEAD_DAYS,
  type StepInput,
} from './development.rules.js';
import { STEPS, stepDef } from './development.steps.js';

/**
 * 发展党员 as a process on the one workflow engine: the instance waits for step N (`step7`), each
 * step is its own event, and after step 25 it is `archived` (or `cancelled` when the 预备党员's
 * qualification is cancelled at 23/24). The rules stay in development.rules.ts; this says who
 * records each step and what each state owes by when.
 */
export type DevelopmentState = `step${number}` | 'archived' | 'cancelled';

/** What the rules read of an applicant. */
export interface DevelopmentSubject {
  name: string;
  birthDate: string;
}

/** The steps done so far, from the log. */
export const doneSteps = (log: readonly LoggedEvent[]): DoneStep[] =>
  log.map((s) => ({
    step: s.step,
    date: s.date,
    outcome: s.data.outcome as DoneStep['outcome'],
    extensionMonths: s.data.extensionMonths as number | undefined,
  }));

/** The state after `done`: waiting for the next step, or closed. */
export const developmentStateAfter = (done: DoneStep[]): DevelopmentState => {
  const next = nextStepNo(done);
  if (next !== null) return `step${next}`;
  return done.at(-1)?.step === 25 ? 'archived' : 'cancelled';
};

const BRANCH_REFUSAL = '该步骤由申请人所在党支部办理，您不是该支部或其上级的管理员';
const COMMITTEE_REFUSAL = (no: number, name: string) =>
  `第${no}步「${name}」须由有审批权的基层党委（如乡镇、街道党(工)委）办理；党总支、村(社区)党委无审批权（共产党员网答问；《中国共产党农村基层组织工作条例》）`;

type Events = Record<string, StepInput>;

const events = Object.fromEntries(
  STEPS.map((d): [string, EventDef<DevelopmentState, DevelopmentSubject, StepInput>] => [
    `step${d.no}`,
    {
      label: `第${d.no}步「${d.name}」`,
      from: [`step${d.no}`],
      to: (ctx, input) =>
        developmentStateAfter([
          ...doneSteps(ctx.log),
          { step: d.no, date: input.date, outcome: input.outcome, extensionMonths: input.extensionMonths },
        ]),
      who:
        d.by === 'branch'
          ? holderOf('development.manage', BRANCH_REFUSAL)
          : committeeAbove('development.approve', (o, record) => mayApproveAdmission(o, record.path), COMMITTEE_REFUSAL(d.no, d.name)),
      guard: (ctx, input) => {
        const verdict = checkStep(doneSteps(ctx.log), input, { birthDate: ctx.subject.birthDate, today: ctx.today });
        return verdict.refusal ? refuse('RULE_VIOLATION', verdict.refusal) : { warnings: verdict.warnings };
      },
      step: () => d.no,
    },
  ]),
) as { [E in keyof Events & string]: EventDef<DevelopmentState, DevelopmentSubject, StepInput> };

const waiting = (no: number): StateDef<DevelopmentState, DevelopmentSubject> => ({
  label: `待办第${no}步「${stepDef(no)?.name ?? ''}」`,
  deadline: (ctx) => {
    const next = nextDeadline(doneSteps(ctx.log));
    if (!next || next.step !== no) return null;
    return { kind: next.kind, date: next.date, step: no, title: `${ctx.subject.name}：第${no}步「${stepDef(no)?.name ?? ''}」` };
  },
  remindDaysBefore: REMINDER_LEAD_DAYS,
});

export const DEVELOPMENT_PROCESS = defineProcess<DevelopmentState, DevelopmentSubject, Events>({
  kind: 'development',
  label: '发展党员',
  initial: 'step1',
  states: {
    ...Object.fromEntries(STEPS.map((d) => [`step${d.no}`, waiting(d.no)])),
    archived: { label: '已办结（材料归档）', final: true },
    cancelled: { label: '已取消预备党员资格', final: true },
  } as Record<DevelopmentState, StateDef<DevelopmentState, DevelopmentSubject>>,
  events,
  outOfTurn: (ctx, event) => orderProblem(doneSteps(ctx.log), Number(event.slice(4))),
});
