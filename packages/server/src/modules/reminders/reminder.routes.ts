import { recordIdParam } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { reminderListSchema } from './reminder.presenter.js';
import { listReminders } from './reminder.service.js';

/** /api/v1/reminders: the deadlines the daily jobs raised, within the caller's scope. */
export const reminderRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/reminders',
    // Each kind is filtered by its own module's read action (reminder.service.ts).
    permission: 'authenticated',
    summary: '待办提醒（到期、逾期的期限）',
    tags: ['提醒'],
    querystring: z.object({
      orgId: recordIdParam.optional(),
      status: z.enum(['open', 'resolved'], { message: '状态只能是 open（待办）或 resolved（已办结）' }).default('open'),
    }),
    response: reminderListSchema,
    handler: async ({ actor, q, query, deps }) => {
      let underPath: string | undefined;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'org.read', o, '党组织');
        underPath = o.orgPath;
      }
      return listReminders(q, actor, { underPath, status: query.status }, businessDate(deps.now()));
    },
  });
};
