import { recordIdParam, transferCreateSchema, transferInSchema, transferReceiveSchema } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { idParams, itemsOf, pageOf, pageQuery, paging } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { inboundTransferSchema, presentMember, presentTransfer, presentTransfers, transferSchema } from './member.presenter.js';
import { getMemberFor } from './member.service.js';
import {
  cancelTransfer,
  findTransfersOfMember,
  findTransfersWithin,
  issueTransfer,
  receiveFromOutside,
  receiveTransfer,
} from './member.transfer.js';

const tags = ['组织关系转接'];

/** /api/v1/members/:id/transfers and /api/v1/transfers: 组织关系转接. */
export const transferRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/members/:id/transfers',
    permission: 'transfer.manage',
    auditAction: 'member.transfer_issue',
    summary: '开具组织关系介绍信（系统内转接或转出本系统）',
    tags,
    params: idParams,
    body: transferCreateSchema,
    response: { 201: transferSchema },
    handler: async ({ actor, q, params, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const t = await issueTransfer(q, actor, actor.userId, params.id, body, today);
      await audit({
        targetType: 'member_transfer',
        targetId: t.id,
        detail: { memberId: t.memberId, toOrgId: t.toOrgId, outbound: t.toOrgId === null },
      });
      reply.status(201);
      return presentTransfer(q, actor, t, today);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id/transfers',
    permission: 'member.read',
    summary: '党员的组织关系转接记录',
    tags,
    params: idParams,
    response: itemsOf(transferSchema),
    handler: async ({ actor, q, params, deps }) => {
      const m = await getMemberFor(q, actor, 'member.read', params.id);
      return { items: await presentTransfers(q, actor, await findTransfersOfMember(q, m.id), businessDate(deps.now())) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/transfers',
    permission: 'member.read',
    summary: '转入、转出的组织关系（本人管辖范围内，分页，新开具的在前）',
    tags,
    querystring: z.object({
      direction: z.enum(['in', 'out'], { message: '方向只能是 in（转入）或 out（转出）' }),
      status: z.enum(['pending', 'received', 'cancelled']).optional(),
      orgId: recordIdParam.optional(),
      ...pageQuery,
    }),
    response: pageOf(transferSchema),
    handler: async ({ actor, q, query, deps }) => {
      let underPath: string | undefined;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'member.read', o, '党组织');
        underPath = o.orgPath;
      }
      const found = await findTransfersWithin(q, actor, { direction: query.direction, status: query.status, underPath }, paging(query));
      return { items: await presentTransfers(q, actor, found.items, businessDate(deps.now())), total: found.total };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/transfers/:id/receive',
    permission: 'transfer.manage',
    auditAction: 'member.transfer_receive',
    summary: '接收转入的组织关系',
    tags,
    params: idParams,
    body: transferReceiveSchema,
    response: transferSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const today = businessDate(deps.now());
      return presentTransfer(q, actor, await receiveTransfer(q, { actor, today, audit }, params.id, body.receivedAt), today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/transfers/inbound',
    permission: 'transfer.manage',
    auditAction: 'member.transfer_in',
    summary: '接收从系统外转入的组织关系（登记党员并保存介绍信）',
    tags,
    body: transferInSchema,
    response: { 201: inboundTransferSchema },
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const { member, transfer } = await receiveFromOutside(q, deps.keys, actor, body, today);
      await audit({ targetType: 'member_transfer', targetId: transfer.id, detail: { memberId: member.id, inbound: true } });
      reply.status(201);
      return { member: presentMember(actor, member, today), transfer: await presentTransfer(q, actor, transfer, today) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/transfers/:id/cancel',
    permission: 'transfer.manage',
    auditAction: 'member.transfer_cancel',
    summary: '撤回尚未接收的介绍信',
    tags,
    params: idParams,
    response: transferSchema,
    handler: async ({ actor, q, params, deps, audit }) => {
      const today = businessDate(deps.now());
      return presentTransfer(q, actor, await cancelTransfer(q, { actor, today, audit }, params.id), today);
    },
  });
};
