import {
  ETHNICITIES,
  isMedal50Eligible,
  MEMBER_STATUSES,
  medal50Cutoff,
  memberCreateSchema,
  memberUpdateSchema,
  normalizeIdNumber,
  pathIds,
  recordIdParam,
  revealSchema,
  scopesFor,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { blindIndex } from '../../platform/crypto.js';
import { businessDate } from '../../platform/dates.js';
import { route } from '../../platform/http.js';
import { idParams, pageQuery, paging } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { presentMember } from './member.presenter.js';
import { searchMembers } from './member.repo.js';
import { createMember, getMemberFor, revealMemberField, updateMember } from './member.service.js';

const tags = ['党员管理'];

/** /api/v1/members and /api/v1/honors/medal50. */
export const memberRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/members',
    permission: 'member.read',
    summary: '党员名册（按组织、姓名、身份证号、状态等查询）',
    tags,
    querystring: z.object({
      orgId: recordIdParam.optional(),
      q: z.string().trim().max(40).optional(),
      status: z.enum(MEMBER_STATUSES).optional(),
      gender: z.enum(['male', 'female']).optional(),
      ethnicity: z.enum(ETHNICITIES).optional(),
      includeExited: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      ...pageQuery,
    }),
    handler: async ({ actor, q, query, deps }) => {
      let underPath: string | undefined;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'member.read', o, '党组织');
        underPath = o.orgPath;
      }
      // A whole ID number is looked up by its blind index; anything else is a name or pinyin fragment.
      const term = query.q ? normalizeIdNumber(query.q) : undefined;
      const isId = term !== undefined && /^(\d{17}[\dX]|\d{15})$/.test(term);
      const found = await searchMembers(q, {
        scope: scopeFilter(actor, 'member.read', sql`o.path`),
        underPath,
        name: isId ? undefined : query.q,
        idIndex: isId ? blindIndex(deps.keys, term as string) : undefined,
        status: query.status,
        gender: query.gender,
        ethnicity: query.ethnicity,
        includeExited: query.includeExited,
        ...paging(query),
      });
      const today = businessDate(deps.now());
      return { items: found.items.map((m) => presentMember(actor, m, today)), total: found.total };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id',
    permission: 'member.read',
    summary: '党员详情',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps }) =>
      presentMember(actor, await getMemberFor(q, actor, 'member.read', params.id), businessDate(deps.now())),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members',
    permission: 'member.manage',
    auditAction: 'member.create',
    summary: '登记党员',
    tags,
    body: memberCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const m = await createMember(q, deps.keys, actor, body, today);
      await audit({ targetType: 'member', targetId: m.id, detail: { orgId: m.orgId } });
      reply.status(201);
      return presentMember(actor, m, today);
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/v1/members/:id',
    permission: 'member.manage',
    auditAction: 'member.update',
    summary: '修改党员信息',
    tags,
    params: idParams,
    body: memberUpdateSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const today = businessDate(deps.now());
      const m = await updateMember(q, deps.keys, actor, params.id, body, today);
      // Field names only: the audit log holds no personal data.
      await audit({ targetType: 'member', targetId: m.id, detail: { fields: Object.keys(body) } });
      return presentMember(actor, m, today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members/:id/reveal',
    permission: 'member.reveal',
    auditAction: 'member.reveal',
    summary: '查看完整公民身份号码或手机号码（须填写原因，留痕）',
    tags,
    params: idParams,
    body: revealSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const value = await revealMemberField(q, deps.keys, actor, params.id, body.field, deps.now());
      await audit({ targetType: 'member', targetId: params.id, detail: { field: body.field, reason: body.reason } });
      return { field: body.field, value };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50',
    permission: 'member.read',
    summary: '「光荣在党50年」纪念章应颁发名单',
    tags: ['表彰激励'],
    querystring: z.object({
      orgId: recordIdParam.optional(),
      year: z.coerce.number().int().min(2021, '纪念章自2021年起颁发').max(2100),
    }),
    handler: async ({ actor, q, query, deps }) => {
      const orgId = query.orgId ?? pathIds(scopesFor(actor, 'member.read')[0] ?? '0').at(-1);
      const o = orgId ? await findOrgRef(q, orgId) : undefined;
      authorize(actor, 'member.read', o, '党组织');
      const cutoff = medal50Cutoff(query.year);
      const found = await searchMembers(q, {
        scope: scopeFilter(actor, 'member.read', sql`o.path`),
        underPath: o.orgPath,
        status: 'full',
        fullMemberBy: cutoff,
        limit: 100_000,
        offset: 0,
      });
      const today = businessDate(deps.now());
      const items = found.items.filter((m) => isMedal50Eligible(m, query.year)).map((m) => presentMember(actor, m, today));
      return { org: { id: o.id, name: o.name }, year: query.year, cutoff, items, total: items.length };
    },
  });
};
