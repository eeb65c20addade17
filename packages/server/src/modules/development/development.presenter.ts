import { STAGE_NAMES, stepDef } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';
import type { DescribedInstance } from '../../platform/workflow.js';
import { instanceViewSchema } from '../../platform/workflow.schema.js';
import type { ApplicantRow } from './development.service.js';

/*
 * The answers of 发展党员 (platform/http.ts, `response`): an applicant through the 25 steps, read
 * from its workflow instance, and the deadline board.
 */

const stepNo = z.number().int().min(1).max(25);
const deadlineKind = z.enum(['due', 'earliest']).meta({ description: 'due：须在此日前办理；earliest：此日起方可办理' });

/** What a recorded step carries besides its date (the request's fields, as the step took them). */
const stepDataOut = z.object({
  vote: z
    .object({ shouldAttend: countOut, present: countOut, yes: countOut, writtenYes: countOut })
    .optional()
    .meta({ description: '支部大会表决：应到有表决权的正式党员、实到、赞成、书面赞成' }),
  trainingDays: z.number().optional(),
  trainingHours: z.number().optional(),
  outcome: z.enum(['full', 'extend', 'cancel']).optional().meta({ description: '第23步：按期转正、延长预备期、取消预备党员资格' }),
  extensionMonths: z.number().int().optional(),
  introducers: z.number().int().optional(),
  note: z.string().optional(),
});

type StepDataOut = z.infer<typeof stepDataOut>;

/** One recorded step of the 25. */
const applicantStepOut = z.object({
  step: stepNo,
  name: z.string(),
  date: dateOut,
  data: stepDataOut,
  warnings: z.array(z.string()).meta({ description: '办理时提示但未拒绝的规则（如谈话晚于一个月）' }),
  recordedBy: z.string().nullable().meta({ description: '办理人；导入或演示数据为 null' }),
});

/** An applicant (ID number and phone masked), its steps, stage, next step and deadline, from its instance. */
export const applicantOut = z
  .object({
    id: idOut,
    orgId: idOut,
    orgName: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    ethnicity: z.string(),
    birthDate: dateOut,
    idNumber: z.string().meta({ description: '脱敏：150525********9713' }),
    phone: z.string().nullable().meta({ description: '脱敏' }),
    memberId: idOut.nullable().meta({ description: '第17步（上级党委审批）后成为预备党员的党员记录' }),
    stage: z.number().int().min(1).max(5),
    stageName: z.string(),
    state: instanceViewSchema.shape.state,
    stateLabel: instanceViewSchema.shape.stateLabel,
    seq: instanceViewSchema.shape.seq,
    steps: z.array(applicantStepOut),
    deadlines: z
      .array(z.object({ step: stepNo, name: z.string(), kind: deadlineKind, date: dateOut, overdue: z.boolean() }))
      .meta({ description: '下一步的时限（细则规定了的才有）' }),
    next: z
      .object({
        step: stepNo,
        name: z.string(),
        by: z.enum(['branch', 'committee']).meta({ description: '由党支部办理，或由有审批权的基层党委办理' }),
        kind: deadlineKind.nullable(),
        date: dateOut.nullable(),
        overdue: z.boolean(),
      })
      .nullable()
      .meta({ description: '下一步；第25步（材料归档）办完后为 null' }),
    abilities: z.object({
      canRecordNext: z.boolean(),
      whyNot: z.string().nullable().meta({ description: '不能办理下一步的原因' }),
    }),
  })
  .meta({ id: 'Applicant' });
export type ApplicantOut = z.infer<typeof applicantOut>;

/** What recording a step answers: the applicant after it, and the warnings it was recorded with. */
export const recordedStepOut = applicantOut.extend({ warnings: z.array(z.string()) }).meta({ id: 'ApplicantStepRecorded' });

/** One row of the deadline board: an applicant in progress and its next step. */
const boardItemOut = z.object({
  applicantId: idOut,
  applicantName: z.string(),
  orgName: z.string(),
  stageName: z.string(),
  step: stepNo,
  stepName: z.string(),
  kind: deadlineKind.nullable(),
  date: dateOut.nullable(),
  overdue: z.boolean(),
  abilities: applicantOut.shape.abilities,
});

/** The deadline board: overdue first, then by date; steps without a time limit last. */
export const deadlineBoardOut = z
  .object({ items: z.array(boardItemOut), overdue: countOut.meta({ description: '逾期的人数' }) })
  .meta({ id: 'DevelopmentBoard' });

const stepName = (no: number) => stepDef(no)?.name ?? `第${no}步`;

/** The API shape of an applicant, from its row and its described instance. */
export const presentApplicant = (a: ApplicantRow, view: DescribedInstance): ApplicantOut => {
  const last = view.log.at(-1);
  const stage = stepDef(last?.step ?? 1)?.stage ?? 1;
  const next = view.next[0];
  const nextDef = next ? stepDef(Number(next.event.slice(4))) : undefined;
  const due = view.deadline;
  const dueNext = nextDef !== undefined && due?.step === nextDef.no ? due : null;
  return {
    id: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    name: a.name,
    gender: a.gender,
    ethnicity: a.ethnicity,
    birthDate: a.birthDate,
    idNumber: a.idNumberMasked,
    phone: a.phoneMasked,
    memberId: a.memberId,
    stage,
    stageName: STAGE_NAMES[stage],
    state: view.state,
    stateLabel: view.stateLabel,
    seq: view.seq,
    steps: view.log.map((s) => ({
      step: s.step,
      name: stepName(s.step),
      date: s.date,
      // The log keeps what the step took: its request minus `step` and `date`.
      data: s.data as StepDataOut,
      warnings: s.warnings,
      recordedBy: s.actorName,
    })),
    deadlines: due ? [{ step: due.step, name: stepName(due.step), kind: due.kind, date: due.date, overdue: due.overdue }] : [],
    next: nextDef
      ? {
          step: nextDef.no,
          name: nextDef.name,
          by: nextDef.by,
          kind: dueNext?.kind ?? null,
          date: dueNext?.date ?? null,
          overdue: dueNext?.overdue ?? false,
        }
      : null,
    abilities: { canRecordNext: next?.mayAct ?? false, whyNot: next?.whyNot ?? null },
  };
};

/** The deadline board of the presented applicants: each in progress with its next step. */
export const deadlineBoard = (applicants: readonly ApplicantOut[]): z.infer<typeof deadlineBoardOut> => {
  const items = applicants.flatMap((a) =>
    a.next
      ? [
          {
            applicantId: a.id,
            applicantName: a.name,
            orgName: a.orgName,
            stageName: a.stageName,
            step: a.next.step,
            stepName: a.next.name,
            kind: a.next.kind,
            date: a.next.date,
            overdue: a.next.overdue,
            abilities: a.abilities,
          },
        ]
      : [],
  );
  // Overdue first, then by date; steps without a deadline last.
  items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.date ?? '9999').localeCompare(y.date ?? '9999'));
  return { items, overdue: items.filter((i) => i.overdue).length };
};
