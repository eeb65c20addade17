import { yuanOut } from '@jishi/domain';
import { z } from 'zod';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';

/** An org named in an answer. */
const orgNameSchema = z.object({ id: idOut, name: z.string() });

/** A figure's value: money (unit 元) as a yuan decimal string, any other figure a number. */
const figureValue = z.union([z.number(), yuanOut]).meta({ description: 'kind 为 money 时为元的小数字符串（如 "30.00"），否则为数值' });

/** What an indicator is. */
const indicatorFields = {
  id: z.string(),
  name: z.string(),
  unit: z.string(),
};

/** One figure computed for an org's subtree on a date: a number, or money in yuan (ARCHITECTURE.md public API). */
export const indicatorValueSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...indicatorFields, kind: z.literal('number'), value: z.number() }),
    z.object({ ...indicatorFields, kind: z.literal('money'), value: yuanOut.meta({ description: '元，两位小数' }) }),
  ])
  .and(z.object({ group: z.string().nullable().meta({ description: '同组指标一起显示（如 org_type）；重点指标为空' }) }))
  .meta({ id: 'IndicatorValue' });

/** Every indicator for an org's subtree on a date. */
export const indicatorSnapshotSchema = z
  .object({ org: orgNameSchema, date: dateOut, items: z.array(indicatorValueSchema) })
  .meta({ id: 'IndicatorSnapshot' });

/** One indicator over the org and each of its children. */
export const indicatorBreakdownSchema = z
  .object({
    indicator: z.object({ ...indicatorFields, kind: z.enum(['number', 'money']), description: z.string() }),
    org: orgNameSchema,
    date: dateOut,
    value: figureValue,
    items: z.array(z.object({ orgId: idOut, orgName: z.string(), value: figureValue, childCount: countOut })),
  })
  .meta({ id: 'IndicatorBreakdown' });
