import {
  notFound,
  ORG_DOMAINS,
  ORG_TYPES,
  orgCloseSchema,
  orgCreateSchema,
  orgMoveSchema,
  orgUpdateSchema,
  pathIds,
  scopesFor,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { boolQuery, idParams, itemsOf, pageOf, pageQuery, paging } from '../../platform/schemas.js';
import { orgRefSchema, orgSchema, presentOrg } from './org.presenter.js';
import {
  findAncestors,
  findAncestorsOfMany,
  findChildren,
  findOpenBranchByCode,
  findOrgRef,
  findOrgsByIds,
  searchOrgs,
} from './org.repo.js';
import { closeOrg, createOrg, getOrgFor, moveOrg, updateOrgAttributes } from './org.service.js';

const tags = ['组织管理'];

/** /api/v1/orgs: the Party organization tree. */
export const orgRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/roots',
    permission: 'org.read',
    summary: '当前用户可见范围的顶层党组织',
    tags,
    response: itemsOf(orgSchema),
    handler: async ({ actor, q }) => {
      const ids = scopesFor(actor, 'org.read').map((p) => pathIds(p).at(-1) as number);
      return { items: (await findOrgsByIds(q, ids)).map((o) => presentOrg(actor, o)) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs',
    permission: 'org.read',
    summary: '搜索党组织（名称、代码、拼音首字母）',
    tags,
    response: pageOf(orgSchema),
    querystring: z.object({
      q: z.string().max(50).optional(),
      type: z.enum(ORG_TYPES).optional(),
      domain: z.enum(ORG_DOMAINS).optional(),
      includeClosed: boolQuery.optional(),
      ...pageQuery,
    }),
    handler: async ({ actor, q, query }) => {
      const found = await searchOrgs(q, {
        scope: scopeFilter(actor, 'org.read', sql`o.path`),
        q: query.q,
        type: query.type,
        domain: query.domain,
        includeClosed: query.includeClosed,
        ...paging(query),
      });
      // Search hits carry their ancestors, so same-named branches can be told apart.
      const ancestors = await findAncestorsOfMany(q, found.items);
      return { items: found.items.map((o) => presentOrg(actor, o, ancestors.get(o.id))), total: found.total };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/by-code/:code',
    // Whoever issues a transfer letter must confirm the receiving branch, wherever it is: its name only.
    permission: 'transfer.manage',
    summary: '按代码查找在册党支部（开具转接介绍信时核对接收方名称）',
    tags,
    response: orgRefSchema,
    params: z.object({ code: z.string().trim().min(1).max(32) }),
    handler: async ({ q, params }) => {
      const o = await findOpenBranchByCode(q, params.code);
      if (!o) throw notFound('党支部');
      return { id: o.id, name: o.name, code: o.code };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id',
    permission: 'org.read',
    summary: '党组织详情',
    tags,
    response: orgSchema,
    params: idParams,
    handler: async ({ actor, q, params }) => {
      const o = await getOrgFor(q, actor, 'org.read', params.id);
      return presentOrg(actor, o, await findAncestors(q, o.orgPath));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/children',
    permission: 'org.read',
    summary: '下级党组织',
    tags,
    response: pageOf(orgSchema),
    params: idParams,
    querystring: z.object({ includeClosed: boolQuery.optional() }),
    handler: async ({ actor, q, params, query }) => {
      // A hot path (every tree expand): one scoped query; only an empty answer needs the point
      // check that tells "no children" from "not yours" (404).
      // The parent must be in scope (not merely the child), so an outsider's request answers 404.
      const parentInScope = scopeFilter(actor, 'org.read', sql`subpath(o.path, 0, nlevel(o.path) - 1)`);
      const items = await findChildren(q, params.id, query.includeClosed ?? false, parentInScope);
      if (items.length === 0) authorize(actor, 'org.read', await findOrgRef(q, params.id), '党组织');
      return { items: items.map((c) => presentOrg(actor, c)), total: items.length };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/orgs',
    permission: 'org.manage',
    auditAction: 'org.create',
    summary: '新建党组织',
    tags,
    response: { 201: orgSchema },
    body: orgCreateSchema,
    handler: async ({ actor, q, body, audit, reply }) => {
      const o = await createOrg(q, actor, body);
      await audit({ targetType: 'org', targetId: o.id, detail: { parentId: body.parentId, code: o.code, type: o.type } });
      reply.status(201);
      return presentOrg(actor, o);
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/v1/orgs/:id',
    permission: 'org.manage',
    auditAction: 'org.update',
    summary: '修改党组织信息',
    tags,
    response: orgSchema,
    params: idParams,
    body: orgUpdateSchema,
    handler: async ({ actor, q, params, body, audit }) => {
      const o = await updateOrgAttributes(q, actor, params.id, body);
      await audit({ targetType: 'org', targetId: o.id, detail: { fields: Object.keys(body) } });
      return presentOrg(actor, o);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/orgs/:id/move',
    permission: 'org.manage',
    auditAction: 'org.move',
    summary: '调整隶属关系（移动党组织及其全部下级）',
    tags,
    response: orgSchema,
    params: idParams,
    body: orgMoveSchema,
    handler: async ({ actor, q, params, body, audit }) => {
      const { org, from } = await moveOrg(q, actor, params.id, body.parentId);
      await audit({ targetType: 'org', targetId: org.id, detail: { from, to: body.parentId } });
      return presentOrg(actor, org);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/orgs/:id/close',
    permission: 'org.manage',
    auditAction: 'org.close',
    summary: '撤销党组织（保留历史）',
    tags,
    response: orgSchema,
    params: idParams,
    body: orgCloseSchema,
    handler: async ({ actor, q, params, body, audit, deps }) => {
      const o = await closeOrg(q, actor, params.id, body.closedAt, body.reason, businessDate(deps.now()));
      await audit({ targetType: 'org', targetId: o.id, detail: { closedAt: body.closedAt } });
      return presentOrg(actor, o);
    },
  });
};
