import { recordId, recordIdParam } from '@jishi/domain';
import { z } from 'zod';

/** Shared request schemas: ids in paths, paging in queries. */
export const idParams = z.object({ id: recordIdParam });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** A business year in a query (meetings, compliance, dues). */
export const yearQuery = z.coerce.number().int().min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');

/** One org and a year: the shape of every per-org yearly report. */
export const orgYearQuery = z.object({ orgId: recordIdParam, year: yearQuery });

export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Limit/offset from page/pageSize. */
export const paging = (p: { page: number; pageSize: number }) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });

/*
 * Shared response schemas: plain data, no transforms, since answers are encoded by them
 * (platform/http.ts, `response`).
 */

/** A business date in an answer: `YYYY-MM-DD` (Asia/Shanghai day). */
export const dateOut = z.iso.date();

/** An instant in an answer: ISO 8601 in UTC (`2026-03-01T08:00:00.000Z`). */
export const instantOut = z.iso.datetime();

/** A record id in an answer (an int4 column). */
export const idOut = recordId;

/** A count in an answer. */
export const countOut = z.number().int().nonnegative();

/** The list envelope of a paged endpoint: `{ items, total }`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: countOut });

/** The envelope of an unpaged list: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The answer of a write that has nothing else to say. */
export const okOut = z.object({ ok: z.literal(true) });
