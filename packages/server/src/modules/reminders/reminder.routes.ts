import { type Action, DEVELOPMENT_PROCESS, ENTRY_PROCESS, MEDAL50_PROCESS, recordIdParam, TRANSFER_PROCESS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { findReminders } from '../../platform/reminders.js';
import { TERM_REMINDER_KIND } from '../meetings/compliance.js';
import { findOrgRef } from '../orgs/org.repo.js';

/** Each kind of reminder: its name for the UI, and the action a reader needs to see it (its module's). */
const KINDS: Record<string, { label: string; action: Action }> = {
  [DEVELOPMENT_PROCESS.kind]: { label: DEVELOPMENT_PROCESS.label, action: 'development.read' },
  [MEDAL50_PROCESS.kind]: { label: MEDAL50_PROCESS.label, action: 'honor.read' },
  [ENTRY_PROCESS.kind]: { label: ENTRY_PROCESS.label, action: 'evaluation.file' },
  [TRANSFER_PROCESS.kind]: { label: TRANSFER_PROCESS.label, action: 'member.read' },
  [TERM_REMINDER_KIND]: { label: '换届', action: 'org.read' },
};

/** /api/v1/reminders: the deadlines the daily jobs raised, within the caller's scope. */
export const reminderRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/reminders',
    // Each kind is filtered by its own module's read action below.
    permission: 'authenticated',
    summary: '待办提醒（到期、逾期的期限）',
    tags: ['提醒'],
    querystring: z.object({
      orgId: recordIdParam.optional(),
      status: z.enum(['open', 'resolved'], { message: '状态只能是 open（待办）或 resolved（已办结）' }).default('open'),
    }),
    handler: async ({ actor, q, query, deps }) => {
      let under = sql`true`;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'org.read', o, '党组织');
        under = sql`o.path <@ ${o.orgPath}::ltree`;
      }
      const today = businessDate(deps.now());
      const found = await findReminders(
        q,
        Object.entries(KINDS).map(([kind, k]) => ({ kind, within: scopeFilter(actor, k.action, sql`o.path`) })),
        under,
        query.status,
      );
      const items = found.map((r) => ({ ...r, kindName: KINDS[r.kind]?.label ?? '提醒', overdue: r.dueDate < today }));
      return { items, overdue: items.filter((r) => r.overdue).length, total: items.length };
    },
  });
};
