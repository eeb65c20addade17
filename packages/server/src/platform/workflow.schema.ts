import { z } from 'zod';
import { dateOut, idOut } from './schemas.js';

/*
 * The answer-side schemas of the workflow engine's views (workflow.ts `describeInstance` /
 * `describeMany`): every module that shows an instance presents these, so the web reads one shape.
 */

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

/** An event the current state offers, with whether this reader may fire it now and, if not, why. */
export const nextEventSchema = z
  .object({
    event: z.string(),
    label: z.string(),
    mayAct: z.boolean(),
    whyNot: z.string().nullable().meta({ description: '不能办理的原因（可以办理时为 null）' }),
  })
  .meta({ id: 'NextEvent' });

/** The current state's time limit: `due` by the date, or `earliest` allowed on it. */
export const instanceDeadlineSchema = z
  .object({
    kind: z.enum(['due', 'earliest']),
    date: dateOut,
    step: z.number().int().meta({ description: '到期的步骤（按流程自己的编号）' }),
    title: z.string(),
    overdue: z.boolean(),
  })
  .meta({ id: 'InstanceDeadline' });

/** An instance as a reader sees it: state, deadline, and the events this reader may or may not fire. */
export const instanceViewSchema = z
  .object({
    state: z.string(),
    stateLabel: z.string(),
    seq: z.number().int().nonnegative().meta({ description: '已办事件数；办理时回传，防止覆盖他人刚办的步骤' }),
    deadline: instanceDeadlineSchema.nullable(),
    next: z.array(nextEventSchema),
  })
  .meta({ id: 'InstanceView' });

/** One event of an instance's log, named by its event (with the acting org's path, for the engine's own use). */
export const instanceStepSchema = workflowStepOut(z.record(z.string(), z.unknown()))
  .extend({ orgPath: z.string().nullable() })
  .meta({ id: 'InstanceStep' });

/** An instance with its log, as `describeInstance` / `describeMany` return it. */
export const describedInstanceSchema = instanceViewSchema.extend({ log: z.array(instanceStepSchema) }).meta({ id: 'DescribedInstance' });

/** A log row as {@link workflowStepOut} presents it: the org's path left out. */
export const presentStep = <T extends { orgPath: string | null }>({ orgPath, ...step }: T): Omit<T, 'orgPath'> => step;
