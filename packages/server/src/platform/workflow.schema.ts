import { z } from 'zod';
import { dateOut, idOut } from './schemas.js';

/*
 * The answer-side schemas of the workflow engine's views (workflow.ts `describeInstance` /
 * `describeMany`): every module that shows an instance presents these, so the web reads one shape.
 */

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

/** One event of an instance's log, named by its event. */
export const instanceStepSchema = z
  .object({
    seq: z.number().int().positive(),
    event: z.string(),
    eventName: z.string(),
    step: z.number().int(),
    date: dateOut,
    data: z.record(z.string(), z.unknown()),
    warnings: z.array(z.string()),
    actorId: idOut.nullable(),
    actorName: z.string().nullable(),
    orgId: idOut.nullable(),
    orgPath: z.string().nullable(),
    orgName: z.string().nullable(),
  })
  .meta({ id: 'InstanceStep' });

/** An instance with its log, as `describeInstance` / `describeMany` return it. */
export const describedInstanceSchema = instanceViewSchema.extend({ log: z.array(instanceStepSchema) }).meta({ id: 'DescribedInstance' });
