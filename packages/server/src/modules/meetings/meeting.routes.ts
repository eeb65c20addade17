import { MEETING_TYPES, meetingCreateSchema, recordIdParam } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { findOrg, findOrgRef } from '../orgs/org.repo.js';
import { complianceOf, createMeeting, findMeetings, type MeetingRow } from './meeting.service.js';

const tags = ['组织生活'];
const present = ({ orgPath, ...m }: MeetingRow) => m;
const year = z.coerce.number().int().min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');

/** /api/v1/meetings and /api/v1/orgs/:id/compliance. */
export const meetingRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/meetings',
    permission: 'member.manage',
    auditAction: 'meeting.create',
    summary: '登记会议（三会一课、主题党日、组织生活会、民主评议、谈心谈话）',
    tags,
    body: meetingCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const m = await createMeeting(q, actor, body, businessDate(deps.now()));
      await audit({ targetType: 'meeting', targetId: m.id, detail: { orgId: m.orgId, type: m.type, date: m.date, status: m.status } });
      reply.status(201);
      return present(m);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/meetings',
    permission: 'member.read',
    summary: '某党组织的会议记录',
    tags,
    querystring: z.object({ orgId: recordIdParam, year: year.optional(), type: z.enum(MEETING_TYPES).optional() }),
    handler: async ({ actor, q, query }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'member.read', o, '党组织');
      const where = sql.join(
        [
          sql`g.org_id = ${o.id}`,
          query.year ? sql`g.date >= ${`${query.year}-01-01`}::date and g.date <= ${`${query.year}-12-31`}::date` : sql`true`,
          query.type ? sql`g.type = ${query.type}` : sql`true`,
        ],
        sql` and `,
      );
      return { items: (await findMeetings(q, where)).map(present) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/compliance',
    permission: 'member.read',
    summary: '党组织某年度的问题：应开未开的会议、设置不符合规定等（每条带固定代码）',
    tags,
    params: idParams,
    querystring: z.object({ year }),
    handler: async ({ actor, q, params, query, deps }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'member.read', o, '党组织');
      const items = await complianceOf(q, o, query.year, businessDate(deps.now()));
      return { org: { id: o.id, name: o.name }, year: query.year, items };
    },
  });
};
