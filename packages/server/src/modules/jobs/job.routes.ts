import { DomainError } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import type { JobDef } from '../../platform/jobs.js';
import { dateOut, itemsOf } from '../../platform/schemas.js';

const tags = ['后台任务'];

/** A scheduled job. */
const jobSchema = z
  .object({ name: z.string(), summary: z.string(), cron: z.string().meta({ description: '运行时间（cron，北京时间）' }) })
  .meta({ id: 'Job' });

/** A run: the job, the business day it ran for, and the counts it reports. */
const jobRunSchema = z
  .object({ name: z.string(), summary: z.string(), today: dateOut, result: z.record(z.string(), z.number()) })
  .meta({ id: 'JobRun' });

/**
 * /api/v1/jobs: the scheduled jobs, and running one now (after an outage, or to see the nightly
 * work at once). Only the system administrator; each run is audited under their name.
 */
export const jobRoutes = (jobs: readonly JobDef[]) => (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/jobs',
    permission: 'job.run',
    summary: '后台任务及其运行时间',
    tags,
    response: itemsOf(jobSchema),
    handler: async () => ({ items: jobs.map((j) => ({ name: j.name, summary: j.summary, cron: j.cron })) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/jobs/:name/run',
    permission: 'job.run',
    auditAction: 'job.run',
    summary: '立即运行一个后台任务',
    tags,
    params: z.object({ name: z.string().max(60) }),
    response: jobRunSchema,
    handler: async ({ q, params, deps, audit }) => {
      const job = jobs.find((j) => j.name === params.name);
      if (!job) throw new DomainError('NOT_FOUND', `没有名为「${params.name}」的后台任务`);
      const today = businessDate(deps.now());
      // In the request's transaction: the run and its audit row commit together, or neither.
      const result = await job.run(q, deps, today);
      await audit({ targetType: 'job', targetId: job.name, detail: { today, ...result } });
      return { name: job.name, summary: job.summary, today, result };
    },
  });
};
