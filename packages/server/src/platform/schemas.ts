import { recordIdParam } from '@jishi/domain';
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
