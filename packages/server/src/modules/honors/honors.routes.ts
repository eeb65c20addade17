import {
  type Actor,
  COMMENDATION_LEVELS,
  COMMENDATION_TITLES,
  commendationCreateSchema,
  MEDAL50_STATUSES,
  medal50AwardSchema,
  medal50RecommendSchema,
  medal50ReviewSchema,
  pathIds,
  recordIdParam,
  scopesFor,
} from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams, pageOf } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import {
  commendationSchema,
  medal50CasePageSchema,
  medal50CaseSchema,
  medal50ListSchema,
  memberHonorsSchema,
  presentCommendation,
} from './honors.presenter.js';
import {
  awardMedal50,
  createCommendation,
  getMedal50Case,
  listCommendations,
  listMedal50Cases,
  medal50List,
  memberHonors,
  recommendMedal50,
  reviewMedal50,
} from './honors.service.js';

const tags = ['表彰激励'];
const year = z.coerce.number().int().min(1921, '年度不能早于1921年').max(2100, '年度不能晚于2100年');
const medalYear = z.coerce.number().int().min(2021, '纪念章自2021年起颁发').max(2100);

/** The org a list is for: the one asked, else the actor's first scope root; checked for reading. */
const listOrg = async (q: Q, actor: Actor, orgId: number | undefined) => {
  const id = orgId ?? pathIds(scopesFor(actor, 'honor.read')[0] ?? '0').at(-1);
  const o = id ? await findOrgRef(q, id) : undefined;
  authorize(actor, 'honor.read', o, '党组织');
  return o;
};

/** /api/v1/honors: 表彰 and 「光荣在党50年」. */
export const honorRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50',
    permission: 'honor.read',
    summary: '「光荣在党50年」纪念章应颁发名单（含各人的申报进度）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional(), year: medalYear }),
    response: medal50ListSchema,
    handler: async ({ actor, q, query, deps }) =>
      medal50List(q, actor, await listOrg(q, actor, query.orgId), query.year, businessDate(deps.now())),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50/cases',
    permission: 'honor.read',
    summary: '纪念章申报（推荐、审核、颁发）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional(), year: medalYear.optional(), status: z.enum(MEDAL50_STATUSES).optional() }),
    response: medal50CasePageSchema,
    handler: async ({ actor, q, query, deps }) => {
      const o = await listOrg(q, actor, query.orgId);
      const items = await listMedal50Cases(q, actor, o, { year: query.year, status: query.status }, businessDate(deps.now()));
      return { items, total: items.length };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50/cases/:id',
    permission: 'honor.read',
    summary: '一份纪念章申报及其各步记录',
    tags,
    params: idParams,
    response: medal50CaseSchema,
    handler: async ({ actor, q, params, deps }) => getMedal50Case(q, actor, params.id, businessDate(deps.now())),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_recommend',
    summary: '推荐颁发「光荣在党50年」纪念章',
    tags,
    body: medal50RecommendSchema,
    response: { 201: medal50CaseSchema },
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const c = await recommendMedal50(q, { actor, today: businessDate(deps.now()), audit }, body);
      reply.status(201);
      return c;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases/:id/review',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_review',
    summary: '审核纪念章申报（征求纪检监察机关意见）',
    tags,
    params: idParams,
    body: medal50ReviewSchema,
    response: medal50CaseSchema,
    handler: async ({ actor, q, params, body, deps, audit }) =>
      reviewMedal50(q, { actor, today: businessDate(deps.now()), audit }, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases/:id/award',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_award',
    summary: '颁发「光荣在党50年」纪念章',
    tags,
    params: idParams,
    body: medal50AwardSchema,
    response: medal50CaseSchema,
    handler: async ({ actor, q, params, body, deps, audit }) =>
      awardMedal50(q, { actor, today: businessDate(deps.now()), audit }, params.id, body.date),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/commendations',
    permission: 'honor.read',
    summary: '表彰记录（优秀共产党员、优秀党务工作者、先进基层党组织）',
    tags,
    querystring: z.object({
      orgId: recordIdParam.optional(),
      year: year.optional(),
      title: z.enum(COMMENDATION_TITLES).optional(),
      level: z.enum(COMMENDATION_LEVELS).optional(),
    }),
    response: pageOf(commendationSchema),
    handler: async ({ actor, q, query }) => {
      const o = await listOrg(q, actor, query.orgId);
      const items = await listCommendations(q, actor, o, { year: query.year, title: query.title, level: query.level });
      return { items: items.map(presentCommendation), total: items.length };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/commendations',
    permission: 'honor.manage',
    auditAction: 'honor.commendation_create',
    summary: '登记表彰',
    tags,
    body: commendationCreateSchema,
    response: { 201: commendationSchema },
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const c = presentCommendation(await createCommendation(q, actor, actor.userId, body, businessDate(deps.now())));
      await audit({ targetType: 'commendation', targetId: c.id, detail: { title: c.title, level: c.level, year: c.year } });
      reply.status(201);
      return c;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id/honors',
    permission: 'honor.read',
    summary: '党员获得的表彰与纪念章',
    tags,
    params: idParams,
    response: memberHonorsSchema,
    handler: async ({ actor, q, params, deps }) => {
      const h = await memberHonors(q, actor, params.id, businessDate(deps.now()));
      return { commendations: h.commendations.map(presentCommendation), medal50: h.medal50 };
    },
  });
};
