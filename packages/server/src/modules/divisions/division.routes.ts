import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../platform/http.js';
import { itemsOf } from '../../platform/schemas.js';
import { DIVISION_LEVELS, tongliaoDivisions } from './divisions.js';

/** A GB/T 2260 / NBS administrative division. */
const divisionSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(DIVISION_LEVELS) }).meta({ id: 'Division' });

/** /api/v1/divisions: administrative divisions for pickers (reference data, no personal data). */
export const divisionRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/divisions',
    permission: 'authenticated',
    summary: '行政区划（下级列表）',
    tags: ['参考数据'],
    response: itemsOf(divisionSchema),
    querystring: z.object({
      parent: z
        .string()
        .regex(/^\d{6,12}$/, '行政区划代码应为6到12位数字')
        .optional(),
    }),
    handler: async ({ query }) => {
      const tree = tongliaoDivisions();
      return { items: tree.childrenOf(query.parent).map(({ code, name, level }) => ({ code, name, level })) };
    },
  });
};
