import { calculateDues, DEFAULT_DUES_SETTINGS, duesCalculateSchema } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http.js';
import { readSettings } from '../../platform/settings.js';

/** /api/v1/dues: 党费. */
export const duesRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/dues/calculate',
    // A calculation: any signed-in user (a member checking their own dues included); nothing is written.
    permission: 'authenticated',
    write: false,
    summary: '党费计算器：按类别与每月基数计算应交党费',
    tags: ['党费'],
    body: duesCalculateSchema,
    handler: async ({ q, body }) => {
      const r = calculateDues(body.category, body.monthlyBase ?? 0, await readSettings(q, 'dues', DEFAULT_DUES_SETTINGS));
      return { amount: r.amountFen / 100, amountFen: r.amountFen, rate: r.rate, basis: r.basis };
    },
  });
};
