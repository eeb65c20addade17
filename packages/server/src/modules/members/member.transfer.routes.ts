import { type Actor, recordIdParam, transferCreateSchema, transferInSchema, transferReceiveSchema } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { presentMember } from './member.presenter.js';
import { getMemberFor } from './member.service.js';
import {
  cancelTransfer,
  findTransfers,
  inState,
  issueTransfer,
  presentTransfers,
  receiveFromOutside,
  receiveTransfer,
  type TransferRow,
} from './member.transfer.js';

const tags = ['组织关系转接'];

/** The API shape of one transfer: names, not paths, and what the caller may do with it. */
const presentTransfer = async (q: Q, actor: Actor, t: TransferRow, today: string) => (await presentTransfers(q, actor, [t], today))[0];

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
    handler: async ({ actor, q, params, deps }) => {
      const m = await getMemberFor(q, actor, 'member.read', params.id);
      return { items: await presentTransfers(q, actor, await findTransfers(q, sql`t.member_id = ${m.id}`), businessDate(deps.now())) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/transfers',
    permission: 'member.read',
    summary: '转入、转出的组织关系（本人管辖范围内）',
    tags,
    querystring: z.object({
      direction: z.enum(['in', 'out'], { message: '方向只能是 in（转入）或 out（转出）' }),
      status: z.enum(['pending', 'received', 'cancelled']).optional(),
      orgId: recordIdParam.optional(),
    }),
    handler: async ({ actor, q, query, deps }) => {
      const side = query.direction === 'in' ? sql`d.path` : sql`f.path`;
      let under = sql`true`;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'member.read', o, '党组织');
        under = sql`${side} <@ ${o.orgPath}::ltree`;
      }
      const where = sql.join(
        [
          query.direction === 'in' ? sql`d.id is not null` : sql`true`,
          scopeFilter(actor, 'member.read', side),
          query.status ? inState(query.status) : sql`true`,
          under,
        ],
        sql` and `,
      );
      return { items: await presentTransfers(q, actor, await findTransfers(q, where), businessDate(deps.now())) };
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
    handler: async ({ actor, q, params, deps, audit }) => {
      const today = businessDate(deps.now());
      return presentTransfer(q, actor, await cancelTransfer(q, { actor, today, audit }, params.id), today);
    },
  });
};
