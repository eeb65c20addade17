import { committeeAdjustSchema, committeeCreateSchema, recordId } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { findOrg } from '../orgs/org.repo.js';
import { committeeOverviewSchema, groupCreatedSchema, orgLeadershipSchema } from './committee.presenter.js';
import { adjustTerm, committeeOverview, createGroup, electCommittee, findGroups } from './committee.service.js';

const tags = ['组织生活'];

/** /api/v1/orgs/:id/committee (支部委员会, 换届) and /api/v1/orgs/:id/groups (党小组). */
export const committeeRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/committee',
    permission: 'org.read',
    summary: '党组织的班子：现任委员及职务、任期与换届时间、历届记录、党小组',
    tags,
    response: orgLeadershipSchema,
    params: idParams,
    handler: async ({ actor, q, params, deps }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'org.read', o, '党组织');
      return { ...(await committeeOverview(q, o, businessDate(deps.now()))), groups: await findGroups(q, o.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/orgs/:id/committee',
    permission: 'org.committee',
    auditAction: 'committee.elect',
    summary: '登记选举（换届）：支部委员会委员及职务，或不设支委会的书记、副书记',
    tags,
    response: { 201: committeeOverviewSchema },
    params: idParams,
    body: committeeCreateSchema,
    handler: async ({ actor, q, params, body, deps, audit, reply }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'org.committee', o, '党组织');
      const today = businessDate(deps.now());
      const id = await electCommittee(q, actor, o, body, today);
      await audit({
        targetType: 'committee',
        targetId: id,
        detail: { orgId: o.id, kind: body.kind, electedAt: body.electedAt, size: body.members.length },
      });
      reply.status(201);
      return committeeOverview(q, o, today);
    },
  });

  route(app, {
    method: 'PUT',
    url: '/api/v1/orgs/:id/committee/adjustment',
    permission: 'org.manage',
    auditAction: 'committee.adjust',
    summary: '登记上级批准的提前或延期换届（一般不超过1年）',
    tags,
    response: committeeOverviewSchema,
    params: idParams,
    body: committeeAdjustSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'org.read', o, '党组织');
      const id = await adjustTerm(q, actor, o, body);
      const today = businessDate(deps.now());
      await audit({ targetType: 'committee', targetId: id, detail: { orgId: o.id, ...body } });
      return committeeOverview(q, o, today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/orgs/:id/groups',
    permission: 'org.committee',
    auditAction: 'group.create',
    summary: '设立党小组',
    tags,
    response: { 201: groupCreatedSchema },
    params: idParams,
    body: z.object({
      name: z.string().trim().min(1, '请填写党小组名称').max(40, '不能超过40个字'),
      leaderId: recordId.optional(),
    }),
    handler: async ({ actor, q, params, body, audit, reply }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'org.committee', o, '党组织');
      const id = await createGroup(q, actor, o, body);
      await audit({ targetType: 'party_group', targetId: id, detail: { orgId: o.id, name: body.name } });
      reply.status(201);
      return { id, groups: await findGroups(q, o.id) };
    },
  });
};
